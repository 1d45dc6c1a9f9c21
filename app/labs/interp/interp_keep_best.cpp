#include "app/labs/interp/interp_keep_best.h"

#include <algorithm>

namespace aelab {

bool LiveBestKeeper::valid(int model) const {
    return model >= 0 && size_t(model) < runs_.size();
}

void LiveBestKeeper::forget(int model) {
    if (valid(model)) runs_[size_t(model)] = Run{};
}

void LiveBestKeeper::forgetAll() {
    for (Run& run : runs_)
        run = Run{};
}

void LiveBestKeeper::maybeObserve(int model, InterpTrainer& trainer, const std::string& dataset,
                                  const std::shared_ptr<const LinesBenchmark>& bench) {
    if (!valid(model)) return;
    Run& run = runs_[size_t(model)];
    const long long step = trainer.step();
    if (run.lastStep < 0 && step == 0) { // a new model: its first scoring after `every` steps
        run.lastStep = 0;
        return;
    }
    if (run.lastStep > step) { // went back to its best: count from there
        run.lastStep = step;
        return;
    }
    if (run.lastStep >= 0 && step - run.lastStep < every_) return;
    if (!run.keeper)
        run.keeper = std::make_unique<BestCheckpointKeeper>(
            dataset, BestCheckpointKeeper::kValidationPairs, bench);
    run.keeper->observe(trainer, 0);
    run.lastStep = step;
}

KeptBest LiveBestKeeper::summary(int model, long long currentStep) const {
    KeptBest k;
    if (!valid(model) || !runs_[size_t(model)].keeper) return k;
    const BestCheckpointKeeper& keeper = *runs_[size_t(model)].keeper;
    const auto best = keeper.best();
    if (!best) return k;
    k.any = true;
    k.bestStep = best->step;
    k.bestFigure = best->figure;
    const auto& log = keeper.log();
    auto latest = std::find_if(log.rbegin(), log.rend(), [currentStep](const ValidationPoint& p) {
        return p.step <= currentStep;
    });
    if (latest == log.rend()) latest = log.rbegin();
    k.lastStep = latest->step;
    k.lastFigure = latest->figure;
    return k;
}

long long LiveBestKeeper::nextScoring(int model) const {
    if (!valid(model)) return 0;
    const long long last = runs_[size_t(model)].lastStep;
    return last < 0 ? 0 : last + every_;
}

std::string LiveBestKeeper::bestArchive(int model) const {
    if (!valid(model) || !runs_[size_t(model)].keeper) return {};
    return runs_[size_t(model)].keeper->bestArchive();
}

} // namespace aelab
