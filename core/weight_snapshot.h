#pragma once
// The last good weights of a model, kept every few steps so a burst that
// meets a NaN or infinite loss can roll back to them (issue: divergence).
#include <torch/types.h>

#include <vector>

namespace aelab {

class WeightSnapshot {
  public:
    void save(const std::vector<torch::Tensor>& params, long long step) {
        copies_.clear();
        for (const auto& p : params)
            copies_.push_back(p.detach().clone());
        step_ = step;
    }
    // Copies the kept weights back; returns the step they were kept at.
    long long restore(const std::vector<torch::Tensor>& params) const {
        torch::NoGradGuard noGrad;
        for (size_t i = 0; i < params.size() && i < copies_.size(); ++i)
            params[i].copy_(copies_[i]);
        return step_;
    }

  private:
    std::vector<torch::Tensor> copies_;
    long long step_ = 0;
};

} // namespace aelab
