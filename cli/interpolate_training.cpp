// aelab interpolate's training: a new model from the options or a
// checkpoint, trained plainly or keeping the best model by the validation
// pairs (--keep-best, references (4.10)), then saved if asked.
#include "core/interp/best_checkpoint.h"
#include "core/interp/interp_trainer.h"
#include <torch/types.h>

#include "cli/interpolate_run.h"
#include "cli/training_loop.h"

#include <QTextStream>

#include <algorithm>

namespace aelab::cli {

namespace {

aelab::InterpConfig newModelConfig(const InterpolateRequest& r, const aelab::ImageSet& data) {
    aelab::InterpConfig c = aelab::defaultInterpConfig(
        *aelab::parseInterpModel(r.model.toStdString()), int(data.height()), int(data.width()));
    const InterpModelOptions& m = r.modelOptions;
    c.seed = std::uint64_t(r.seed);
    c.depth = int(m.depth);
    c.batch = int(m.batch);
    c.lambda = m.lambda;
    c.gamma = m.gamma;
    c.noiseStd = m.noiseStd;
    c.klWeight = m.klWeight;
    c.learningRate = m.learningRate;
    if (m.scales) c.scales = int(*m.scales);
    if (m.latent) c.latentChannels = int(*m.latent);
    return c;
}

// --keep-best: trains in stretches of r.keepBest steps, scores each on the
// validation pairs, and ends with the best model (references (4.10)).
std::optional<VerbError> trainKeepingBest(const InterpolateRequest& r,
                                          std::unique_ptr<aelab::InterpTrainer>& trainer,
                                          InterpolationOutputs& o) {
    aelab::BestCheckpointKeeper keeper(r.dataset.toStdString());
    QTextStream log(stdout);
    const auto observe = [&](double trainLoss) {
        const aelab::ValidationPoint& p = keeper.observe(*trainer, trainLoss);
        log << "step " << p.step << ": validation mean distance " << p.meanDistance
            << ", smoothness " << p.smoothness << ", figure " << p.figure << Qt::endl;
    };
    observe(0); // the starting model is a candidate too: a continued run may only drift
    for (long long done = 0; done < r.steps;) {
        const long long stretch = std::min(r.keepBest, r.steps - done);
        const CliTraining t = trainForCli(*trainer, stretch);
        o.seconds += t.seconds;
        if (t.diverged) return runFailure(divergenceMessage(trainer->step(), t.badLoss));
        done += stretch;
        o.trainLoss = t.lastLoss;
        observe(t.lastLoss);
    }
    o.validation = keeper.log();
    o.best = keeper.best();
    if (o.best && o.best->step != trainer->step())
        trainer = aelab::InterpTrainer::loadBytes(keeper.bestArchive(), trainer->trainImages(),
                                                  "the best model of this run");
    return std::nullopt;
}

} // namespace

RunOutcome<std::unique_ptr<aelab::InterpTrainer>> makeTrainer(const InterpolateRequest& r,
                                                              const aelab::ImageSet& data) {
    try {
        if (r.checkpoint) {
            auto trainer = aelab::InterpTrainer::load(r.checkpoint->toStdString(), data.train);
            if (r.continueRate) {
                aelab::InterpConfig live = trainer->config();
                live.learningRate = *r.continueRate;
                trainer->setLive(live);
            }
            return trainer;
        }
        return std::make_unique<aelab::InterpTrainer>(data.train, newModelConfig(r, data));
    } catch (const std::exception& e) {
        return badInput(QString::fromStdString(e.what()));
    }
}

std::optional<VerbError> trainInterp(const InterpolateRequest& r,
                                     std::unique_ptr<aelab::InterpTrainer>& trainer,
                                     InterpolationOutputs& o) {
    if (r.keepBest > 0 && r.steps > 0) {
        if (std::optional<VerbError> failed = trainKeepingBest(r, trainer, o)) return failed;
    } else {
        const CliTraining training = trainForCli(*trainer, r.steps);
        if (training.diverged)
            return runFailure(divergenceMessage(trainer->step(), training.badLoss));
        o.trainLoss = training.lastLoss;
        o.seconds = training.seconds;
    }
    if (!r.save) return std::nullopt;
    try {
        trainer->save(r.save->toStdString(), r.dataset.toStdString());
    } catch (const std::exception& e) {
        return runFailure(QString::fromStdString(e.what()));
    }
    return std::nullopt;
}

} // namespace aelab::cli
