// aelab image-dae: train the image DAE, then sample with chains from uniform
// noise (or refine noisy test images).
#include "core/sampling/chain_sampler.h"
#include "datasets/dataset_error.h"
#include "core/image/image_dae_trainer.h"
#include "datasets/image_source.h"
#include "core/metrics/sample_score.h"
#include <torch/types.h>

#include "cli/args.h"
#include "cli/verbs.h"
#include "cli/field_common.h"
#include "cli/output.h"
#include "cli/training_loop.h"
#include "app/labkit/image_convert.h"
#include "app/labkit/movie_writer.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTextStream>

namespace aelab::cli {

namespace {
constexpr int kPreviewImages = 16; // columns of reconstructions.png
constexpr int kScale = 3;          // pixels per image pixel in the PNGs and the GIF

QJsonObject scoreJson(const aelab::SampleScore& s) {
    return {{"nearest_train", s.nearestTrain}, {"nearest_other", s.nearestOther}};
}
} // namespace

int runImageDaeVerb(const QStringList& args) {
    CliArgs a("image-dae",
              "Train an image denoising autoencoder, then sample from it with chains.");
    a.addOption("dataset", "mnist, fashion-mnist, lines or folder:PATH.", "mnist");
    a.addOption("arch", "conv or mlp.", "conv");
    a.addOption("base", "Conv: channels at the first scale; MLP: units of the first hidden layer.");
    a.addOption("loss", "bce (sigmoid output, Creswell et al.) or mse.", "bce");
    a.addOption("noise", "Training corruption: gaussian:S, saltpepper:P or mask:P.",
                "gaussian:0.5");
    a.addOption("lr", "Adam learning rate.", "0.001");
    a.addOption("batch", "Minibatch size.", "64");
    a.addOption("steps", "Training steps.", "2000");
    a.addOption("chains", "Sampling chains.", "64");
    a.addOption("chain-steps", "Steps of each chain.", "50");
    a.addOption(
        "inject",
        "Before each chain step: train (the training corruption, x <- r(C(x))), or the std s of "
        "Gaussian noise (x <- r(x + eta); 0: x <- r(x)).",
        "train");
    a.addOption("start", "noise (uniform) or test (corrupted test images: refinement).", "noise");
    a.addOption("fps", "Frame rate of chain.gif (one frame per chain step).", "10");
    a.addOption("seed", "Seed of every random source.", "1");
    a.addOption("out", "Output folder (created if missing).");
    if (!a.parse(args)) return usageError(a);
    if (a.helpRequested()) return printHelp(a);

    aelab::ImageDaeConfig config;
    QString dataset = a.text("dataset"), arch, loss, start;
    long long base = 0, batch = 0, steps = 0, chains = 0, chainSteps = 0, seed = 0;
    double lr = 0, inject = 0, fps = 0;
    if (!a.choice("arch", {"conv", "mlp"}, arch) || !a.choice("loss", {"bce", "mse"}, loss) ||
        !a.choice("start", {"noise", "test"}, start) || !a.number("lr", 1e-7, 10, lr) ||
        !a.integer("batch", 1, 100000, batch) || !a.integer("steps", 0, 100000000, steps) ||
        !a.integer("chains", 1, 10000, chains) ||
        !a.integer("chain-steps", 0, 100000, chainSteps) ||
        (a.text("inject") != "train" && !a.number("inject", 0, 10, inject)) ||
        !a.number("fps", 0.5, 60, fps) || !a.integer("seed", 0, (1LL << 53), seed))
        return usageError(a);
    config.arch = arch == "conv" ? aelab::ImageArch::Conv : aelab::ImageArch::Mlp;
    config.base = aelab::defaultBase(config.arch);
    if (a.isSet("base") && !a.integer("base", 2, 4096, base)) return usageError(a);
    if (a.isSet("base")) config.base = int(base);
    config.loss = loss == "bce" ? aelab::ImageLoss::Bce : aelab::ImageLoss::SquaredError;
    const auto noise = aelab::parseCorruption(a.text("noise").toStdString());
    if (!noise) {
        a.fail("--noise: expected gaussian:S, saltpepper:P or mask:P, got \"" + a.text("noise") +
               "\"");
        return usageError(a);
    }
    config.noise = *noise;
    config.learningRate = lr;
    config.batch = int(batch);
    config.seed = std::uint64_t(seed);
    if (!aelab::isImageSourceName(dataset.toStdString())) {
        a.fail("--dataset: expected mnist, fashion-mnist, lines or folder:PATH, got \"" + dataset +
               "\"");
        return usageError(a);
    }
    QDir out;
    if (int code = openOutputDir(a, out)) return code;

    QElapsedTimer clock;
    clock.start();
    aelab::ImageSet data;
    aelab::ImageSourceOptions sourceOptions;
    sourceOptions.linesSeed = config.seed;
    try {
        data = aelab::loadImageSource(dataset.toStdString(), sourceOptions);
    } catch (const aelab::DatasetError& e) {
        a.fail(QString::fromStdString(e.what()));
        return usageError(a);
    }
    for (const auto& s : data.skipped)
        QTextStream(stderr) << "aelab image-dae: skipped " << QString::fromStdString(s) << "\n";
    const double loadSeconds = clock.nsecsElapsed() * 1e-9;

    std::unique_ptr<aelab::ImageDaeTrainer> trainer;
    try {
        trainer = std::make_unique<aelab::ImageDaeTrainer>(data.train, config);
    } catch (const std::invalid_argument& e) {
        a.fail(QString::fromStdString(e.what()));
        return usageError(a);
    }
    const CliTraining run = trainForCli(*trainer, steps);
    if (run.diverged) return runError(a, divergenceMessage(run.done, run.badLoss));
    const double trainLoss = run.lastLoss, trainSeconds = run.seconds;
    const double testLoss = trainer->evaluateLoss(data.test);

    // Clean, corrupted and reconstructed test images, one row each.
    const auto clean = aelab::evenlySpaced(data.test, kPreviewImages);
    const auto noisy = trainer->corrupt(clean, config.seed + 7);
    QVector<QImage> rows =
        toImages(clean) + toImages(noisy) + toImages(trainer->reconstruct(noisy));
    QString error;
    if (!mosaic(rows, int(clean.size(0)), kScale, 2).save(out.filePath("reconstructions.png")))
        return runError(a, "cannot write " + out.filePath("reconstructions.png"));

    // Chains, one GIF frame per step.
    const bool fromTest = start == "test";
    const torch::Tensor startImages = aelab::chainStartImages(*trainer, data.test, chains, fromTest,
                                                              config.seed + (fromTest ? 3 : 2));
    aelab::ChainSampler chain(trainer->denoiser(), startImages, config.seed + 4);
    const bool injectTraining = a.text("inject") == "train";
    if (injectTraining)
        chain.setInjector(trainer->trainingCorruption());
    else
        chain.setInjection(inject);
    const int columns = int(std::ceil(std::sqrt(double(chains))));
    const QImage first = mosaic(toImages(startImages), columns, kScale, 2);
    MovieWriter movie;
    if (!movie.open({out.filePath("chain.gif")}, first.size(), fps, &error))
        return runError(a, error);
    bool movieOk = movie.addFrame(first, &error);
    clock.start();
    double videoSeconds = 0;
    for (long long s = 0; s < chainSteps && movieOk; ++s) {
        chain.step();
        QElapsedTimer frameClock;
        frameClock.start();
        movieOk = movie.addFrame(mosaic(toImages(chain.particles()), columns, kScale, 2), &error);
        videoSeconds += frameClock.nsecsElapsed() * 1e-9;
    }
    const double chainSeconds = clock.nsecsElapsed() * 1e-9 - videoSeconds;
    if (!movieOk || !movie.finish(&error)) return runError(a, error);
    if (!mosaic(toImages(chain.particles()), columns, kScale, 2).save(out.filePath("samples.png")))
        return runError(a, "cannot write " + out.filePath("samples.png"));

    // The score, and the same for as many test images: the yardstick.
    const auto samples = chain.particles();
    const aelab::SampleScore score = aelab::scoreSamples(samples, data.train);
    const aelab::SampleScore reference =
        aelab::scoreSamples(aelab::evenlySpaced(data.test, chains), data.train);
    const QJsonObject metrics{
        {"dataset", dataset},
        {"arch", arch},
        {"base", config.base},
        {"parameters", double(trainer->model()->parameterCount())},
        {"loss", loss},
        {"noise", QString::fromStdString(aelab::formatCorruption(config.noise))},
        {"steps", double(trainer->step())},
        {"train_loss", trainLoss},
        {"test_loss", testLoss},
        {"loss_unit", "mean per pixel"},
        {"seconds", trainSeconds},
        {"load_seconds", loadSeconds},
        {"chains", double(chains)},
        {"chain_steps", double(chainSteps)},
        {"chain_start", start},
        {"inject", injectTraining
                       ? QString("train (%1)")
                             .arg(QString::fromStdString(aelab::formatCorruption(config.noise)))
                       : QString::number(inject)},
        {"chain_seconds", chainSeconds},
        {"video_seconds", videoSeconds},
        {"sample_score", scoreJson(score)},
        {"test_image_score", scoreJson(reference)},
        {"score_unit",
         "RMS pixel distance in [0, 1] units; nearest_train: to the nearest training image, "
         "nearest_other: to the nearest other sample; test_image_score: the same for test images"}};
    if (!writeJson(out.filePath("metrics.json"), metrics, &error)) return runError(a, error);
    QTextStream(stdout) << "image-dae: " << steps << " steps in " << trainSeconds
                        << " s, test loss " << testLoss << ", samples: nearest train "
                        << score.nearestTrain << " (test images " << reference.nearestTrain
                        << "), nearest other " << score.nearestOther << " (test images "
                        << reference.nearestOther << ") -> " << out.path() << "\n";
    return 0;
}

} // namespace aelab::cli
