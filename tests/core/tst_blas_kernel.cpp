// The BLAS kernel choice: kernels are ranked, the self-test accepts the
// BLAS against a right reference and rejects it against a wrong one, and
// the app started with a user's OPENBLAS_CORETYPE keeps it.
#include "core/training/blas_kernel.h"

#include <QProcess>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

namespace {
// `aelab --version` under env (the rest of this process's environment).
QString versionUnder(const QMap<QString, QString>& set, const QStringList& unset = {}) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& name : unset)
        env.remove(name);
    for (auto it = set.begin(); it != set.end(); ++it)
        env.insert(it.key(), it.value());
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("AELAB_CLI"), {"--version"});
    if (!p.waitForFinished(60000)) return "did not finish";
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

class TestBlasKernel : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariableIsEmpty("AELAB_CLI"), "run by ctest"); }
    void init() { failOnWarnings(); }

    void kernelsAreRanked() {
        QVERIFY(kernelClass("Prescott") < kernelClass("Sandybridge"));
        QVERIFY(kernelClass("Sandybridge") < kernelClass("Haswell"));
        QVERIFY(kernelClass("Haswell") < kernelClass("SkylakeX"));
        QCOMPARE(kernelClass("Zen"), kernelClass("Haswell"));
        QCOMPARE(kernelClass("Cooperlake"), kernelClass("SkylakeX"));
        QCOMPARE(kernelClass("SomethingNew"), -1); // unknown kernels are left alone
        const std::string best = bestKernelForCpu();
        QVERIFY(best.empty() || kernelClass(best) >= 1);
    }

    void selfTestAgreesWithARightReference() {
        std::string why;
        QVERIFY2(blasSelfTest(&why), why.c_str());
    }

    // A kernel that computes wrong results is simulated by a reference that
    // disagrees with the BLAS in one entry.
    void selfTestRejectsAWrongResult() {
        const GemmReference wrong = [](const std::vector<float>& a, const std::vector<float>& b,
                                       int m, int k, int n) {
            std::vector<double> c(size_t(m) * n, 0.0);
            for (int i = 0; i < m; ++i)
                for (int p = 0; p < k; ++p)
                    for (int j = 0; j < n; ++j)
                        c[size_t(i) * n + j] += double(a[size_t(i) * k + p]) * b[size_t(p) * n + j];
            c[size_t(m) * n / 2] += 0.01;
            return c;
        };
        std::string why;
        QVERIFY(!blasSelfTest(&why, wrong));
        QVERIFY2(QString::fromStdString(why).contains("differs"), why.c_str());
    }

    void aUsersCoreTypeIsKept() {
        const QString out = versionUnder({{"OPENBLAS_CORETYPE", "Sandybridge"}},
                                         {"AELAB_BLAS_CHOSEN", "AELAB_BLAS_REJECTED"});
        if (!out.contains("OpenBLAS")) QSKIP("the selected BLAS is not OpenBLAS");
        QVERIFY2(out.contains("kernel Sandybridge (your OPENBLAS_CORETYPE)"), qPrintable(out));
    }

    // The restarted half of a fallback: the kernel aelab set stays once the
    // self-test has passed, and --version says who chose it.
    void aRestartKeepsAKernelThatPasses() {
        const std::string best = bestKernelForCpu();
        if (best.empty()) QSKIP("no vector kernel on this CPU");
        const QString kernel = QString::fromStdString(best);
        const QString out =
            versionUnder({{"OPENBLAS_CORETYPE", kernel}, {"AELAB_BLAS_CHOSEN", kernel}},
                         {"AELAB_BLAS_REJECTED"});
        if (!out.contains("OpenBLAS")) QSKIP("the selected BLAS is not OpenBLAS");
        QVERIFY2(out.contains("kernel " + kernel + " (set by aelab"), qPrintable(out));
        QVERIFY(out.contains("self-test passed"));
    }

    // Left to itself, the app runs a kernel at least as strong as the best the
    // CPU supports (OpenBLAS's own choice, or aelab's after a restart).
    void noFallbackIsLeftInPlace() {
        const QString out =
            versionUnder({}, {"OPENBLAS_CORETYPE", "AELAB_BLAS_CHOSEN", "AELAB_BLAS_REJECTED"});
        if (!out.contains("OpenBLAS")) QSKIP("the selected BLAS is not OpenBLAS");
        const QString kernel = out.section("kernel ", 1).section(' ', 0, 0);
        const std::string best = bestKernelForCpu();
        if (kernelClass(kernel.toStdString()) < 0) QSKIP("a kernel this build does not rank");
        QVERIFY2(best.empty() || kernelClass(kernel.toStdString()) >= kernelClass(best),
                 qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestBlasKernel)
#include "tst_blas_kernel.moc"
