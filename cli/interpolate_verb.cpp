// aelab interpolate: train (or load) one of the interpolation lab's models,
// then interpolate between pairs of test images. On lines it scores the
// interpolations with the benchmark of docs/references.md §4 (256 pairs, 16
// frames, 10,000 reference lines); --model crossfade scores the pixel
// cross-fade as a calibration. Three steps: parse the options into an
// InterpolateRequest, train and interpolate into InterpolationOutputs, write
// the files. The training itself is in interpolate_training.cpp.
#include "datasets/dataset_error.h"
#include "datasets/image_set.h"
#include "datasets/image_source.h"
#include "core/interp/interp_trainer.h"
#include "core/interp/lines_protocol.h"
#include "core/interp/best_checkpoint.h"
#include "core/training/torch_threads.h"
#include <torch/types.h>

#include "cli/args.h"
#include "cli/interpolate_run.h"
#include "cli/machine_info.h"
#include "cli/verbs.h"
#include "cli/output.h"
#include "cli/run_folder.h"
#include "app/labkit/image_convert.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <memory>
#include <optional>
#include <variant>

namespace aelab::cli {

namespace {

// Step 1: the verb's settings.

void declareModelOptions(CliArgs& a) {
    a.addOption("depth", "Channels at the first scale (doubled per scale).", "8");
    a.addOption("scales", "2x2 poolings (default: 4 for 32x32 images, 2 for 28x28).");
    a.addOption("latent", "Channels of the latent map (default: 16 for 4 scales, 2 for 2).");
    a.addOption("lambda", "ACAI: weight of the critic term in the autoencoder loss.", "0.5");
    a.addOption("gamma", "ACAI: blend of input and reconstruction shown to the critic.", "0.2");
    a.addOption("noise-std", "Denoising: Gaussian sigma on the [-1, 1] images.", "1.0");
    a.addOption("kl", "VAE: weight of the KL term.", "1.0");
    a.addOption("lr", "Adam learning rate (both optimisers).", "0.0005");
    a.addOption("batch", "Minibatch size.", "64");
}

void declareInterpolateOptions(CliArgs& a) {
    a.addOption("dataset", "lines, mnist, fashion-mnist or folder:PATH.", "lines");
    a.addOption("model", "plain, denoising, vae, acai, or crossfade (pixel cross-fade, no model).",
                "acai");
    a.addOption("steps", "Training steps (with --checkpoint: further steps).", "2000");
    a.addOption("keep-best",
                "Lines: score 64 validation pairs every N steps and end with the best-scoring "
                "model, not the last step's (0: off).",
                "0");
    a.addOption("checkpoint", "Start from this saved model instead of a new one (--lr, if given, "
                              "replaces its learning rate).");
    a.addOption("save", "Save the trained model (nets and optimisers) to this file.");
    a.addOption("pairs", "Interpolations (the benchmark uses 256).", "256");
    a.addOption("frames", "Frames per interpolation, end points included.", "16");
    a.addFlag("spherical", "Spherical instead of linear latent interpolation.");
    a.addOption("seed", "Seed of every random source.", "1");
    a.addOption("out", "Output folder (created if missing).");
    declareModelOptions(a);
}

bool readModelOptions(CliArgs& a, InterpModelOptions& m) {
    long long scales = 0, latent = 0;
    if (!a.integer("depth", 1, 256, m.depth) || !a.integer("batch", 1, 100000, m.batch) ||
        !a.number("lambda", 0, 100, m.lambda) || !a.number("gamma", 0, 1, m.gamma) ||
        !a.number("noise-std", 0, 100, m.noiseStd) || !a.number("kl", 0, 1000, m.klWeight) ||
        !a.number("lr", 1e-7, 10, m.learningRate) ||
        (a.isSet("scales") && !a.integer("scales", 1, 5, scales)) ||
        (a.isSet("latent") && !a.integer("latent", 1, 1024, latent)))
        return false;
    if (a.isSet("scales")) m.scales = scales;
    if (a.isSet("latent")) m.latent = latent;
    return true;
}

bool readInterpolateRequest(CliArgs& a, InterpolateRequest& r) {
    if (!a.choice("model", {"plain", "denoising", "vae", "acai", "crossfade"}, r.model) ||
        !a.integer("steps", 0, 100000000, r.steps) || !a.integer("pairs", 1, 10000, r.pairs) ||
        !a.integer("frames", 2, 256, r.frames) || !a.integer("seed", 0, (1LL << 53), r.seed) ||
        !a.integer("keep-best", 0, 100000000, r.keepBest))
        return false;
    if (!readImageSource(a, r.dataset)) return false;
    if (r.keepBest > 0 && r.dataset != "lines") {
        a.fail("--keep-best scores the lines benchmark's validation pairs: use --dataset lines");
        return false;
    }
    if (r.model == "crossfade" && r.dataset != "lines") {
        a.fail("--model crossfade is the lines benchmark's calibration: use --dataset lines");
        return false;
    }
    r.spherical = a.isSet("spherical");
    if (a.isSet("checkpoint")) r.checkpoint = a.text("checkpoint");
    if (r.checkpoint && a.isSet("lr")) {
        double rate = 0;
        if (!a.number("lr", 1e-7, 10, rate)) return false;
        r.continueRate = rate;
    }
    QString save;
    if (a.isSet("save") && !a.outputFile("save", save)) return false;
    if (a.isSet("save")) r.save = save;
    return true;
}

// The exit code when the verb ends here (--help, a usage error), or nothing
// with the request filled and the output folder made.
std::optional<int> parseInterpolateRequest(CliArgs& a, const QStringList& args,
                                           InterpolateRequest& r) {
    declareInterpolateOptions(a);
    if (const std::optional<int> stop = parseVerbArgs(a, args)) return stop;
    r.command = commandLine(args);
    if (!readInterpolateRequest(a, r)) return usageError(a);
    if (r.model != "crossfade" && !r.checkpoint && !readModelOptions(a, r.modelOptions))
        r.modelOptionsError = a.error();
    if (const int code = openOutputDir(a, r.out)) return code;
    return std::nullopt;
}

// Step 2: load the images, train or continue the model, interpolate.

InterpolationOutputs crossfadeOutputs(const InterpolateRequest& r) {
    InterpolationOutputs o;
    o.model = r.model;
    const auto sequences = aelab::crossfadeSequences(int(r.pairs), int(r.frames));
    const aelab::LinesBenchmark bench;
    o.score = bench.score(sequences);
    o.drawn = bench.scoreAsDrawn(sequences);
    o.sequences01 = (sequences + 1) * 0.5;
    return o;
}

// The model's numbers, then its interpolations: of the benchmark's pairs on
// lines (scored), of spread test images otherwise.
void evaluateAndInterpolate(const InterpolateRequest& r, aelab::InterpTrainer& trainer,
                            const aelab::ImageSet& data, InterpolationOutputs& o) {
    const aelab::InterpConfig& c = trainer.config();
    o.model = QString::fromStdString(aelab::modelName(c.model));
    o.trained = true;
    o.steps = trainer.step();
    o.testLoss = trainer.evaluateLoss(data.test);
    o.criticLoss = trainer.lastCriticLoss();
    o.parameters = double(trainer.parameterCount());
    o.depth = c.depth;
    o.scales = c.scales;
    o.latentChannels = c.latentChannels;
    const int pairs = int(r.pairs), frames = int(r.frames);
    if (r.dataset == "lines") {
        const auto raw = aelab::modelSequences(trainer, pairs, frames, r.spherical);
        o.sequences01 = (raw + 1) * 0.5;
        const aelab::LinesBenchmark bench;
        o.score = bench.score(raw);
        o.drawn = bench.scoreAsDrawn(raw);
    } else {
        const auto ends = aelab::spreadPicks(data.test, 2 * r.pairs);
        o.sequences01 = trainer.interpolatePairs(
            ends.slice(0, 0, r.pairs), ends.slice(0, r.pairs, 2 * r.pairs), frames, r.spherical);
    }
}

RunOutcome<InterpolationOutputs> runInterpolation(const InterpolateRequest& r) {
    if (r.model == "crossfade") return crossfadeOutputs(r);
    aelab::ImageSet data;
    aelab::ImageSourceOptions sourceOptions;
    sourceOptions.linesSeed = std::uint64_t(r.seed);
    try {
        data = aelab::loadImageSource(r.dataset.toStdString(), sourceOptions);
    } catch (const aelab::DatasetError& e) {
        return badInput(QString::fromStdString(e.what()));
    }
    if (r.modelOptionsError) return badInput(*r.modelOptionsError);
    auto made = makeTrainer(r, data);
    if (const auto* failed = std::get_if<VerbError>(&made)) return *failed;
    auto& trainer = std::get<std::unique_ptr<aelab::InterpTrainer>>(made);
    InterpolationOutputs o;
    if (const std::optional<VerbError> failed = trainInterp(r, trainer, o)) return *failed;
    evaluateAndInterpolate(r, *trainer, data, o);
    return o;
}

// Step 3: strips/, metrics.json and the summary line.

// One PNG per interpolation: its frames side by side.
bool writeStrips(const QDir& out, const torch::Tensor& sequences01, QString* error) {
    if (!out.mkpath("strips")) {
        *error = "cannot create " + out.filePath("strips");
        return false;
    }
    for (int64_t i = 0; i < sequences01.size(0); ++i) {
        const QString path = out.filePath(QString("strips/%1.png").arg(i, 3, 10, QChar('0')));
        if (!writePng(strip(toImages(sequences01[i])), path, error)) return false;
    }
    return true;
}

// --keep-best's log: one row per scoring of the validation pairs.
QJsonArray validationLog(const std::vector<aelab::ValidationPoint>& log) {
    QJsonArray rows;
    for (const aelab::ValidationPoint& p : log)
        rows.append(QJsonObject{{"step", double(p.step)},
                                {"mean_distance", p.meanDistance},
                                {"smoothness", p.smoothness},
                                {"figure", p.figure},
                                {"train_loss", p.trainLoss},
                                {"critic_loss", p.criticLoss}});
    return rows;
}

QJsonObject interpolationMetrics(const InterpolateRequest& r, const InterpolationOutputs& o) {
    QJsonObject m{{"command", r.command},
                  {"model", o.model},
                  {"dataset", r.dataset},
                  {"steps", 0},
                  {"seconds", 0},
                  {"pairs", double(r.pairs)},
                  {"frames", double(r.frames)}};
    if (o.trained) {
        m["steps"] = double(o.steps);
        m["seconds"] = o.seconds;
        m["threads"] = aelab::torchThreads();
        m["machine"] = machineJson();
        m["train_loss"] = o.trainLoss;
        m["test_loss"] = o.testLoss;
        m["critic_loss"] = o.criticLoss;
        m["parameters"] = o.parameters;
        m["depth"] = o.depth;
        m["scales"] = o.scales;
        m["latent_channels"] = o.latentChannels;
        m["interpolation"] = r.spherical ? "spherical" : "linear";
    }
    if (o.best) m["best_step"] = double(o.best->step);
    if (!o.validation.empty()) m["validation"] = validationLog(o.validation);
    if (o.score) {
        // Two figures (docs/interpolation-lab.md): the raw decoder output, as
        // the authors' lib/eval.py scores it, and the frames as drawn.
        m["mean_distance"] = o.score->meanDistance;
        m["smoothness"] = o.score->smoothness;
        m["frozen_pairs"] = o.score->frozen;
        m["mean_distance_drawn"] = o.drawn->meanDistance;
        m["smoothness_drawn"] = o.drawn->smoothness;
        m["score_protocol"] =
            "mean_distance, smoothness: the raw decoder output (the paper's protocol, the "
            "authors' lib/eval.py); *_drawn: the frames as drawn, clipped to [-1, 1] in 256 grey "
            "levels, as strips/ holds them";
    }
    return m;
}

bool writeInterpolationOutputs(const InterpolateRequest& r, const InterpolationOutputs& o,
                               QString* error) {
    if (!writeStrips(r.out, o.sequences01, error) ||
        !writeJson(r.out.filePath("metrics.json"), interpolationMetrics(r, o), error))
        return false;
    QTextStream s(stdout);
    if (!o.trained) {
        s << "interpolate crossfade: mean distance " << o.score->meanDistance << ", smoothness "
          << o.score->smoothness << " -> " << shownPath(r.out.path()) << "\n";
        return true;
    }
    s << "interpolate " << o.model << ": " << o.steps << " steps in " << o.seconds << " s";
    if (o.best) s << " (kept the best, step " << o.best->step << ")";
    if (o.score)
        s << ", mean distance " << o.score->meanDistance << ", smoothness " << o.score->smoothness
          << " (as drawn " << o.drawn->meanDistance << ", " << o.drawn->smoothness << ")";
    s << " -> " << shownPath(r.out.path()) << "\n";
    return true;
}

} // namespace

int runInterpolateVerb(const QStringList& args) {
    CliArgs a("interpolate", "Train an autoencoder (plain, denoising, VAE or ACAI), interpolate "
                             "between test images, and on lines score the interpolations.");
    InterpolateRequest request;
    if (const std::optional<int> stop = parseInterpolateRequest(a, args, request)) return *stop;
    const RunOutcome<InterpolationOutputs> outcome = runInterpolation(request);
    if (const auto* failed = std::get_if<VerbError>(&outcome)) return reportError(a, *failed);
    QString error;
    if (!writeInterpolationOutputs(request, std::get<InterpolationOutputs>(outcome), &error))
        return runError(a, error);
    return 0;
}

} // namespace aelab::cli
