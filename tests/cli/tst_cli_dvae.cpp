// `aelab dvae` end to end on generated lines (no downloads): the metrics keys
// documented in docs/cli-guide.md, the NLL no worse than the negative ELBO on the same
// images, the sample grid, and bad input.
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

QJsonObject metricsIn(const QTemporaryDir& dir) {
    QFile f(dir.filePath("metrics.json"));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                       : QJsonObject();
}
} // namespace

class TestCliDvae : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void trainsAndEstimates() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(run({"dvae", "--dataset", "lines", "--model", "diwae", "--hidden", "32",
                      "--latent", "4", "--k", "3", "--epochs", "0.2", "--k-eval", "50",
                      "--eval-images", "40", "--out", dir.path()},
                     &err),
                 0);
        QFile f(dir.filePath("metrics.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
        for (const char* key :
             {"model", "epochs", "seconds", "train_elbo", "test_elbo", "test_nll", "k_eval"})
            QVERIFY2(m.contains(key), key);
        QCOMPARE(m["model"].toString(), QString("diwae"));
        QCOMPARE(m["k_eval"].toInt(), 50);
        QCOMPARE(m["k_train"].toInt(), 3);
        QCOMPARE(m["nll_images"].toInt(), 40);
        QVERIFY(std::abs(m["epochs"].toDouble() - 0.2) < 0.02);
        // log p(x) >= ELBO, so NLL <= -ELBO (up to the estimate's noise).
        QVERIFY(m["test_nll"].toDouble() > 0);
        QVERIFY(m["test_nll"].toDouble() <= -m["test_elbo"].toDouble() + 0.5);
        const QImage samples(dir.filePath("samples.png"));
        QCOMPARE(samples.size(), QSize(8 * 96 + 9 * 2, 8 * 96 + 9 * 2)); // 64 lines, x3
        QVERIFY(QFile::exists(dir.filePath("reconstructions.png")));
    }
    // --save writes a model file that --checkpoint reopens as it was: its
    // settings replace the options', --epochs 0 scores it to the last digit
    // and more epochs train on; a damaged file is refused.
    void savedModelReopensExactly() {
        QTemporaryDir dir, first, again, more;
        const QString file = dir.filePath("m.aelab-ae");
        QString err;
        QCOMPARE(run({"dvae",      "--dataset",      "lines", "--model",  "dvae", "--noise",
                      "mask:0.2",  "--hidden",       "32",    "--latent", "4",    "--binarize",
                      "fixed",     "--train-images", "300",   "--epochs", "1",    "--k-eval",
                      "50",        "--eval-images",  "40",    "--save",   file,   "--out",
                      first.path()},
                     &err),
                 0);
        QCOMPARE(run({"dvae", "--checkpoint", file, "--hidden", "64", "--epochs", "0", "--k-eval",
                      "50", "--eval-images", "40", "--out", again.path()},
                     &err),
                 0);
        const QJsonObject a = metricsIn(first), b = metricsIn(again);
        QCOMPARE(b["test_nll"].toDouble(), a["test_nll"].toDouble());
        QCOMPARE(b["model"].toString(), QString("dvae"));
        QCOMPARE(b["noise"].toString(), QString("mask:0.2"));
        QCOMPARE(b["binarize"].toString(), QString("fixed"));
        QCOMPARE(b["train_images"].toInt(), 300);
        QCOMPARE(b["steps"].toInt(), a["steps"].toInt());
        QVERIFY(b["command"].toString().contains("--checkpoint"));
        QCOMPARE(run({"dvae", "--checkpoint", file, "--epochs", "1", "--k-eval", "10",
                      "--eval-images", "10", "--out", more.path()},
                     &err),
                 0);
        QCOMPARE(metricsIn(more)["steps"].toInt(), 2 * a["steps"].toInt());
        QFile damaged(file);
        QVERIFY(damaged.open(QIODevice::ReadWrite) && damaged.resize(damaged.size() / 2));
        damaged.close();
        QCOMPARE(run({"dvae", "--checkpoint", file, "--epochs", "0", "--out", more.path()}, &err),
                 2);
        QVERIFY2(err.contains("cannot read model " + file), qPrintable(err));
    }
    // The paper's protocol options reach the model and the metrics.
    void protocolOptions() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(run({"dvae",
                      "--dataset",
                      "lines",
                      "--model",
                      "dvae",
                      "--hidden",
                      "32",
                      "--latent",
                      "4",
                      "--epochs",
                      "0.5",
                      "--k-eval",
                      "20",
                      "--eval-images",
                      "20",
                      "--binarize",
                      "fixed",
                      "--train-images",
                      "200",
                      "--decoder-layers",
                      "1",
                      "--clip-norm",
                      "5",
                      "--analytic-kl",
                      "--nll-mixture",
                      "3",
                      "--out",
                      dir.path()},
                     &err),
                 0);
        QFile f(dir.filePath("metrics.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(m["binarize"].toString(), QString("fixed"));
        QCOMPARE(m["train_images"].toInt(), 200);
        QCOMPARE(m["decoder_layers"].toInt(), 1);
        QCOMPARE(m["clip_norm"].toDouble(), 5.0);
        QVERIFY(m["analytic_kl"].toBool());
        QVERIFY(m["test_nll_mixture"].toDouble() > 0);
        // 200 images at batch 100: half an epoch is one step.
        QCOMPARE(m["steps"].toInt(), 1);
        QCOMPARE(
            run({"dvae", "--dataset", "lines", "--binarize", "twice", "--out", dir.path()}, &err),
            2);
        QVERIFY(err.contains("--binarize"));
        QCOMPARE(
            run({"dvae", "--dataset", "lines", "--decoder-layers", "3", "--out", dir.path()}, &err),
            2);
    }
    // dvae-compare: every model for every seed, the NLLs with their mean and
    // sd, the mixture estimate for the denoising model only, and the plot.
    void comparesOverSeeds() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(run({"dvae-compare", "--dataset", "lines", "--models", "vae,dvae", "--seeds",
                      "1,2", "--train-images", "200", "--eval-images", "20", "--epochs", "1",
                      "--k-eval", "10", "--nll-mixture", "2", "--out", dir.path()},
                     &err),
                 0);
        QFile f(dir.filePath("compare.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject all = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(all["binarize"].toString(), QString("fixed"));
        const QJsonObject vae = all["models"].toObject()["vae"].toObject();
        const QJsonObject dvae = all["models"].toObject()["dvae"].toObject();
        QCOMPARE(vae["test_nll"].toArray().size(), 2);
        QCOMPARE(dvae["seeds"].toArray().size(), 2);
        const double a = vae["test_nll"].toArray()[0].toDouble();
        const double b = vae["test_nll"].toArray()[1].toDouble();
        QVERIFY(std::abs(vae["mean"].toDouble() - (a + b) / 2) < 1e-9);
        QVERIFY(std::abs(vae["sd"].toDouble() - std::abs(a - b) / std::sqrt(2.0)) < 1e-9);
        QVERIFY(a != b); // two seeds, two models
        QVERIFY(!vae.contains("test_nll_mixture"));
        QCOMPARE(dvae["test_nll_mixture"].toArray().size(), 2);
        QVERIFY(QImage(dir.filePath("compare.png")).width() > 100);
        QCOMPARE(run({"dvae-compare", "--models", "vae,gan", "--out", dir.path()}, &err), 2);
        QVERIFY(err.contains("--models"));
    }
    void badInput() {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(run({"dvae", "--model", "gan", "--out", dir.path()}, &err), 2);
        QVERIFY(err.contains("--model"));
        QCOMPARE(
            run({"dvae", "--dataset", "lines", "--noise", "pink:3", "--out", dir.path()}, &err), 2);
        QVERIFY(err.contains("--noise"));
        QCOMPARE(run({"dvae", "--dataset", "lines", "--arch", "conv", "--epochs", "0", "--k-eval",
                      "2", "--eval-images", "2", "--out", dir.path()}),
                 0); // 32 x 32 suits the conv net
    }
};

QTEST_GUILESS_MAIN(TestCliDvae)
#include "tst_cli_dvae.moc"
