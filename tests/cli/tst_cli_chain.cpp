// `aelab chain` end to end: metrics keys, one distance per step, the CSV of
// every 10th step, the recorded animation, model files, and bad options.
#include "media/video_encoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_time.h"
#include "tests/test_warnings.h"

using namespace aelab;

class TestCliChain : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void writesMetricsAndCsv() {
        QTemporaryDir dir;
        QProcess p;
        p.start(qEnvironmentVariable("AELAB_CLI"), {"chain",
                                                    "--sigma",
                                                    "0.05",
                                                    "--train-steps",
                                                    "600",
                                                    "--points",
                                                    "300",
                                                    "--width",
                                                    "64",
                                                    "--particles",
                                                    "200",
                                                    "--chain-steps",
                                                    "25",
                                                    "--inject",
                                                    "0.05",
                                                    "--video-size",
                                                    "160",
                                                    "--save-model",
                                                    dir.filePath("model.pt"),
                                                    "--out",
                                                    dir.path()});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QFile m(dir.filePath("metrics.json"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QJsonObject metrics = QJsonDocument::fromJson(m.readAll()).object();
        QVERIFY(metrics["distance_metric"].toString().contains("energy"));
        const QJsonArray d = metrics["distances"].toArray();
        QCOMPARE(d.size(), 26); // the start and one per step
        QCOMPARE(metrics["distance_start"].toDouble(), d.first().toDouble());
        QCOMPARE(metrics["distance_end"].toDouble(), d.last().toDouble());
        QVERIFY(metrics["distance_end"].toDouble() < metrics["distance_start"].toDouble());
        QFile c(dir.filePath("chain.csv"));
        QVERIFY(c.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(c.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QString("step,particle,x,y"));
        QCOMPARE(lines.size(), 1 + 3 * 200); // steps 0, 10 and 20
        QVERIFY(lines.last().startsWith("20,199,"));
        // The animation: one frame for the start and one per step, in both files.
        QCOMPARE(aelab::countVideoFrames(dir.filePath("chain.gif").toStdString()), 26);
        QCOMPARE(aelab::countVideoFrames(dir.filePath("chain.mp4").toStdString()), 26);

        // The saved model runs again without training, with the same start.
        QTemporaryDir again;
        QProcess q;
        q.start(qEnvironmentVariable("AELAB_CLI"),
                {"chain", "--model", dir.filePath("model.pt"), "--particles", "200",
                 "--chain-steps", "3", "--video-size", "96", "--out", again.path()});
        QVERIFY(q.waitForFinished(120000));
        QVERIFY2(q.exitCode() == 0, q.readAllStandardError().constData());
        QFile m2(again.filePath("metrics.json"));
        QVERIFY(m2.open(QIODevice::ReadOnly));
        const QJsonObject second = QJsonDocument::fromJson(m2.readAll()).object();
        QCOMPARE(second["train_steps"].toDouble(), 0.0);
        QCOMPARE(second["distances"].toArray().size(), 4);
        QCOMPARE(second["distance_start"].toDouble(), metrics["distance_start"].toDouble());
    }
    void idealDenoiserNeedsNoTraining() {
        QTemporaryDir dir;
        QProcess p;
        p.start(qEnvironmentVariable("AELAB_CLI"),
                {"chain", "--denoiser", "ideal", "--train-steps", "0", "--points", "200",
                 "--particles", "300", "--chain-steps", "3", "--video-size", "96", "--out",
                 dir.path()});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QFile m(dir.filePath("metrics.json"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QJsonObject metrics = QJsonDocument::fromJson(m.readAll()).object();
        // Exact r* pulls uniform noise onto the data within a few steps.
        QVERIFY(metrics["distance_end"].toDouble() < 0.6 * metrics["distance_start"].toDouble());
    }
    void badModelFileIsAUsageError() {
        QTemporaryDir dir;
        QFile bad(dir.filePath("bad.pt"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a model");
        bad.close();
        QProcess p;
        p.start(qEnvironmentVariable("AELAB_CLI"),
                {"chain", "--model", bad.fileName(), "--out", dir.filePath("o")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("bad.pt"));
    }
    // A million particles run under a 4 GB address-space limit: the energy
    // distance measures its stated subsample (it once asked for 16 GB).
    void aMillionParticlesFitInFourGigabytes() {
        QTemporaryDir dir;
        QProcess p;
        p.start("bash",
                {"-c", "ulimit -v 4000000; exec \"$0\" \"$@\"", qEnvironmentVariable("AELAB_CLI"),
                 "chain", "--particles", "1000000", "--chain-steps", "1", "--train-steps", "5",
                 "--points", "100", "--video-size", "64", "--out", dir.path()});
        QVERIFY(p.waitForFinished(int(300000 * testTimeFactor())));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(QFileInfo(dir.filePath("metrics.json")).size() > 0);
    }
    // Past the command line's memory budget (here AELAB_MEMORY_LIMIT=1500M)
    // the model's hidden layer for a million particles (512 MB) cannot be
    // had: one line naming the budget, exit 1, not an abort or a kill.
    void runningOutOfMemoryIsAMessage() {
        QTemporaryDir dir;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("AELAB_MEMORY_LIMIT", "1500M");
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("AELAB_CLI"),
                {"chain", "--particles", "1000000", "--chain-steps", "1", "--train-steps", "5",
                 "--points", "100", "--video-size", "64", "--out", dir.path()});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.startsWith("aelab chain: out of memory (budget 1.5 GB, AELAB_MEMORY_LIMIT)"),
                 qPrintable(err));
        QCOMPARE(err.count('\n'), 1);
    }
    void rejectsBadOptions() {
        QProcess p;
        p.start(qEnvironmentVariable("AELAB_CLI"),
                {"chain", "--inject", "-1", "--out", "/tmp/unused"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--inject"));
    }
};

QTEST_GUILESS_MAIN(TestCliChain)
#include "tst_cli_chain.moc"
