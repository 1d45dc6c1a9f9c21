#pragma once
// Keeps the best model of each live run on lines, as the zoo's recipes do
// (docs/interpolation-lab.md, docs/references.md (4.10)): every so many
// steps the active model is scored on the validation pairs and its whole
// state kept when it scores best so far, so a run that runs away late can
// go back to what it had learned. Lives on the worker's thread.
#include "core/interp/best_checkpoint.h"

#include <array>
#include <memory>
#include <string>

namespace aelab {

// What the lab shows of one model's run.
struct KeptBest {
    bool any = false;
    long long bestStep = 0, lastStep = 0; // the best scoring and the latest
    double bestFigure = 0, lastFigure = 0;
};

class LiveBestKeeper {
  public:
    static constexpr long long kDefaultEvery = 1000; // steps, as the zoo's --keep-best 1000

    void setEvery(long long steps) { every_ = steps < 1 ? 1 : steps; }
    long long every() const { return every_; }
    // A model built anew, loaded or switched for another: its log starts again.
    void forget(int model);
    void forgetAll();
    // Scores the trainer when `every` steps have passed since its last
    // scoring. A model met for the first time is scored at once if it has
    // trained (an opened model is a candidate too), else from `every` on.
    // bench: the worker's benchmark, shared by every model's record.
    void maybeObserve(int model, InterpTrainer& trainer, const std::string& dataset,
                      const std::shared_ptr<const LinesBenchmark>& bench);
    // The record of the model now at currentStep: after going back to the
    // best, the latest scoring is the one at or before it, not the
    // abandoned branch's.
    KeptBest summary(int model, long long currentStep) const;
    // The step of the model's next scoring; 0: as soon as it trains on.
    long long nextScoring(int model) const;
    // The best model's state, for InterpTrainer::loadBytes; empty if none.
    std::string bestArchive(int model) const;

  private:
    bool valid(int model) const;
    struct Run {
        std::unique_ptr<BestCheckpointKeeper> keeper;
        long long lastStep = -1; // -1: never met
    };
    std::array<Run, 4> runs_; // by aelab::InterpModel
    long long every_ = kDefaultEvery;
};

} // namespace aelab
