#pragma once
// The Adam optimiser as every trainer here makes and adjusts it.
#include <torch/optim/adam.h>

#include <memory>
#include <vector>

namespace aelab {

inline std::unique_ptr<torch::optim::Adam> makeAdam(const std::vector<torch::Tensor>& params,
                                                    double learningRate) {
    return std::make_unique<torch::optim::Adam>(params, torch::optim::AdamOptions(learningRate));
}

// A new learning rate for every parameter group, keeping Adam's moments.
inline void setLearningRate(torch::optim::Adam& adam, double learningRate) {
    for (auto& group : adam.param_groups())
        static_cast<torch::optim::AdamOptions&>(group.options()).lr(learningRate);
}

} // namespace aelab
