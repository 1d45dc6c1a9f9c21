// `aelab interpolate` end to end: the cross-fade calibration on all 256
// benchmark pairs with its strips, a tiny ACAI run with its metrics keys,
// saving and continuing from a checkpoint, and bad input.
#include "tests/cli/cli_runner.h"

#include <QImage>
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
