// aelab chain: train the field lab's DAE (or reuse the same settings), then
// run a sampling chain from uniform noise and measure how close it gets.
// Three steps: parse the options into a ChainRequest, train and run the chain
// into ChainOutputs, write the files. The video is the exception that streams:
// ChainVideo draws each step's frame as the chain runs, so that no run keeps
// every step's particles.
#include "core/sampling/chain_sampler.h"
#include "core/field/field_denoiser.h"
#include "core/field/ideal_field.h"
#include "core/metrics/sample_distance.h"
#include <torch/types.h>

#include "cli/args.h"
#include "cli/verbs.h"
#include "cli/field_common.h"
#include "cli/output.h"
#include "cli/run_folder.h"
#include "cli/chain_video.h"
#include "app/labs/field/field_snapshot.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <optional>
#include <variant>
#include <vector>

namespace aelab::cli {

namespace {

// Step 1: the verb's settings.

struct ChainRequest {
    FieldTraining training;
    long long particles = 0, chainSteps = 0, videoSize = 0;
    double inject = 0, fps = 0;
    QString denoiser; // learned or ideal
    bool arrows = false;
    QDir out;
};

void declareChainOptions(CliArgs& a) {
    addFieldOptions(a);
    a.addOption("train-steps", "Training steps before the chain.", "3000");
    a.addOption("particles", "Particles, started uniformly over the plot's box.", "2000");
    a.addOption("chain-steps", "Chain steps.", "100");
    a.addOption("inject", "Std of the noise injected before each step (0: x <- r(x)).", "0");
    a.addOption("denoiser",
                "learned (the trained DAE) or ideal (the exact r* of the training set).",
                "learned");
    a.addOption("fps", "Frame rate of chain.gif and chain.mp4 (one frame per step).", "15");
    a.addOption("video-size", "Side of the square video frames, in pixels.", "640");
    a.addFlag("arrows", "Draw the learned field's arrows under the particles.");
    a.addOption("out", "Output folder (created if missing).");
}

// The exit code when the verb ends here (--help, a usage error), or nothing
// with the request filled and the output folder made.
std::optional<int> parseChainRequest(CliArgs& a, const QStringList& args, ChainRequest& r) {
    declareChainOptions(a);
    if (const std::optional<int> stop = parseVerbArgs(a, args)) return stop;
    if (!readFieldTraining(a, "train-steps", r.training) ||
        !a.integer("particles", 1, 1000000, r.particles) ||
        !a.integer("chain-steps", 0, 1000000, r.chainSteps) ||
        !a.number("inject", 0, 10, r.inject) || !a.number("fps", 0.5, 60, r.fps) ||
        !a.integer("video-size", 64, 4096, r.videoSize) ||
        !a.choice("denoiser", {"learned", "ideal"}, r.denoiser))
        return usageError(a);
    r.arrows = a.isSet("arrows");
    if (const int code = openOutputDir(a, r.out)) return code;
    return std::nullopt;
}

// Step 2: train, then run the chain, drawing each step into the video.

struct ChainOutputs {
    double trainSeconds = 0;
    std::vector<double> distances;        // energy distance to the data, every step
    std::vector<torch::Tensor> snapshots; // the particles at steps 0, 10, 20, ... (chain.csv)
    double chainSeconds = 0;              // without the video's time
    double videoSeconds = 0;
};

// The ideal denoiser shows what the chain does when r is exactly r*
// (docs/references.md §1): any gap to it is the network's, not the method's.
aelab::Denoiser chainDenoiser(const ChainRequest& r, aelab::FieldTrainer& trainer,
                              const torch::Tensor& data) {
    const double sigma = trainer.config().sigma;
    if (r.denoiser == "ideal")
        return [&data, sigma](const torch::Tensor& x) {
            return aelab::idealReconstruct(data, x, sigma);
        };
    return aelab::fieldDenoiser(trainer);
}

void sampleChain(const ChainRequest& r, aelab::ChainSampler& chain, const torch::Tensor& data,
                 ChainVideo& video, ChainOutputs& o) {
    QElapsedTimer clock;
    clock.start();
    for (long long step = 0; step <= r.chainSteps; ++step) {
        if (step > 0) chain.step();
        o.distances.push_back(aelab::energyDistance(chain.particles(), data));
        const torch::Tensor p = chain.particles().contiguous();
        video.addFrame(p, QStringLiteral("chain step %1 · inject s = %2 · energy distance %3")
                              .arg(step)
                              .arg(r.inject)
                              .arg(o.distances.back(), 0, 'f', 3));
        if (step % 10 == 0) o.snapshots.push_back(p.clone());
    }
    o.videoSeconds = video.seconds();
    o.chainSeconds = clock.nsecsElapsed() * 1e-9 - o.videoSeconds;
}

RunOutcome<ChainOutputs> trainAndRunChain(const ChainRequest& r, ChainVideo& video) {
    TrainedField trained;
    if (const std::optional<VerbError> failed = trainField(r.training, trained)) return *failed;
    aelab::FieldTrainer& trainer = *trained.trainer;
    const std::vector<float> dataXY = trainer.dataXY();
    const auto data =
        torch::from_blob(const_cast<float*>(dataXY.data()), {int64_t(dataXY.size() / 2), 2});
    const aelab::Box2D box = trainer.grid().box;
    const quint64 seed = r.training.config.seed;
    aelab::ChainSampler chain(
        chainDenoiser(r, trainer, data),
        aelab::uniformParticles(r.particles, box.x0, box.x1, box.y0, box.y1, seed), seed + 1);
    chain.setInjection(r.inject);
    QString error;
    if (!video.start(toViewData(trainer.evaluate(), dataXY), &error)) return runFailure(error);
    ChainOutputs o;
    o.trainSeconds = trained.seconds;
    sampleChain(r, chain, data, video, o);
    return o;
}

// Step 3: chain.gif and chain.mp4 closed, metrics.json, chain.csv, the summary.

QJsonObject chainMetrics(const ChainRequest& r, const ChainOutputs& o) {
    QJsonArray distances;
    for (const double d : o.distances)
        distances.append(d);
    return {{"distance_metric", "energy distance (Szekely & Rizzo), data units"},
            {"distance_start", distances.first()},
            {"distance_end", distances.last()},
            {"distances", distances},
            {"train_steps", double(r.training.steps)},
            {"train_seconds", o.trainSeconds},
            {"chain_seconds", o.chainSeconds},
            {"video_seconds", o.videoSeconds},
            {"particles", double(r.particles)},
            {"inject", r.inject},
            {"denoiser", r.denoiser},
            {"video_frames", double(r.chainSteps + 1)},
            {"fps", r.fps}};
}

// step,particle,x,y for every tenth step: snapshot k is step 10 k.
QString chainCsv(const std::vector<torch::Tensor>& snapshots) {
    QString csv = "step,particle,x,y\n";
    for (size_t k = 0; k < snapshots.size(); ++k) {
        const long long step = 10 * static_cast<long long>(k);
        const float* v = snapshots[k].data_ptr<float>();
        for (int64_t i = 0; i < snapshots[k].size(0); ++i)
            csv += QStringLiteral("%1,%2,%3,%4\n")
                       .arg(step)
                       .arg(i)
                       .arg(v[2 * i], 0, 'g', 7)
                       .arg(v[2 * i + 1], 0, 'g', 7);
    }
    return csv;
}

bool writeChainOutputs(const ChainRequest& r, const ChainOutputs& o, ChainVideo& video,
                       QString* error) {
    if (!video.finish(error) ||
        !writeJson(r.out.filePath("metrics.json"), chainMetrics(r, o), error) ||
        !writeText(r.out.filePath("chain.csv"), chainCsv(o.snapshots), error))
        return false;
    QTextStream(stdout) << "chain: energy distance " << o.distances.front() << " -> "
                        << o.distances.back() << " over " << r.chainSteps << " steps -> "
                        << shownPath(r.out.path()) << "\n";
    return true;
}

} // namespace

int runChainVerb(const QStringList& args) {
    CliArgs a("chain", "Run an iterative DAE sampling chain on 2D data and measure it.");
    ChainRequest request;
    if (const std::optional<int> stop = parseChainRequest(a, args, request)) return *stop;
    ChainVideo video({request.out, int(request.videoSize), request.fps, request.arrows});
    const RunOutcome<ChainOutputs> outcome = trainAndRunChain(request, video);
    if (const auto* failed = std::get_if<VerbError>(&outcome)) return reportError(a, *failed);
    QString error;
    if (!writeChainOutputs(request, std::get<ChainOutputs>(outcome), video, &error))
        return runError(a, error);
    return 0;
}

} // namespace aelab::cli
