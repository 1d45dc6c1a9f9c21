// `aelab field` end to end: files, headers, metrics; and one-line errors with
// exit code 2 for bad options and input. Runs the real binary.
#include "tests/cli/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

#include <cmath>
#include <unistd.h>

namespace {
using Run = CliRun;
Run aelab(const QStringList& args) {
    return runCliCaptured(args);
}
// A file of the given bytes in dir; its path.
QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) return {};
    return f.fileName();
}
QStringList lines(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}
} // namespace

class TestCliField : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void writesEveryOutput() {
        QTemporaryDir dir;
        const QString out = dir.filePath("run");
        const Run r = aelab({"field", "--dataset", "moons", "--sigma", "0.1", "--steps", "300",
                             "--points", "300", "--grid", "32", "--seed", "3", "--out", out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile m(out + "/metrics.json");
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QJsonObject metrics = QJsonDocument::fromJson(m.readAll()).object();
        for (const char* key : {"steps", "loss", "field_r2", "steps_per_second", "seconds"})
            QVERIFY2(metrics.contains(key), key);
        QCOMPARE(metrics["steps"].toInt(), 300);
        QVERIFY(metrics["field_r2"].toDouble() > 0.3);
        QVERIFY(metrics["steps_per_second"].toDouble() > 0);

        const QStringList field = lines(out + "/field.csv");
        QCOMPARE(field.value(0), QString("x,y,dx,dy,ideal_dx,ideal_dy,density"));
        QCOMPARE(field.size(), 1 + 32 * 32);
        QCOMPARE(field.value(1).split(',').size(), 7);
        const QStringList data = lines(out + "/data.csv");
        QCOMPARE(data.value(0), QString("x,y"));
        QCOMPARE(data.size(), 1 + 300);
        QCOMPARE(QImage(out + "/field.png").size(), QSize(900, 900));
    }
    void sameSeedSameMetrics() {
        QTemporaryDir dir;
        for (const char* sub : {"a", "b"}) {
            const Run r = aelab({"field", "--steps", "100", "--points", "200", "--grid", "16",
                                 "--out", dir.filePath(sub)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        const QStringList a = lines(dir.filePath("a/field.csv"));
        QCOMPARE(a.size(), 1 + 16 * 16);
        QCOMPARE(lines(dir.filePath("b/field.csv")), a);
        const auto metrics = [&](const char* sub) {
            QFile f(dir.filePath(QString(sub) + "/metrics.json"));
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                               : QJsonObject();
        };
        for (const char* key : {"loss", "field_r2"}) {
            QVERIFY2(metrics("a").contains(key), key);
            QCOMPARE(metrics("a")[key].toDouble(), metrics("b")[key].toDouble());
        }
    }
    // The scaling issue's figure: a million points train and write their
    // field under a 4 GB address-space limit (100,000 once took 4.2 GB).
    void aMillionPointsFitInFourGigabytes() {
        QTemporaryDir dir;
        QProcess p;
        p.start("bash",
                {"-c", "ulimit -v 4000000; exec \"$0\" \"$@\"", qEnvironmentVariable("AELAB_CLI"),
                 "field", "--points", "1000000", "--steps", "200", "--out", dir.path()});
        QVERIFY(p.waitForFinished(300000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QFile m(dir.filePath("metrics.json"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QJsonObject metrics = QJsonDocument::fromJson(m.readAll()).object();
        QCOMPARE(metrics["points"].toDouble(), 1e6);
        QVERIFY(metrics["peak_memory_mb"].toDouble() > 0);
        QVERIFY(std::isfinite(metrics["field_r2"].toDouble()));
    }
    void readsCsvData() {
        QTemporaryDir dir;
        const QString csv = writeFile(dir, "pts.csv", "x,y\n0,0\n0.5,0.5\n-0.5,0.5\n");
        const Run r = aelab({"field", "--dataset", "csv", "--csv", csv, "--steps", "10", "--grid",
                             "16", "--out", dir.filePath("o")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(lines(dir.filePath("o/data.csv")).size(), 4);
    }
    void dataBeyondSinglePrecisionIsRefusedByScale() {
        // 1e30 squared overflows float: it once read "diverged at step 0;
        // lower --lr", blaming a learning rate that had not acted yet.
        QTemporaryDir dir;
        const QString csv = writeFile(dir, "huge.csv", "x,y\n1e30,1e30\n-1e30,2e30\n3e30,-1e30\n");
        const Run r = aelab({"field", "--dataset", "csv", "--csv", csv, "--steps", "10", "--out",
                             dir.filePath("o")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("the points reach 3e+30") && r.err.contains("rescale the data") &&
                     !r.err.contains("--lr"),
                 qPrintable(r.err));
    }
    void badInputIsOneLineAndExitTwo_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        QTest::newRow("unknown option")
            << QStringList{"field", "--bogus", "1", "--out", "x"} << "bogus";
        QTest::newRow("bad number")
            << QStringList{"field", "--sigma", "abc", "--out", "x"} << "--sigma";
        QTest::newRow("negative sigma")
            << QStringList{"field", "--sigma", "-1", "--out", "x"} << "--sigma";
        QTest::newRow("bad dataset")
            << QStringList{"field", "--dataset", "spirals", "--out", "x"} << "--dataset";
        QTest::newRow("no out") << QStringList{"field", "--steps", "1"} << "--out";
        QTest::newRow("empty out")
            << QStringList{"field", "--steps", "1", "--out", ""} << "--out needs a folder name";
        QTest::newRow("missing csv")
            << QStringList{"field", "--dataset", "csv", "--csv", "/no/such.csv", "--out", "x"}
            << "/no/such.csv";
        QTest::newRow("unknown verb") << QStringList{"fields"} << "unknown verb";
        // Refused before training, not after it.
        QTest::newRow("model into a missing folder")
            << QStringList{"field",         "--steps", "100000000", "--save-model",
                           "/no/such/m.pt", "--out",   "x"}
            << "--save-model: the folder /no/such does not exist";
    }
    void badInputIsOneLineAndExitTwo() {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        QTemporaryDir dir;
        for (QString& a : args)
            if (a == "x") a = dir.filePath("x");
        const Run r = aelab(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(needle), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count('\n'), 0);
    }
    // A folder the run cannot write to: one line naming it, nothing written.
    // Root writes through permission bits, so as root the folder is /proc/self
    // (which refuses new files to everyone); otherwise a folder made 0555.
    void readOnlyOutputFolder() {
        QTemporaryDir dir;
        QString target = "/proc/self";
        if (::geteuid() != 0) {
            target = dir.filePath("ro");
            QVERIFY(QDir().mkpath(target));
            QVERIFY(QFile::setPermissions(target, QFile::ReadOwner | QFile::ExeOwner));
        }
        const Run r = aelab({"field", "--steps", "5", "--grid", "8", "--out", target});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(target) && r.err.contains("not writable"), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count('\n'), 0);
        QVERIFY(!QFile::exists(target + "/metrics.json"));
    }
    void helpAndVersion() {
        const Run help = aelab({"--help"});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("field"));
        const Run version = aelab({"--version"});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.startsWith("aelab "));
        const Run fieldHelp = aelab({"field", "--help"});
        QCOMPARE(fieldHelp.code, 0);
        QVERIFY(fieldHelp.out.contains("--sigma"));
    }
};

QTEST_GUILESS_MAIN(TestCliField)
#include "tst_cli_field.moc"
