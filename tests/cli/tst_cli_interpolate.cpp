// `aelab interpolate` end to end: the cross-fade calibration on all 256
// benchmark pairs with its strips, a tiny ACAI run with its metrics keys,
// saving and continuing from a checkpoint, and bad input.
#include "tests/cli/cli_runner.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "tests/test_warnings.h"

namespace {
int run(const QStringList& args, QString* err = nullptr) {
    return runCli(args, err);
}
QJsonObject metrics(const QTemporaryDir& dir) {
    QFile f(dir.filePath("metrics.json"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}
} // namespace

class TestCliInterpolate : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void crossfadeCalibration() {
        QTemporaryDir dir;
        QCOMPARE(run({"interpolate", "--model", "crossfade", "--out", dir.path()}), 0);
        const QJsonObject m = metrics(dir);
        QCOMPARE(m["model"].toString(), QString("crossfade"));
        QCOMPARE(m["pairs"].toInt(), 256);
        // A cross-fade stays near lines (small distance) but jumps (high smoothness).
        QVERIFY(m["mean_distance"].toDouble() > 1e-3 && m["mean_distance"].toDouble() < 2e-2);
        QVERIFY(m["smoothness"].toDouble() > 0.7 && m["smoothness"].toDouble() < 1 - 1.0 / 15);
        // The cross-fade stays inside [-1, 1]: as drawn it differs only by
        // the 256 grey levels (the rescoring matched it exactly).
        QVERIFY(std::abs(m["mean_distance_drawn"].toDouble() - m["mean_distance"].toDouble()) <
                1e-4);
        QVERIFY(m["score_protocol"].toString().contains("lib/eval.py"));
        QVERIFY(QFile::exists(dir.filePath("strips/255.png")));
        QVERIFY(!QFile::exists(dir.filePath("strips/256.png")));
        const QImage strip(dir.filePath("strips/000.png"));
        QCOMPARE(strip.size(), QSize(16 * 32, 32));
        QCOMPARE(strip.format(), QImage::Format_Grayscale8);
        QCOMPARE(qGray(strip.pixel(0, 0)), 0); // the background, -1
    }
    void acaiTrainsSavesAndContinues() {
        QTemporaryDir dir, again;
        const QString model = dir.filePath("acai.pt");
        QCOMPARE(run({"interpolate", "--model", "acai", "--steps", "20", "--depth", "2", "--batch",
                      "16", "--pairs", "8", "--save", model, "--out", dir.path()}),
                 0);
        const QJsonObject m = metrics(dir);
        for (const char* key : {"model", "steps", "seconds", "mean_distance", "smoothness"})
            QVERIFY2(m.contains(key), key);
        QCOMPARE(m["steps"].toInt(), 20);
        QVERIFY(m["critic_loss"].toDouble() > 0);
        QVERIFY(QFile::exists(dir.filePath("strips/007.png")));
        QCOMPARE(run({"interpolate", "--model", "vae", "--checkpoint", model, "--steps", "5",
                      "--pairs", "2", "--out", again.path()}),
                 0);
        QCOMPARE(metrics(again)["steps"].toInt(), 25);
        QCOMPARE(metrics(again)["model"].toString(), QString("acai"));
    }
    // --keep-best scores the validation pairs every 20 steps and ends with
    // the model of the lowest figure, which --save keeps.
    void keepBestEndsWithTheBestScoredModel() {
        QTemporaryDir dir, again;
        const QString model = dir.filePath("best.pt");
        QCOMPARE(run({"interpolate", "--model", "plain", "--steps", "60", "--keep-best", "20",
                      "--depth", "2", "--batch", "16", "--lr", "0.05", "--pairs", "4", "--save",
                      model, "--out", dir.path()}),
                 0);
        const QJsonObject m = metrics(dir);
        const QJsonArray log = m["validation"].toArray();
        QCOMPARE(log.size(), 4); // the starting model, then every 20 steps
        int bestRow = 0;
        for (int i = 0; i < log.size(); ++i) {
            const QJsonObject row = log[i].toObject();
            QCOMPARE(row["step"].toInt(), 20 * i);
            QVERIFY(row["figure"].toDouble() > 0);
            if (row["figure"].toDouble() < log[bestRow].toObject()["figure"].toDouble())
                bestRow = i;
        }
        const int bestStep = log[bestRow].toObject()["step"].toInt();
        QCOMPARE(m["best_step"].toInt(), bestStep);
        QCOMPARE(m["steps"].toInt(), bestStep);
        QCOMPARE(run({"interpolate", "--checkpoint", model, "--steps", "0", "--pairs", "4", "--out",
                      again.path()}),
                 0);
        QCOMPARE(metrics(again)["steps"].toInt(), bestStep);
    }
    // A run that only drifts ends where it started: a trained model continued
    // at a learning rate of 1 is wrecked within 20 steps, and --keep-best
    // gives back the model it started from.
    void keepBestUndoesADriftingContinuation() {
        QTemporaryDir dir, cont;
        const QString model = dir.filePath("a.pt");
        QCOMPARE(run({"interpolate", "--model",  "plain",   "--steps",  "200", "--depth",
                      "2",           "--scales", "3",       "--latent", "4",   "--batch",
                      "16",          "--lr",     "0.01",    "--pairs",  "4",   "--save",
                      model,         "--out",    dir.path()}),
                 0);
        QCOMPARE(run({"interpolate", "--checkpoint", model, "--lr", "1", "--steps", "40",
                      "--keep-best", "20", "--pairs", "4", "--out", cont.path()}),
                 0);
        const QJsonObject m = metrics(cont);
        const QJsonArray log = m["validation"].toArray();
        QCOMPARE(log.size(), 3);
        QVERIFY(log[2].toObject()["figure"].toDouble() >
                2 * log[0].toObject()["figure"].toDouble());
        QCOMPARE(m["best_step"].toInt(), 200);
        QCOMPARE(m["steps"].toInt(), 200);
        QCOMPARE(m["mean_distance"].toDouble(), metrics(dir)["mean_distance"].toDouble());
    }
    void keepBestIsOnlyForLines() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(
            run({"interpolate", "--dataset", "mnist", "--keep-best", "10", "--out", dir.path()},
                &err),
            2);
        QVERIFY(err.contains("--keep-best"));
    }
    void badInput() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(run({"interpolate", "--model", "gan", "--out", dir.path()}, &err), 2);
        QVERIFY(err.contains("--model"));
        QCOMPARE(
            run({"interpolate", "--model", "crossfade", "--dataset", "mnist", "--out", dir.path()},
                &err),
            2);
        QFile junk(dir.filePath("junk.pt"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("junk");
        junk.close();
        QCOMPARE(run({"interpolate", "--checkpoint", junk.fileName(), "--out", dir.path()}, &err),
                 2);
        QVERIFY(err.contains("cannot read model"));
    }
};

QTEST_GUILESS_MAIN(TestCliInterpolate)
#include "tst_cli_interpolate.moc"
