#include "core/interp/best_checkpoint.h"
#include "core/interp/lines_protocol.h"

#include <algorithm>

namespace aelab {

std::vector<double> validationAngles(int pairs) {
    return uniformAngles(0x7a11d, 2 * pairs); // a seed apart from the test pairs' 0xacaf
}

double validationFigure(const LinesScore& score, const LinesScore& crossfade, int frames) {
    const double abrupt = 1.0 - 1.0 / double(std::max(2, frames) - 1);
    const double frozenShare = score.pairs > 0 ? double(score.frozen) / score.pairs : 0.0;
    const double smooth = score.smoothness + frozenShare * abrupt;
    return 0.5 * (score.meanDistance / crossfade.meanDistance + smooth / crossfade.smoothness);
}

BestCheckpointKeeper::BestCheckpointKeeper(std::string dataset, int pairs,
                                           std::shared_ptr<const LinesBenchmark> bench)
    : dataset_(std::move(dataset)), angles_(validationAngles(pairs)),
      bench_(bench ? std::move(bench) : std::make_shared<const LinesBenchmark>()),
      crossfade_(bench_->score(crossfadeSequencesBetween(angles_))) {}

const ValidationPoint& BestCheckpointKeeper::observe(InterpTrainer& trainer, double trainLoss) {
    const LinesScore s = bench_->score(modelSequencesBetween(trainer, angles_));
    ValidationPoint p;
    p.step = trainer.step();
    p.meanDistance = s.meanDistance;
    p.smoothness = s.smoothness;
    p.figure = validationFigure(s, crossfade_);
    p.trainLoss = trainLoss;
    p.criticLoss = trainer.lastCriticLoss();
    log_.push_back(p);
    if (bestArchive_.empty() || p.figure < log_[best_].figure) {
        best_ = log_.size() - 1;
        bestArchive_ = trainer.saveBytes(dataset_);
    }
    return log_.back();
}

std::optional<ValidationPoint> BestCheckpointKeeper::best() const {
    if (log_.empty()) return std::nullopt;
    return log_[best_];
}

} // namespace aelab
