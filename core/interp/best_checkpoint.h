#pragma once
// Keeps the best model of a long lines run (docs/references.md (4.10)).
// Every so many steps the run is scored on the benchmark's validation pairs
// (their own seed, apart from the 256 test pairs the reported figure uses);
// the archive of the best-scoring model is kept in memory, so a run that
// drifts late still ends with what it had learned. Knows nothing about
// threads or files.
#include "core/interp/interp_trainer.h"
#include "core/metrics/lines_benchmark.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aelab {

// One scoring of a run on the validation pairs.
struct ValidationPoint {
    long long step = 0;
    double meanDistance = 0, smoothness = 0;
    double figure = 0; // (4.10): the two metrics as fractions of the cross-fade's
    double trainLoss = 0, criticLoss = 0;
};

class BestCheckpointKeeper {
  public:
    static constexpr int kValidationPairs = 64;

    // dataset: what the kept archive records (the trainer's save argument).
    // bench: a benchmark to share (its references take 80 MB); null: its own.
    explicit BestCheckpointKeeper(std::string dataset, int pairs = kValidationPairs,
                                  std::shared_ptr<const LinesBenchmark> bench = nullptr);

    // Scores the trainer as it is now, logs it, and keeps its archive when
    // its figure is the lowest so far.
    const ValidationPoint& observe(InterpTrainer& trainer, double trainLoss);

    const std::vector<ValidationPoint>& log() const { return log_; }
    std::optional<ValidationPoint> best() const;
    // The best model's archive (InterpTrainer::loadBytes); empty before the
    // first observation.
    const std::string& bestArchive() const { return bestArchive_; }
    // The cross-fade's figures on the same pairs, the scale of (4.10).
    const LinesScore& crossfadeScore() const { return crossfade_; }

  private:
    std::string dataset_;
    std::vector<double> angles_;
    std::shared_ptr<const LinesBenchmark> bench_;
    LinesScore crossfade_;
    std::vector<ValidationPoint> log_;
    size_t best_ = 0;
    std::string bestArchive_;
};

// (4.10): (d / d_crossfade + S' / S_crossfade) / 2, one number to rank models
// by, 1 for the cross-fade and 0 for a perfect interpolation. S' counts a
// frozen sequence (one that never turns) as an abrupt switch, not as the 0
// of (4.7): a model collapsed to one line must not rank as smooth.
double validationFigure(const LinesScore& score, const LinesScore& crossfade, int frames = 16);

// The validation pairs: 2 x pairs angles from a seed apart from the test
// pairs' (benchmarkAngles); pair i is (angles[i], angles[pairs + i]).
std::vector<double> validationAngles(int pairs);

} // namespace aelab
