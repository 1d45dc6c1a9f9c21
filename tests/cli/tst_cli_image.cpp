// `aelab image-dae` and `aelab lines` end to end: output files, metrics
// keys, the animation's frame count, the line PNG's pixels, and bad input.
#include "datasets/image_source.h"
#include "datasets/lines.h"
#include "media/video_encoder.h"

#include "tests/cli/cli_runner.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

namespace {
// Mean per-pixel BCE on the test lines of the predictor that outputs the
// training lines' per-pixel mean whatever its input.
double meanPredictorBce() {
    const aelab::ImageSet set = aelab::loadImageSource("lines");
    const torch::Tensor p = set.train.mean(0).clamp(1e-6, 1 - 1e-6);
    const torch::Tensor x = set.test;
    return -(x * p.log() + (1 - x) * (1 - p).log()).mean().item<double>();
}
int run(const QStringList& args, QString* err = nullptr) {
    return runCli(args, err);
}
} // namespace

class TestCliImage : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    // --save writes a model file that --checkpoint reopens as it was: its
    // settings replace the options' and --steps 0 scores it to the last digit.
    void imageDaeSavedModelReopensExactly() {
        QTemporaryDir dir, first, again;
        const QString file = dir.filePath("dae.aelab-ae");
        QString err;
        QCOMPARE(run({"image-dae", "--dataset", "lines", "--arch", "mlp", "--base", "32", "--steps",
                      "40", "--chains", "4", "--chain-steps", "2", "--noise", "saltpepper:0.2",
                      "--save", file, "--out", first.path()},
                     &err),
                 0);
        QCOMPARE(run({"image-dae", "--checkpoint", file, "--arch", "conv", "--steps", "0",
                      "--chains", "4", "--chain-steps", "2", "--out", again.path()},
                     &err),
                 0);
        auto metrics = [](const QTemporaryDir& d) {
            QFile f(d.filePath("metrics.json"));
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                               : QJsonObject();
        };
        const QJsonObject a = metrics(first), b = metrics(again);
        QCOMPARE(b["test_loss"].toDouble(), a["test_loss"].toDouble());
        QCOMPARE(b["arch"].toString(), QString("mlp"));
        QCOMPARE(b["base"].toInt(), 32);
        QCOMPARE(b["noise"].toString(), QString("saltpepper:0.2"));
        QCOMPARE(b["steps"].toInt(), 40);
        QCOMPARE(
            run({"image-dae", "--checkpoint", dir.filePath("none.aelab-ae"), "--out", again.path()},
                &err),
            2);
        QVERIFY2(err.contains("cannot read model"), qPrintable(err));
    }
    void imageDaeWritesEverything() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(run({"image-dae", "--dataset", "lines", "--arch", "mlp", "--base", "64", "--steps",
                      "150", "--lr", "0.003", "--chains", "9", "--chain-steps", "5", "--noise",
                      "gaussian:0.3", "--out", dir.path()},
                     &err),
                 0);
        QFile m(dir.filePath("metrics.json"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QJsonObject metrics = QJsonDocument::fromJson(m.readAll()).object();
        QCOMPARE(metrics["steps"].toInt(), 150);
        for (const char* key : {"train_loss", "test_loss", "seconds"})
            QVERIFY2(metrics[key].toDouble() > 0, key);
        // Learned something: below the BCE of the best model that ignores its
        // input, the per-pixel mean of the training lines.
        const double meanPredictor = meanPredictorBce();
        QVERIFY2(metrics["test_loss"].toDouble() < 0.7 * meanPredictor,
                 qPrintable(QString("test loss %1, per-pixel mean %2")
                                .arg(metrics["test_loss"].toDouble())
                                .arg(meanPredictor)));
        const QJsonObject score = metrics["sample_score"].toObject();
        QVERIFY(score["nearest_train"].toDouble() > 0 && score["nearest_other"].toDouble() >= 0);
        QVERIFY(metrics["test_image_score"].toObject()["nearest_train"].toDouble() > 0);
        QCOMPARE(metrics["noise"].toString(), QString("gaussian:0.3"));
        // reconstructions.png: clean, corrupted, reconstructed rows of 16 lines (32 px, x3, 2 px
        // gaps).
        const QImage rec(dir.filePath("reconstructions.png"));
        QCOMPARE(rec.size(), QSize(16 * 96 + 17 * 2, 3 * 96 + 4 * 2));
        const QImage samples(dir.filePath("samples.png"));
        QCOMPARE(samples.size(), QSize(3 * 96 + 4 * 2, 3 * 96 + 4 * 2)); // 9 chains in 3 columns
        QCOMPARE(aelab::countVideoFrames(dir.filePath("chain.gif").toStdString()), 6);
    }
    // With no chain steps the samples are the chains' starts: corrupted test
    // images lie within the noise (std 0.1) of a training line, uniform noise
    // does not.
    void refinementStartsFromCorruptedTestImages() {
        QTemporaryDir dir;
        const auto startScore = [&](const QString& start) {
            const QString out = dir.filePath(start);
            const int code = run({"image-dae",
                                  "--dataset",
                                  "lines",
                                  "--arch",
                                  "mlp",
                                  "--base",
                                  "32",
                                  "--steps",
                                  "10",
                                  "--chains",
                                  "4",
                                  "--chain-steps",
                                  "0",
                                  "--start",
                                  start,
                                  "--inject",
                                  "0",
                                  "--noise",
                                  "gaussian:0.1",
                                  "--out",
                                  out});
            QFile m(out + "/metrics.json");
            if (code != 0 || !m.open(QIODevice::ReadOnly)) return QJsonObject();
            return QJsonDocument::fromJson(m.readAll()).object();
        };
        const QJsonObject test = startScore("test"), noise = startScore("noise");
        QCOMPARE(test["chain_start"].toString(), QString("test"));
        QCOMPARE(test["inject"].toString(), QString("0"));
        const double fromTest = test["sample_score"].toObject()["nearest_train"].toDouble();
        const double fromNoise = noise["sample_score"].toObject()["nearest_train"].toDouble();
        QVERIFY2(fromTest > 0 && fromTest < 0.2 && fromNoise > 3 * fromTest,
                 qPrintable(QString("test %1, noise %2").arg(fromTest).arg(fromNoise)));
    }
    void badInputIsRefused() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(
            run({"image-dae", "--dataset", "folder:" + dir.filePath("none"), "--out", dir.path()},
                &err),
            2);
        QVERIFY2(err.contains("not a folder"), qPrintable(err));
        QCOMPARE(run({"image-dae", "--dataset", "cifar", "--out", dir.path()}, &err), 2);
        QVERIFY(err.contains("--dataset"));
        QCOMPARE(run({"image-dae", "--noise", "blur:1", "--out", dir.path()}, &err), 2);
        QVERIFY(err.contains("--noise"));
        QCOMPARE(run({"image-dae", "--dataset", "lines", "--arch", "conv", "--base", "1", "--out",
                      dir.path()},
                     &err),
                 2);
    }
    // The PNG holds the generator's values, 0 for -1 and 255 for +1.
    void linesVerbWritesTheSpecifiedImage() {
        QTemporaryDir dir;
        for (double theta : {0.0, 0.3, 2.2}) {
            const QString path = dir.filePath(QString("line-%1.png").arg(theta));
            QCOMPARE(run({"lines", "--angle", QString::number(theta, 'g', 17), "--out", path}), 0);
            const QImage img(path);
            QCOMPARE(img.size(), QSize(32, 32));
            QVERIFY(img.isGrayscale());
            const aelab::LineImage want = aelab::drawLine(theta);
            for (int r = 0; r < 32; ++r)
                for (int c = 0; c < 32; ++c) {
                    const double v = qGray(img.pixel(c, r)) / 127.5 - 1.0;
                    QVERIFY(std::abs(v - want[size_t(r * 32 + c)]) <= 1.0 / 255 + 1e-9);
                }
        }
        const QImage zero(dir.filePath("line-0.png"));
        QCOMPARE(qGray(zero.pixel(20, 15)), 255);
        QCOMPARE(qGray(zero.pixel(10, 15)), 0);
        QCOMPARE(run({"lines", "--angle", "x", "--out", dir.filePath("bad.png")}), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliImage)
#include "tst_cli_image.moc"
