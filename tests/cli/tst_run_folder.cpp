// A run's outputs replace an earlier run's as a set (cli/run_folder.h,
// reliability.md class 4): leftovers of the earlier run go, a user's own
// files stay, and a run that is killed or fills the disk leaves the earlier
// run's files as they were.
#include "tests/cli/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_time.h"
#include "tests/test_warnings.h"

#include <cerrno>
#include <cstring>

namespace {

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList visible(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QStringList stagings(const QString& dir) {
    return QDir(dir).entryList({".aelab-staging-*"}, QDir::Dirs | QDir::Hidden);
}

QStringList fieldRun(const QString& out) {
    return {"field", "--steps", "20", "--points", "200", "--grid", "16", "--out", out};
}

// The binary under a shell prelude (limits, ignored signals).
QProcess* startUnder(const QString& prelude, const QStringList& args, QObject* parent) {
    auto* p = new QProcess(parent);
    p->start("bash", QStringList{"-c", prelude + "; exec \"$0\" \"$@\"",
                                 qEnvironmentVariable("AELAB_CLI")} +
                         args);
    return p;
}

} // namespace

class TestRunFolder : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void leftoversOfAnEarlierRunGoAndUserFilesStay() {
        QTemporaryDir dir;
        QVERIFY2(runCli(fieldRun(dir.path())) == 0, "first run");
        QVERIFY(QFile::exists(dir.filePath("field.csv")));
        QFile notes(dir.filePath("notes.txt"));
        QVERIFY(notes.open(QIODevice::WriteOnly) && notes.write("mine") == 4);
        notes.close();
        QString err;
        QCOMPARE(runCli({"chain", "--train-steps", "20", "--points", "200", "--particles", "50",
                         "--chain-steps", "2", "--video-size", "64", "--out", dir.path()},
                        &err),
                 0);
        QVERIFY2(!QFile::exists(dir.filePath("field.csv")), "the field run's file was left");
        QVERIFY(QFile::exists(dir.filePath("chain.csv")));
        QCOMPARE(contents(dir.filePath("notes.txt")), QByteArray("mine"));
        QVERIFY(stagings(dir.path()).isEmpty());
        QVERIFY(contents(dir.filePath(".aelab-run")).contains("chain.csv"));
    }
    void aFullDiskFailsByNameAndKeepsTheEarlierRun() {
        // A file-size limit stands in for a full disk: writes past it fail
        // (EFBIG) as they would with ENOSPC; SIGXFSZ is ignored so they return.
        QTemporaryDir dir;
        QVERIFY2(runCli(fieldRun(dir.path())) == 0, "first run");
        const QByteArray metrics = contents(dir.filePath("metrics.json"));
        const QStringList files = visible(dir.path());
        QScopedPointer<QProcess> p(startUnder(
            "trap '' XFSZ; ulimit -f 100",
            {"field", "--steps", "30", "--points", "300", "--grid", "64", "--out", dir.path()},
            nullptr));
        QVERIFY(p->waitForFinished(scaledMs(120000)));
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QCOMPARE(p->exitCode(), 1);
        const QString err = QString::fromUtf8(p->readAllStandardError());
        // Named as the user gave the folder, not the staging folder.
        // The system's words for EFBIG, in the user's language (the locale
        // matrix runs this under de_DE, fr_FR and tr_TR).
        QVERIFY2(err.contains("cannot write " + dir.filePath("field.csv")) &&
                     err.contains(QString::fromLocal8Bit(std::strerror(EFBIG))),
                 qPrintable(err));
        QCOMPARE(err.count('\n'), 1);
        QCOMPARE(contents(dir.filePath("metrics.json")), metrics);
        QCOMPARE(visible(dir.path()), files);
        QVERIFY(stagings(dir.path()).isEmpty());
    }
    void aKilledRunLeavesTheEarlierRunIntact() {
        QTemporaryDir dir;
        QVERIFY2(runCli(fieldRun(dir.path())) == 0, "first run");
        const QByteArray metrics = contents(dir.filePath("metrics.json"));
        const QStringList files = visible(dir.path());
        QScopedPointer<QProcess> p(startUnder(
            "true", {"field", "--steps", "100000000", "--points", "200", "--out", dir.path()},
            nullptr));
        QTRY_VERIFY_WITH_TIMEOUT(!stagings(dir.path()).isEmpty(), scaledMs(60000));
        p->kill(); // SIGKILL: no handler runs
        QVERIFY(p->waitForFinished(scaledMs(10000)));
        QCOMPARE(contents(dir.filePath("metrics.json")), metrics);
        QCOMPARE(visible(dir.path()), files);
        // The dead run's staging folder goes with the next run.
        QVERIFY(!stagings(dir.path()).isEmpty());
        QVERIFY2(runCli(fieldRun(dir.path())) == 0, "third run");
        QVERIFY(stagings(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunFolder)
#include "tst_run_folder.moc"
