// aelab dvae: train a VAE, DVAE, IWAE or DIWAE (docs/references.md §3) for a number
// of epochs, then estimate the test negative log-likelihood by importance
// sampling with K samples; write metrics.json, samples.png and
// reconstructions.png. Three steps: parse the options into a DvaeRequest,
// train and evaluate into DvaeOutputs, write the files.
#include "datasets/dataset_error.h"
#include "datasets/image_set.h"
#include "datasets/image_source.h"
#include "core/vae/vae_trainer.h"
#include <torch/types.h>

#include "core/training/torch_threads.h"

#include "cli/args.h"
#include "cli/machine_info.h"
#include "cli/verbs.h"
#include "cli/output.h"
#include "cli/run_folder.h"
#include "cli/training_loop.h"
#include "app/labkit/image_convert.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <vector>
#include <variant>

namespace aelab::cli {

namespace {
constexpr int kScale = 3;

// Step 1: the verb's settings.

struct DvaeRequest {
    aelab::VaeConfig config;
    QString model, arch, dataset;
    double epochs = 0;
    long long kEval = 0;       // importance samples per test image for the NLL
    long long evalImages = -1; // test images in the NLL; -1: all
    long long trainImages = 0; // a class-balanced subset of the training set; 0: all
    long long mixture = 0;     // corrupted copies in the mixture-proposal NLL; 0: none
    double curveEvery = 0;     // epochs between the live figures in metrics.json; 0: none
    QString binarize;
    QString save, checkpoint; // model files written after training / trained on from
    bool saveMoments = false;
    QString command; // as typed: metrics.json and the zoo's sidecars
    QDir out;
};

void declareDvaeOptions(CliArgs& a) {
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
    a.addOption("binarize",
                "fixed (each split binarised once with a fixed seed: the paper's protocol) or "
                "resample (every batch afresh: the paper's augmentation baseline).",
                "resample");
    a.addOption("train-images", "Train on this many images, as many of each class as can be.");
    a.addOption("decoder-layers", "Hidden layers of the MLP decoder: 1 (the authors') or 2.", "2");
    a.addOption("clip-norm", "Clip the gradient's norm at this (the authors: 5); 0: no clipping.",
                "0");
    a.addFlag("analytic-kl", "VAE and DVAE: the KL term in closed form rather than one sample.");
    a.addOption("lr-decay-epochs",
                "Multiply the learning rate by --lr-decay every this many "
                "epochs; 0: a constant rate.",
                "0");
    a.addOption("lr-decay", "The step decay's factor.", "0.5");
    a.addOption("nll-mixture",
                "Also estimate the NLL with the mixture proposal over this many corrupted "
                "copies of each test image (the denoising models' own); 0: not.",
                "0");
    a.addOption("curve-every",
                "Every this many epochs, record the DVAE lab's live figures (test NLL with K = "
                "100 on 200 test images, training -ELBO on 200 training images) in "
                "metrics.json's curve; 0: not.",
                "0");
    declareModelFileOptions(a, "--epochs more epochs (0: only evaluate)");
    a.addOption("out", "Output folder (created if missing).");
}

// --checkpoint: the file's settings and data replace the options'.
bool adoptCheckpoint(CliArgs& a, DvaeRequest& r) {
    try {
        const aelab::VaeModelInfo info =
            aelab::VaeTrainer::readModelInfo(r.checkpoint.toStdString());
        r.config = info.config;
        r.dataset = QString::fromStdString(info.dataset);
        r.trainImages = info.config.trainImages;
    } catch (const std::exception& e) {
        a.fail(QString::fromStdString(e.what()));
        return false;
    }
    r.model = QString::fromStdString(aelab::vaeModelName(r.config.model));
    r.arch = r.config.arch == aelab::VaeArch::Mlp ? "mlp" : "conv";
    r.binarize = r.config.binarize == aelab::Binarize::Fixed ? "fixed" : "resample";
    return true;
}

bool readDvaeRequest(CliArgs& a, DvaeRequest& r) {
    aelab::VaeConfig& c = r.config;
    long long hidden = 0, latent = 0, k = 0, batch = 0, seed = 0, decoderLayers = 2;
    if (!a.choice("model", {"vae", "dvae", "iwae", "diwae"}, r.model) ||
        !a.choice("arch", {"mlp", "conv"}, r.arch) || !a.integer("hidden", 1, 4096, hidden) ||
        !a.integer("latent", 1, 2048, latent) || !a.integer("k", 1, 10000, k) ||
        !a.number("lr", 1e-7, 10, c.learningRate) || !a.integer("batch", 1, 100000, batch) ||
        !a.number("epochs", 0, 100000, r.epochs) || !a.integer("k-eval", 1, 10000000, r.kEval) ||
        !a.integer("seed", 0, (1LL << 53), seed) ||
        (a.isSet("eval-images") && !a.integer("eval-images", 1, 100000000, r.evalImages)) ||
        !a.choice("binarize", {"fixed", "resample"}, r.binarize) ||
        (a.isSet("train-images") && !a.integer("train-images", 1, 100000000, r.trainImages)) ||
        !a.integer("decoder-layers", 1, 2, decoderLayers) ||
        !a.number("clip-norm", 0, 1e9, c.clipNorm) ||
        !a.number("lr-decay-epochs", 0, 1e6, c.lrDecayEpochs) ||
        !a.number("lr-decay", 1e-6, 1, c.lrDecay) ||
        !a.integer("nll-mixture", 0, 1000, r.mixture) ||
        !a.number("curve-every", 0, 100000, r.curveEvery))
        return false;
    c.binarize = r.binarize == "fixed" ? aelab::Binarize::Fixed : aelab::Binarize::Resample;
    c.decoderLayers = int(decoderLayers);
    c.analyticKl = a.isSet("analytic-kl");
    if (!readNoise(a, c.noise)) return false;
    c.model = *aelab::parseVaeModel(r.model.toStdString());
    c.arch = r.arch == "mlp" ? aelab::VaeArch::Mlp : aelab::VaeArch::Conv;
    c.hidden = int(hidden);
    c.latent = int(latent);
    c.samples = int(k);
    c.batch = int(batch);
    c.seed = std::uint64_t(seed);
    c.trainImages = r.trainImages;
    r.save = a.text("save");
    r.checkpoint = a.text("checkpoint");
    r.saveMoments = a.isSet("save-moments");
    if (!readImageSource(a, r.dataset)) return false;
    return r.checkpoint.isEmpty() || adoptCheckpoint(a, r);
}

// The exit code when the verb ends here (--help, a usage error), or nothing
// with the request filled and the output folder made.
std::optional<int> parseDvaeRequest(CliArgs& a, const QStringList& args, DvaeRequest& r) {
    declareDvaeOptions(a);
    if (const std::optional<int> stop = parseVerbArgs(a, args)) return stop;
    r.command = commandLine(args);
    if (!readDvaeRequest(a, r)) return usageError(a);
    if (const int code = openOutputDir(a, r.out)) return code;
    return std::nullopt;
}

// Step 2: load, train, estimate the bound and the NLL, sample, reconstruct.

struct CurvePoint {
    double epoch = 0, testNll = 0, trainElbo = 0;
};

struct DvaeOutputs {
    double epochs = 0; // the model's
    long long steps = 0;
    double seconds = 0; // training time
    double trainElbo = 0, testElbo = 0, nll = 0, nllSeconds = 0, nllMixture = 0;
    int64_t trainImages = 0;
    int64_t nllImages = 0;
    torch::Tensor samples;                     // 64 samples: samples.png
    torch::Tensor clean, fromClean, fromNoisy; // reconstructions.png, one row each
    std::vector<CurvePoint> curve;             // --curve-every
};

// The ELBO and the NLL on the same test images (a spread subset if asked:
// the sets are sorted by class).
void evaluateModel(const DvaeRequest& r, aelab::VaeTrainer& trainer, const aelab::ImageSet& data,
                   DvaeOutputs& o) {
    const torch::Tensor evalSet =
        r.evalImages < 0 ? data.test : aelab::evenlySpaced(data.test, r.evalImages);
    o.nllImages = evalSet.size(0);
    o.trainElbo = trainer.evaluateTrainBound(1, 1000); // as trained: the fixed set, or a draw
    o.testElbo = trainer.evaluateBound(evalSet, 1, o.nllImages);
    QElapsedTimer clock;
    clock.start();
    o.nll = trainer.estimateNll(evalSet, int(r.kEval));
    o.nllSeconds = clock.nsecsElapsed() * 1e-9;
    if (r.mixture > 0)
        o.nllMixture = trainer.estimateNllMixture(evalSet, int(r.kEval), int(r.mixture));
}

// Trains `steps` steps; with --curve-every, in stretches of that many epochs,
// the lab's live figures before the first and after each (their time is not
// training time). Their seeds are their own: the model trains as without.
CliTraining trainWithCurve(const DvaeRequest& r, aelab::VaeTrainer& trainer,
                           const aelab::ImageSet& data, long long steps,
                           std::vector<CurvePoint>& curve) {
    if (r.curveEvery <= 0) return trainForCli(trainer, steps);
    const torch::Tensor liveImages = aelab::evenlySpaced(data.test, aelab::kLiveNllImages);
    const long long stretch = std::max<long long>(
        1, std::llround(r.curveEvery * double(trainer.trainingImages()) / r.config.batch));
    auto record = [&] {
        curve.push_back({trainer.epochs(), trainer.estimateNll(liveImages, aelab::kLiveNllK),
                         -trainer.evaluateTrainBound(1, aelab::kLiveNllImages)});
    };
    CliTraining total;
    record();
    while (total.done < steps && !total.diverged) {
        const CliTraining t = trainForCli(trainer, std::min(stretch, steps - total.done));
        total.done += t.done;
        total.seconds += t.seconds;
        total.lastLoss = t.lastLoss;
        total.diverged = t.diverged;
        total.badLoss = t.badLoss;
        if (!t.diverged) record();
    }
    return total;
}

RunOutcome<DvaeOutputs> trainAndEvaluateVae(const DvaeRequest& r) {
    aelab::ImageSet data;
    std::unique_ptr<aelab::VaeTrainer> trainer;
    try {
        data = aelab::loadImageSource(r.dataset.toStdString());
        if (r.trainImages > 0) data = aelab::withTrainingImages(data, r.trainImages);
        trainer = r.checkpoint.isEmpty()
                      ? std::make_unique<aelab::VaeTrainer>(data.train, r.config)
                      : aelab::VaeTrainer::loadModel(r.checkpoint.toStdString(), data.train);
    } catch (const std::exception& e) {
        return badInput(QString::fromStdString(e.what()));
    }
    const long long steps =
        std::llround(std::ceil(r.epochs * double(data.train.size(0)) / double(r.config.batch)));
    DvaeOutputs o;
    const CliTraining training = trainWithCurve(r, *trainer, data, steps, o.curve);
    if (training.diverged) return runFailure(divergenceMessage(trainer->step(), training.badLoss));
    if (!r.save.isEmpty()) {
        try {
            trainer->saveModel(r.save.toStdString(), r.dataset.toStdString(), r.saveMoments);
        } catch (const std::exception& e) {
            return runFailure(QString::fromStdString(e.what()));
        }
    }
    o.seconds = training.seconds;
    o.trainImages = data.train.size(0);
    evaluateModel(r, *trainer, data, o);
    o.samples = trainer->sample(64, r.config.seed + 9);
    o.clean = aelab::evenlySpaced(data.test, 16);
    o.fromClean = trainer->reconstruct(o.clean, false, r.config.seed);
    o.fromNoisy = trainer->reconstruct(o.clean, true, r.config.seed);
    o.epochs = trainer->epochs();
    o.steps = trainer->step();
    return o;
}

// Step 3: samples.png, reconstructions.png, metrics.json and the summary line.

// --curve-every's figures: [{"epoch", "test_nll", "train_elbo"}], the
// training -ELBO as a positive number like the NLL (nats per image).
QJsonArray curveJson(const std::vector<CurvePoint>& curve) {
    QJsonArray out;
    for (const CurvePoint& p : curve)
        out.append(
            QJsonObject{{"epoch", p.epoch}, {"test_nll", p.testNll}, {"train_elbo", p.trainElbo}});
    return out;
}

QJsonObject dvaeMetrics(const DvaeRequest& r, const DvaeOutputs& o) {
    return {{"command", r.command},
            {"threads", aelab::torchThreads()},
            {"machine", machineJson()},
            {"model", r.model},
            {"dataset", r.dataset},
            {"arch", r.arch},
            {"noise", aelab::isDenoising(r.config.model)
                          ? QString::fromStdString(aelab::formatCorruption(r.config.noise))
                          : QString("none")},
            {"k_train", aelab::trainingSamples(r.config)},
            {"binarize", r.binarize},
            {"train_images", double(o.trainImages)},
            {"decoder_layers", r.config.decoderLayers},
            {"clip_norm", r.config.clipNorm},
            {"analytic_kl", r.config.analyticKl},
            {"lr_decay_epochs", r.config.lrDecayEpochs},
            {"lr_decay", r.config.lrDecay},
            {"epochs", o.epochs},
            {"steps", double(o.steps)},
            {"seconds", o.seconds},
            {"train_elbo", o.trainElbo},
            {"test_elbo", o.testElbo},
            {"test_nll", o.nll},
            {"k_eval", double(r.kEval)},
            {"nll_images", double(o.nllImages)},
            {"nll_seconds", o.nllSeconds},
            {"test_nll_mixture", r.mixture > 0 ? QJsonValue(o.nllMixture) : QJsonValue()},
            {"curve", curveJson(o.curve)},
            {"nll_mixture_copies", double(r.mixture)},
            {"unit", "nats per image; pixels binarised (Bernoulli of the grey level), test images "
                     "once with a fixed seed; training images once (binarize fixed) or every "
                     "batch (resample)"}};
}

bool writeDvaeOutputs(const DvaeRequest& r, const DvaeOutputs& o, QString* error) {
    const QVector<QImage> rows = toImages(o.clean) + toImages(o.fromClean) + toImages(o.fromNoisy);
    if (!writePng(mosaic(toImages(o.samples), 8, kScale, 2), r.out.filePath("samples.png"),
                  error) ||
        !writePng(mosaic(rows, 16, kScale, 2), r.out.filePath("reconstructions.png"), error) ||
        !writeJson(r.out.filePath("metrics.json"), dvaeMetrics(r, o), error))
        return false;
    QTextStream(stdout) << "dvae " << r.model << ": " << o.epochs << " epochs in " << o.seconds
                        << " s, test ELBO " << o.testElbo << ", test NLL " << o.nll
                        << " (K = " << r.kEval << ") -> " << shownPath(r.out.path()) << "\n";
    return true;
}

} // namespace

int runDvaeVerb(const QStringList& args) {
    CliArgs a("dvae", "Train a VAE, DVAE, IWAE or DIWAE and estimate its test log-likelihood.");
    DvaeRequest request;
    if (const std::optional<int> stop = parseDvaeRequest(a, args, request)) return *stop;
    const RunOutcome<DvaeOutputs> outcome = trainAndEvaluateVae(request);
    if (const auto* failed = std::get_if<VerbError>(&outcome)) return reportError(a, *failed);
    QString error;
    if (!writeDvaeOutputs(request, std::get<DvaeOutputs>(outcome), &error))
        return runError(a, error);
    return 0;
}

} // namespace aelab::cli
