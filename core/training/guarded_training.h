#pragma once
// The training loop every trainer runs, guarded against divergence: the
// last good weights are kept every kKeepEvery steps, and a step whose loss
// is not finite puts them back, starts the optimisers afresh (Adam's moments
// may hold NaN too) and ends the burst, reporting the bad loss.
#include "core/training/step_result.h"

#include <torch/types.h>

#include <functional>
#include <vector>

namespace aelab {

// One training step, as a trainer defines it.
struct TrainingStep {
    std::function<torch::Tensor()> loss;        // draw a batch, forward pass: the loss
    std::function<void(torch::Tensor&)> apply;  // backward pass and optimiser step
    std::function<double()> sideLoss = nullptr; // another loss that must stay finite (a critic's)
    std::function<void()> afterStep = nullptr;  // once the step count moved on (weight averages)
};

class GuardedTraining {
  public:
    static constexpr int kKeepEvery = 50;

    // weights: every tensor a roll-back restores (the model's, and any
    // average of them); freshOptimisers: replaces the optimisers' state.
    GuardedTraining(std::function<std::vector<torch::Tensor>()> weights,
                    std::function<void()> freshOptimisers);
    // The callbacks point into the trainer that owns this: never copied or moved.
    GuardedTraining(const GuardedTraining&) = delete;
    GuardedTraining& operator=(const GuardedTraining&) = delete;

    // Keeps the current weights as the last good ones, taken at `step`.
    void keep(long long step);
    // Up to n steps; `step` counts them and goes back with the weights.
    StepResult run(int n, long long& step, const TrainingStep& s);

  private:
    std::function<std::vector<torch::Tensor>()> weights_;
    std::function<void()> freshOptimisers_;
    std::vector<torch::Tensor> good_;
    long long goodStep_ = 0;
};

} // namespace aelab
