#pragma once
// Iterative DAE sampling (docs/references.md §2, Creswell et al.): particles move
// by x <- r(x), or by x <- r(x + eta), eta ~ N(0, s^2 I), with noise injected
// between steps. Works for any denoiser r, so tests can use a map whose fixed
// points are known, and images use the same code as 2D points.
#include <ATen/core/Generator.h>
#include <torch/types.h>
#include <functional>

namespace aelab {

using Denoiser = std::function<torch::Tensor(const torch::Tensor&)>;
// A corruption applied before each step in place of Gaussian injection: with
// the training corruption C this is the chain x <- r(C(x)) of the
// generalised DAE sampler (Bengio et al. 2013), whose stationary distribution
// estimates the data's.
using Injector = std::function<torch::Tensor(const torch::Tensor&, at::Generator&)>;

class ChainSampler {
  public:
    ChainSampler(Denoiser r, torch::Tensor start, std::uint64_t seed);

    // s = 0 is the plain iteration; s > 0 injects N(0, s^2) noise before r.
    void setInjection(double s) { inject_ = s; }
    double injection() const { return inject_; }
    // Replaces the Gaussian injection (an empty injector restores it).
    void setInjector(Injector injector) { injector_ = std::move(injector); }
    bool hasInjector() const { return bool(injector_); }
    // One step for every particle; returns the new positions.
    const torch::Tensor& step();
    const torch::Tensor& particles() const { return x_; }
    // Appends particles (a burst); they move from the next step on.
    void addParticles(const torch::Tensor& more);
    long long steps() const { return steps_; }

  private:
    Denoiser r_;
    Injector injector_;
    torch::Tensor x_;
    at::Generator gen_;
    double inject_ = 0;
    long long steps_ = 0;
};

// n points uniform over [x0, x1] x [y0, y1], seeded.
torch::Tensor uniformParticles(int64_t n, double x0, double x1, double y0, double y1,
                               std::uint64_t seed);

} // namespace aelab
