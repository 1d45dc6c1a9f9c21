// aelab image-dae: train the image DAE, then sample with chains from uniform
// noise (or refine noisy test images). Three steps: parse the options into an
// ImageDaeRequest, train and sample into ImageDaeOutputs, write the files.
// chain.gif is the exception that streams: ChainGif takes each step's frame
// as the chains run, so that no run keeps every step's images.
#include "core/sampling/chain_sampler.h"
#include "datasets/dataset_error.h"
#include "core/image/image_dae_trainer.h"
#include "datasets/image_source.h"
#include "core/metrics/sample_score.h"
#include <torch/types.h>

#include "core/training/torch_threads.h"

#include "cli/args.h"
#include "cli/machine_info.h"
#include "cli/verbs.h"
#include "cli/output.h"
#include "cli/run_folder.h"
#include "cli/training_loop.h"
#include "app/labkit/image_convert.h"
#include "app/labkit/movie_writer.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>
#include <memory>
#include <optional>
#include <variant>

namespace aelab::cli {

namespace {
constexpr int kPreviewImages = 16; // columns of reconstructions.png
constexpr int kScale = 3;          // pixels per image pixel in the PNGs and the GIF

// Step 1: the verb's settings.

struct ImageDaeRequest {
    aelab::ImageDaeConfig config;
    QString dataset, arch, loss;
    QString start; // noise or test
    long long steps = 0, chains = 0, chainSteps = 0;
    bool injectTraining = false; // --inject train: the training corruption
    double inject = 0;           // otherwise the std of the injected noise
    double fps = 0;
    QString save, checkpoint; // model files written after training / trained on from
    bool saveMoments = false;
    QString command; // as typed: metrics.json and the zoo's sidecars
    QDir out;
};

void declareImageDaeOptions(CliArgs& a) {
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
    declareModelFileOptions(a, "--steps more steps (0: only sample and score)");
    a.addOption("out", "Output folder (created if missing).");
}

// --checkpoint: the file's settings and data replace the options'.
bool adoptCheckpoint(CliArgs& a, ImageDaeRequest& r) {
    try {
        const aelab::ImageDaeModelInfo info =
            aelab::ImageDaeTrainer::readModelInfo(r.checkpoint.toStdString());
        r.config = info.config;
        r.dataset = QString::fromStdString(info.dataset);
    } catch (const std::exception& e) {
        a.fail(QString::fromStdString(e.what()));
        return false;
    }
    r.arch = QString::fromStdString(aelab::archName(r.config.arch));
    r.loss = QString::fromStdString(aelab::lossName(r.config.loss));
    return true;
}

// The model's settings; false (with a.error() set) on a bad value.
bool readImageDaeConfig(CliArgs& a, double lr, long long batch, long long seed,
                        ImageDaeRequest& r) {
    aelab::ImageDaeConfig& c = r.config;
    c.arch = r.arch == "conv" ? aelab::ImageArch::Conv : aelab::ImageArch::Mlp;
    c.base = aelab::defaultBase(c.arch);
    long long base = 0;
    if (a.isSet("base") && !a.integer("base", 2, 2048, base)) return false;
    if (a.isSet("base")) c.base = int(base);
    c.loss = r.loss == "bce" ? aelab::ImageLoss::Bce : aelab::ImageLoss::SquaredError;
    if (!readNoise(a, c.noise)) return false;
    c.learningRate = lr;
    c.batch = int(batch);
    c.seed = std::uint64_t(seed);
    return true;
}

bool readImageDaeRequest(CliArgs& a, ImageDaeRequest& r) {
    long long batch = 0, seed = 0;
    double lr = 0;
    r.injectTraining = a.text("inject") == "train";
    if (!a.choice("arch", {"conv", "mlp"}, r.arch) || !a.choice("loss", {"bce", "mse"}, r.loss) ||
        !a.choice("start", {"noise", "test"}, r.start) || !a.number("lr", 1e-7, 10, lr) ||
        !a.integer("batch", 1, 100000, batch) || !a.integer("steps", 0, 100000000, r.steps) ||
        !a.integer("chains", 1, 10000, r.chains) ||
        !a.integer("chain-steps", 0, 100000, r.chainSteps) ||
        (!r.injectTraining && !a.number("inject", 0, 10, r.inject)) ||
        !a.number("fps", 0.5, 60, r.fps) || !a.integer("seed", 0, (1LL << 53), seed) ||
        !readImageDaeConfig(a, lr, batch, seed, r))
        return false;
    r.save = a.text("save");
    r.checkpoint = a.text("checkpoint");
    r.saveMoments = a.isSet("save-moments");
    if (!readImageSource(a, r.dataset)) return false;
    return r.checkpoint.isEmpty() || adoptCheckpoint(a, r);
}

// The exit code when the verb ends here (--help, a usage error), or nothing
// with the request filled and the output folder made.
std::optional<int> parseImageDaeRequest(CliArgs& a, const QStringList& args, ImageDaeRequest& r) {
    declareImageDaeOptions(a);
    if (const std::optional<int> stop = parseVerbArgs(a, args)) return stop;
    r.command = commandLine(args);
    if (!readImageDaeRequest(a, r)) return usageError(a);
    if (const int code = openOutputDir(a, r.out)) return code;
    return std::nullopt;
}

// chain.gif: the chains as a mosaic, one frame per step; the first frame
// opens the file at its size.
class ChainGif {
  public:
    ChainGif(const QString& path, double fps, long long chains)
        : path_(path), fps_(fps), columns_(int(std::ceil(std::sqrt(double(chains))))) {}
    // Adds the images as a frame: false once a frame failed (the chains stop).
    bool add(const torch::Tensor& images);
    // Closes the file: false with the first failure of a frame or the close.
    bool finish(QString* error);
    double seconds() const { return seconds_; } // on frames after the first
    int columns() const { return columns_; }

  private:
    QString path_;
    double fps_;
    int columns_;
    MovieWriter movie_;
    bool opened_ = false, ok_ = true;
    QString error_;
    double seconds_ = 0;
};

bool ChainGif::add(const torch::Tensor& images) {
    if (!ok_) return false;
    QElapsedTimer clock;
    clock.start();
    const QImage frame = mosaic(toImages(images), columns_, kScale, 2);
    if (!opened_) {
        opened_ = true;
        ok_ = movie_.open({path_}, frame.size(), fps_, &error_) && movie_.addFrame(frame, &error_);
        return ok_;
    }
    ok_ = movie_.addFrame(frame, &error_);
    seconds_ += clock.nsecsElapsed() * 1e-9;
    return ok_;
}

bool ChainGif::finish(QString* error) {
    if (ok_ && movie_.finish(&error_)) return true;
    *error = error_;
    return false;
}

// Step 2: load the images, train, sample with chains, score the samples.

struct ImageDaeOutputs {
    double loadSeconds = 0;
    long long modelSteps = 0;
    double parameters = 0;
    double trainLoss = 0, trainSeconds = 0, testLoss = 0;
    torch::Tensor clean, noisy, reconstructed; // reconstructions.png, one row each
    torch::Tensor samples;                     // the chains' last step
    double chainSeconds = 0, videoSeconds = 0;
    aelab::SampleScore score;     // of the samples
    aelab::SampleScore reference; // of as many test images: the yardstick
};

// Loads the images; a dataset that cannot be read is bad input.
RunOutcome<aelab::ImageSet> loadImages(const ImageDaeRequest& r) {
    aelab::ImageSourceOptions sourceOptions;
    sourceOptions.linesSeed = r.config.seed;
    aelab::ImageSet data;
    try {
        data = aelab::loadImageSource(r.dataset.toStdString(), sourceOptions);
    } catch (const aelab::DatasetError& e) {
        return badInput(QString::fromStdString(e.what()));
    }
    for (const auto& s : data.skipped)
        QTextStream(stderr) << "aelab image-dae: skipped " << QString::fromStdString(s) << "\n";
    return data;
}

// Runs the chains from noise or noisy test images, one GIF frame a step.
void sampleChains(const ImageDaeRequest& r, aelab::ImageDaeTrainer& trainer,
                  const aelab::ImageSet& data, ChainGif& gif, ImageDaeOutputs& o) {
    const bool fromTest = r.start == "test";
    const torch::Tensor startImages = aelab::chainStartImages(
        trainer, data.test, r.chains, fromTest, r.config.seed + (fromTest ? 3 : 2));
    aelab::ChainSampler chain(trainer.denoiser(), startImages, r.config.seed + 4);
    if (r.injectTraining)
        chain.setInjector(trainer.trainingCorruption());
    else
        chain.setInjection(r.inject);
    bool gifOk = gif.add(startImages);
    QElapsedTimer clock;
    clock.start();
    for (long long s = 0; s < r.chainSteps && gifOk; ++s) {
        chain.step();
        gifOk = gif.add(chain.particles());
    }
    o.videoSeconds = gif.seconds();
    o.chainSeconds = clock.nsecsElapsed() * 1e-9 - o.videoSeconds;
    o.samples = chain.particles();
}

RunOutcome<ImageDaeOutputs> trainAndSample(const ImageDaeRequest& r, ChainGif& gif) {
    ImageDaeOutputs o;
    QElapsedTimer clock;
    clock.start();
    RunOutcome<aelab::ImageSet> loaded = loadImages(r);
    if (const auto* failed = std::get_if<VerbError>(&loaded)) return *failed;
    const aelab::ImageSet& data = std::get<aelab::ImageSet>(loaded);
    o.loadSeconds = clock.nsecsElapsed() * 1e-9;
    std::unique_ptr<aelab::ImageDaeTrainer> trainer;
    try {
        trainer = r.checkpoint.isEmpty()
                      ? std::make_unique<aelab::ImageDaeTrainer>(data.train, r.config)
                      : aelab::ImageDaeTrainer::loadModel(r.checkpoint.toStdString(), data.train);
    } catch (const std::exception& e) {
        return badInput(QString::fromStdString(e.what()));
    }
    const CliTraining training = trainForCli(*trainer, r.steps);
    if (training.diverged) return runFailure(divergenceMessage(training.done, training.badLoss));
    if (!r.save.isEmpty()) {
        try {
            trainer->saveModel(r.save.toStdString(), r.dataset.toStdString(), r.saveMoments);
        } catch (const std::exception& e) {
            return runFailure(QString::fromStdString(e.what()));
        }
    }
    o.trainLoss = training.lastLoss;
    o.trainSeconds = training.seconds;
    o.testLoss = trainer->evaluateLoss(data.test);
    o.clean = aelab::evenlySpaced(data.test, kPreviewImages);
    o.noisy = trainer->corrupt(o.clean, r.config.seed + 7);
    o.reconstructed = trainer->reconstruct(o.noisy);
    sampleChains(r, *trainer, data, gif, o);
    o.score = aelab::scoreSamples(o.samples, data.train);
    o.reference = aelab::scoreSamples(aelab::evenlySpaced(data.test, r.chains), data.train);
    o.modelSteps = trainer->step();
    o.parameters = double(trainer->model()->parameterCount());
    return o;
}

// Step 3: reconstructions.png, chain.gif closed, samples.png, metrics.json and
// the summary line.

QJsonObject scoreJson(const aelab::SampleScore& s) {
    return {{"nearest_train", s.nearestTrain}, {"nearest_other", s.nearestOther}};
}

QJsonObject imageDaeMetrics(const ImageDaeRequest& r, const ImageDaeOutputs& o) {
    const QString noise = QString::fromStdString(aelab::formatCorruption(r.config.noise));
    return {
        {"command", r.command},
        {"threads", aelab::torchThreads()},
        {"machine", machineJson()},
        {"dataset", r.dataset},
        {"arch", r.arch},
        {"base", r.config.base},
        {"parameters", o.parameters},
        {"loss", r.loss},
        {"noise", noise},
        {"steps", double(o.modelSteps)},
        {"train_loss", o.trainLoss},
        {"test_loss", o.testLoss},
        {"loss_unit", "mean per pixel"},
        {"seconds", o.trainSeconds},
        {"load_seconds", o.loadSeconds},
        {"chains", double(r.chains)},
        {"chain_steps", double(r.chainSteps)},
        {"chain_start", r.start},
        {"inject", r.injectTraining ? QString("train (%1)").arg(noise) : QString::number(r.inject)},
        {"chain_seconds", o.chainSeconds},
        {"video_seconds", o.videoSeconds},
        {"sample_score", scoreJson(o.score)},
        {"test_image_score", scoreJson(o.reference)},
        {"score_unit",
         "RMS pixel distance in [0, 1] units; nearest_train: to the nearest training image, "
         "nearest_other: to the nearest other sample; test_image_score: the same for test images"}};
}

bool writeImageDaeOutputs(const ImageDaeRequest& r, const ImageDaeOutputs& o, ChainGif& gif,
                          QString* error) {
    const QVector<QImage> rows = toImages(o.clean) + toImages(o.noisy) + toImages(o.reconstructed);
    if (!writePng(mosaic(rows, int(o.clean.size(0)), kScale, 2),
                  r.out.filePath("reconstructions.png"), error) ||
        !gif.finish(error) ||
        !writePng(mosaic(toImages(o.samples), gif.columns(), kScale, 2),
                  r.out.filePath("samples.png"), error) ||
        !writeJson(r.out.filePath("metrics.json"), imageDaeMetrics(r, o), error))
        return false;
    QTextStream(stdout) << "image-dae: " << r.steps << " steps in " << o.trainSeconds
                        << " s, test loss " << o.testLoss << ", samples: nearest train "
                        << o.score.nearestTrain << " (test images " << o.reference.nearestTrain
                        << "), nearest other " << o.score.nearestOther << " (test images "
                        << o.reference.nearestOther << ") -> " << shownPath(r.out.path()) << "\n";
    return true;
}

} // namespace

int runImageDaeVerb(const QStringList& args) {
    CliArgs a("image-dae",
              "Train an image denoising autoencoder, then sample from it with chains.");
    ImageDaeRequest request;
    if (const std::optional<int> stop = parseImageDaeRequest(a, args, request)) return *stop;
    ChainGif gif(request.out.filePath("chain.gif"), request.fps, request.chains);
    const RunOutcome<ImageDaeOutputs> outcome = trainAndSample(request, gif);
    if (const auto* failed = std::get_if<VerbError>(&outcome)) return reportError(a, *failed);
    QString error;
    if (!writeImageDaeOutputs(request, std::get<ImageDaeOutputs>(outcome), gif, &error))
        return runError(a, error);
    return 0;
}

} // namespace aelab::cli
