// aelab interpolate: train (or load) one of the interpolation lab's models,
// then interpolate between pairs of test images. On lines it scores the
// interpolations with the benchmark of docs/references.md §4 (256 pairs, 16
// frames, 10,000 reference lines); --model crossfade scores the pixel
// cross-fade as a calibration.
#include "datasets/dataset_error.h"
#include "datasets/image_set.h"
#include "datasets/image_source.h"
#include "core/interp/interp_trainer.h"
#include "core/interp/lines_protocol.h"
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

namespace aelab::cli {

namespace {
void addModelOptions(CliArgs& a) {
    a.addOption("depth", "Channels at the first scale (doubled per scale).", "8");
    a.addOption("scales", "2x2 poolings (default: 3 for 32x32 images, 2 for 28x28).");
    a.addOption("latent", "Channels of the latent map (default: 4 for 3 scales, 2 for 2).");
    a.addOption("lambda", "ACAI: weight of the critic term in the autoencoder loss.", "0.5");
    a.addOption("gamma", "ACAI: blend of input and reconstruction shown to the critic.", "0.2");
    a.addOption("noise-std", "Denoising: Gaussian sigma on the [-1, 1] images.", "1.0");
    a.addOption("kl", "VAE: weight of the KL term.", "1.0");
    a.addOption("lr", "Adam learning rate (both optimisers).", "0.0005");
    a.addOption("batch", "Minibatch size.", "64");
}

bool readModelOptions(CliArgs& a, aelab::InterpConfig& c) {
    long long depth = c.depth, scales = c.scales, latent = c.latentChannels, batch = c.batch;
    if (!a.integer("depth", 1, 256, depth) || !a.integer("batch", 1, 100000, batch) ||
        !a.number("lambda", 0, 100, c.lambda) || !a.number("gamma", 0, 1, c.gamma) ||
        !a.number("noise-std", 0, 100, c.noiseStd) || !a.number("kl", 0, 1000, c.klWeight) ||
        !a.number("lr", 1e-7, 10, c.learningRate) ||
        (a.isSet("scales") && !a.integer("scales", 1, 5, scales)) ||
        (a.isSet("latent") && !a.integer("latent", 1, 1024, latent)))
        return false;
    c.depth = int(depth);
    c.scales = int(scales);
    c.latentChannels = int(latent);
    c.batch = int(batch);
    return true;
}

// One PNG per interpolation: its frames side by side.
bool writeStrips(const QDir& out, const torch::Tensor& sequences01, QString* error) {
    if (!out.mkpath("strips")) {
        *error = "cannot create " + out.filePath("strips");
        return false;
    }
    for (int64_t i = 0; i < sequences01.size(0); ++i) {
        const QString path = out.filePath(QString("strips/%1.png").arg(i, 3, 10, QChar('0')));
        if (!strip(toImages(sequences01[i])).save(path, "PNG")) {
            *error = "cannot write " + path;
            return false;
        }
    }
    return true;
}
} // namespace

int runInterpolateVerb(const QStringList& args) {
    CliArgs a("interpolate", "Train an autoencoder (plain, denoising, VAE or ACAI), interpolate "
                             "between test images, and on lines score the interpolations.");
    a.addOption("dataset", "lines, mnist, fashion-mnist or folder:PATH.", "lines");
    a.addOption("model", "plain, denoising, vae, acai, or crossfade (pixel cross-fade, no model).",
                "acai");
    a.addOption("steps", "Training steps (with --checkpoint: further steps).", "2000");
    a.addOption("checkpoint", "Start from this saved model instead of a new one.");
    a.addOption("save", "Save the trained model (nets and optimisers) to this file.");
    a.addOption("pairs", "Interpolations (the benchmark uses 256).", "256");
    a.addOption("frames", "Frames per interpolation, end points included.", "16");
    a.addFlag("spherical", "Spherical instead of linear latent interpolation.");
    a.addOption("seed", "Seed of every random source.", "1");
    a.addOption("out", "Output folder (created if missing).");
    addModelOptions(a);
    if (!a.parse(args)) return usageError(a);
    if (a.helpRequested()) return printHelp(a);

    QString model;
    long long steps = 0, pairs = 0, frames = 0, seed = 0;
    if (!a.choice("model", {"plain", "denoising", "vae", "acai", "crossfade"}, model) ||
        !a.integer("steps", 0, 100000000, steps) || !a.integer("pairs", 1, 10000, pairs) ||
        !a.integer("frames", 2, 256, frames) || !a.integer("seed", 0, (1LL << 53), seed))
        return usageError(a);
    const QString dataset = a.text("dataset");
    const bool lines = dataset == "lines";
    if (!aelab::isImageSourceName(dataset.toStdString())) {
        a.fail("--dataset: expected lines, mnist, fashion-mnist or folder:PATH, got \"" + dataset +
               "\"");
        return usageError(a);
    }
    if (model == "crossfade" && !lines) {
        a.fail("--model crossfade is the lines benchmark's calibration: use --dataset lines");
        return usageError(a);
    }
    QDir out;
    if (int code = openOutputDir(a, out)) return code;
    QString error;
    const bool spherical = a.isSet("spherical");

    if (model == "crossfade") {
        const auto sequences = aelab::crossfadeSequences(int(pairs), int(frames));
        const aelab::LinesScore s = aelab::LinesBenchmark().score(sequences);
        if (!writeStrips(out, (sequences + 1) * 0.5, &error)) return runError(a, error);
        const QJsonObject metrics{{"model", model},
                                  {"dataset", dataset},
                                  {"steps", 0},
                                  {"seconds", 0},
                                  {"pairs", double(pairs)},
                                  {"frames", double(frames)},
                                  {"mean_distance", s.meanDistance},
                                  {"smoothness", s.smoothness}};
        if (!writeJson(out.filePath("metrics.json"), metrics, &error)) return runError(a, error);
        QTextStream(stdout) << "interpolate crossfade: mean distance " << s.meanDistance
                            << ", smoothness " << s.smoothness << " -> " << out.path() << "\n";
        return 0;
    }

    aelab::ImageSet data;
    aelab::ImageSourceOptions sourceOptions;
    sourceOptions.linesSeed = std::uint64_t(seed);
    try {
        data = aelab::loadImageSource(dataset.toStdString(), sourceOptions);
    } catch (const aelab::DatasetError& e) {
        a.fail(QString::fromStdString(e.what()));
        return usageError(a);
    }
    std::unique_ptr<aelab::InterpTrainer> trainer;
    try {
        if (a.isSet("checkpoint")) {
            trainer = aelab::InterpTrainer::load(a.text("checkpoint").toStdString(), data.train);
        } else {
            aelab::InterpConfig config =
                aelab::defaultInterpConfig(*aelab::parseInterpModel(model.toStdString()),
                                           int(data.height()), int(data.width()));
            config.seed = std::uint64_t(seed);
            if (!readModelOptions(a, config)) return usageError(a);
            trainer = std::make_unique<aelab::InterpTrainer>(data.train, config);
        }
    } catch (const std::exception& e) {
        a.fail(QString::fromStdString(e.what()));
        return usageError(a);
    }

    const CliTraining run = trainForCli(*trainer, steps);
    if (run.diverged) return runError(a, divergenceMessage(trainer->step(), run.badLoss));
    const double trainLoss = run.lastLoss, seconds = run.seconds;
    if (a.isSet("save")) {
        try {
            trainer->save(a.text("save").toStdString(), dataset.toStdString());
        } catch (const std::exception& e) {
            return runError(a, QString::fromStdString(e.what()));
        }
    }

    // With --checkpoint the model is the file's, whatever --model says.
    model = QString::fromStdString(aelab::modelName(trainer->config().model));
    QJsonObject metrics{{"model", model},
                        {"dataset", dataset},
                        {"steps", double(trainer->step())},
                        {"seconds", seconds},
                        {"train_loss", trainLoss},
                        {"test_loss", trainer->evaluateLoss(data.test)},
                        {"critic_loss", trainer->lastCriticLoss()},
                        {"parameters", double(trainer->parameterCount())},
                        {"depth", trainer->config().depth},
                        {"scales", trainer->config().scales},
                        {"latent_channels", trainer->config().latentChannels},
                        {"pairs", double(pairs)},
                        {"frames", double(frames)},
                        {"interpolation", spherical ? "spherical" : "linear"}};
    torch::Tensor sequences01;
    if (lines) {
        sequences01 =
            (aelab::modelSequences(*trainer, int(pairs), int(frames), spherical) + 1) * 0.5;
        const aelab::LinesScore s = aelab::LinesBenchmark().score(sequences01 * 2 - 1);
        metrics["mean_distance"] = s.meanDistance;
        metrics["smoothness"] = s.smoothness;
    } else {
        const auto ends = aelab::spreadPicks(data.test, 2 * pairs);
        sequences01 = trainer->interpolatePairs(
            ends.slice(0, 0, pairs), ends.slice(0, pairs, 2 * pairs), int(frames), spherical);
    }
    if (!writeStrips(out, sequences01, &error)) return runError(a, error);
    if (!writeJson(out.filePath("metrics.json"), metrics, &error)) return runError(a, error);
    QTextStream o(stdout);
    o << "interpolate " << model << ": " << trainer->step() << " steps in " << seconds << " s";
    if (lines)
        o << ", mean distance " << metrics["mean_distance"].toDouble() << ", smoothness "
          << metrics["smoothness"].toDouble();
    o << " -> " << out.path() << "\n";
    return 0;
}

} // namespace aelab::cli
