// aelab dvae: train a VAE, DVAE, IWAE or DIWAE (docs/references.md §3) for a number
// of epochs, then estimate the test negative log-likelihood by importance
// sampling with K samples; write metrics.json, samples.png and
// reconstructions.png.
#include "datasets/dataset_error.h"
#include "datasets/image_set.h"
#include "datasets/image_source.h"
#include "core/vae/vae_trainer.h"
#include <torch/types.h>

#include "cli/args.h"
#include "cli/verbs.h"
#include "cli/field_common.h"
#include "cli/output.h"
#include "cli/training_loop.h"
#include "app/labkit/image_convert.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>

namespace aelab::cli {

namespace {
constexpr int kScale = 3;
} // namespace

int runDvaeVerb(const QStringList& args) {
    CliArgs a("dvae", "Train a VAE, DVAE, IWAE or DIWAE and estimate its test log-likelihood.");
    a.addOption("dataset", "mnist, fashion-mnist, lines or folder:PATH.", "mnist");
    a.addOption("model", "vae, dvae (denoising), iwae or diwae.", "dvae");
    a.addOption("arch", "mlp (the authors' D-200-200-50) or conv.", "mlp");
    a.addOption("hidden", "MLP: units of each hidden layer.", "200");
    a.addOption("latent", "Latent dimensions.", "50");
    a.addOption("k", "Importance samples per image when training IWAE and DIWAE.", "5");
    a.addOption("noise", "Input corruption of DVAE and DIWAE: saltpepper:P, gaussian:S or mask:P.",
                "saltpepper:0.1");
    a.addOption("lr", "Adam learning rate.", "0.001");
    a.addOption("batch", "Minibatch size.", "100");
    a.addOption("epochs", "Passes over the training set (may be fractional).", "10");
    a.addOption("k-eval", "Importance samples per test image for the NLL estimate.", "1000");
    a.addOption("eval-images", "Test images in the NLL estimate (default: all).");
    a.addOption("seed", "Seed of every random source.", "1");
    a.addOption("out", "Output folder (created if missing).");
    if (!a.parse(args)) return usageError(a);
    if (a.helpRequested()) return printHelp(a);

    aelab::VaeConfig config;
    QString model, arch;
    long long hidden = 0, latent = 0, k = 0, batch = 0, kEval = 0, evalImages = -1, seed = 0;
    double epochs = 0;
    if (!a.choice("model", {"vae", "dvae", "iwae", "diwae"}, model) ||
        !a.choice("arch", {"mlp", "conv"}, arch) || !a.integer("hidden", 1, 100000, hidden) ||
        !a.integer("latent", 1, 10000, latent) || !a.integer("k", 1, 10000, k) ||
        !a.number("lr", 1e-7, 10, config.learningRate) || !a.integer("batch", 1, 100000, batch) ||
        !a.number("epochs", 0, 100000, epochs) || !a.integer("k-eval", 1, 10000000, kEval) ||
        !a.integer("seed", 0, (1LL << 53), seed) ||
        (a.isSet("eval-images") && !a.integer("eval-images", 1, 100000000, evalImages)))
        return usageError(a);
    const auto noise = aelab::parseCorruption(a.text("noise").toStdString());
    if (!noise) {
        a.fail("--noise: expected saltpepper:P, gaussian:S or mask:P, got \"" + a.text("noise") +
               "\"");
        return usageError(a);
    }
    config.model = *aelab::parseVaeModel(model.toStdString());
    config.arch = arch == "mlp" ? aelab::VaeArch::Mlp : aelab::VaeArch::Conv;
    config.hidden = int(hidden);
    config.latent = int(latent);
    config.samples = int(k);
    config.noise = *noise;
    config.batch = int(batch);
    config.seed = std::uint64_t(seed);
    const QString dataset = a.text("dataset");
    if (!aelab::isImageSourceName(dataset.toStdString())) {
        a.fail("--dataset: expected mnist, fashion-mnist, lines or folder:PATH, got \"" + dataset +
               "\"");
        return usageError(a);
    }
    QDir out;
    if (int code = openOutputDir(a, out)) return code;
    aelab::ImageSet data;
    std::unique_ptr<aelab::VaeTrainer> trainer;
    try {
        data = aelab::loadImageSource(dataset.toStdString());
        trainer = std::make_unique<aelab::VaeTrainer>(data.train, config);
    } catch (const std::exception& e) {
        a.fail(QString::fromStdString(e.what()));
        return usageError(a);
    }

    const long long steps =
        std::llround(std::ceil(epochs * double(data.train.size(0)) / double(config.batch)));
    const CliTraining run = trainForCli(*trainer, steps);
    if (run.diverged) return runError(a, divergenceMessage(trainer->step(), run.badLoss));
    const double seconds = run.seconds;
    // The ELBO and the NLL on the same test images (a spread subset if asked:
    // the sets are sorted by class).
    const torch::Tensor evalSet =
        evalImages < 0 ? data.test : aelab::evenlySpaced(data.test, evalImages);
    const int64_t nllImages = evalSet.size(0);
    const double trainElbo = trainer->evaluateBound(aelab::evenlySpaced(data.train, 1000), 1);
    const double testElbo = trainer->evaluateBound(evalSet, 1, nllImages);
    QElapsedTimer clock;
    clock.start();
    const double nll = trainer->estimateNll(evalSet, int(kEval));
    const double nllSeconds = clock.nsecsElapsed() * 1e-9;

    QString error;
    if (!mosaic(toImages(trainer->sample(64, config.seed + 9)), 8, kScale, 2)
             .save(out.filePath("samples.png")))
        return runError(a, "cannot write " + out.filePath("samples.png"));
    const auto clean = aelab::evenlySpaced(data.test, 16);
    const QVector<QImage> rows = toImages(clean) +
                                 toImages(trainer->reconstruct(clean, false, config.seed)) +
                                 toImages(trainer->reconstruct(clean, true, config.seed));
    if (!mosaic(rows, 16, kScale, 2).save(out.filePath("reconstructions.png")))
        return runError(a, "cannot write " + out.filePath("reconstructions.png"));
    const QJsonObject metrics{
        {"model", model},
        {"dataset", dataset},
        {"arch", arch},
        {"noise", aelab::isDenoising(config.model)
                      ? QString::fromStdString(aelab::formatCorruption(config.noise))
                      : QString("none")},
        {"k_train", aelab::trainingSamples(config)},
        {"epochs", trainer->epochs()},
        {"steps", double(trainer->step())},
        {"seconds", seconds},
        {"train_elbo", trainElbo},
        {"test_elbo", testElbo},
        {"test_nll", nll},
        {"k_eval", double(kEval)},
        {"nll_images", double(nllImages)},
        {"nll_seconds", nllSeconds},
        {"unit", "nats per image; pixels binarised (Bernoulli of the grey level), test images "
                 "with a fixed seed"}};
    if (!writeJson(out.filePath("metrics.json"), metrics, &error)) return runError(a, error);
    QTextStream(stdout) << "dvae " << model << ": " << trainer->epochs() << " epochs in " << seconds
                        << " s, test ELBO " << testElbo << ", test NLL " << nll << " (K = " << kEval
                        << ") -> " << out.path() << "\n";
    return 0;
}

} // namespace aelab::cli
