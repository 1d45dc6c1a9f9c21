// `aelab image-dae` and `aelab lines` end to end: output files, metrics
// keys, the animation's frame count, the line PNG's pixels, and bad input.
#include "datasets/lines.h"
#include "media/video_encoder.h"

#include "tests/cli/cli_runner.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

namespace {
int run(const QStringList& args, QString* err = nullptr) {
    return runCli(args, err);
}
} // namespace

class TestCliImage : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void imageDaeWritesEverything() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(run({"image-dae", "--dataset", "lines", "--arch", "mlp", "--base", "64", "--steps",
                      "60", "--chains", "9", "--chain-steps", "5", "--noise", "gaussian:0.3",
                      "--out", dir.path()},
                     &err),
                 0);
        QFile m(dir.filePath("metrics.json"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QJsonObject metrics = QJsonDocument::fromJson(m.readAll()).object();
        QCOMPARE(metrics["steps"].toInt(), 60);
        for (const char* key : {"train_loss", "test_loss", "seconds"})
            QVERIFY2(metrics[key].toDouble() > 0, key);
        QVERIFY(metrics["test_loss"].toDouble() < 0.7); // below BCE of a coin toss (ln 2)
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
    void refinementStartsFromCorruptedTestImages() {
        QTemporaryDir dir;
        QCOMPARE(run({"image-dae", "--dataset", "lines", "--arch", "mlp", "--base", "32", "--steps",
                      "10", "--chains", "4", "--chain-steps", "2", "--start", "test", "--inject",
                      "0", "--out", dir.path()}),
                 0);
        QFile m(dir.filePath("metrics.json"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QJsonObject metrics = QJsonDocument::fromJson(m.readAll()).object();
        QCOMPARE(metrics["chain_start"].toString(), QString("test"));
        QCOMPARE(metrics["inject"].toString(), QString("0"));
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
