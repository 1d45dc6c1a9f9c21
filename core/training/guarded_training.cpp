#include "core/training/guarded_training.h"

#include <cmath>

namespace aelab {

GuardedTraining::GuardedTraining(std::function<std::vector<torch::Tensor>()> weights,
                                 std::function<void()> freshOptimisers)
    : weights_(std::move(weights)), freshOptimisers_(std::move(freshOptimisers)) {}

void GuardedTraining::keep(long long step) {
    good_.clear();
    for (const auto& w : weights_())
        good_.push_back(w.detach().clone());
    goodStep_ = step;
}

StepResult GuardedTraining::run(int n, long long& step, const TrainingStep& s) {
    StepResult result;
    double sum = 0;
    for (int i = 0; i < n; ++i) {
        torch::Tensor loss = s.loss();
        const double value = loss.item<double>();
        const double side = s.sideLoss ? s.sideLoss() : 0.0;
        if (!std::isfinite(value) || !std::isfinite(side)) {
            {
                torch::NoGradGuard noGrad;
                const std::vector<torch::Tensor> weights = weights_();
                for (size_t k = 0; k < weights.size() && k < good_.size(); ++k)
                    weights[k].copy_(good_[k]);
            }
            step = goodStep_;
            freshOptimisers_();
            result.diverged = true;
            result.badLoss = std::isfinite(value) ? side : value;
            break;
        }
        s.apply(loss);
        ++step;
        if (s.afterStep) s.afterStep();
        ++result.steps;
        sum += value;
        if (step % kKeepEvery == 0) keep(step);
    }
    result.meanLoss = result.steps ? sum / result.steps : 0;
    return result;
}

} // namespace aelab
