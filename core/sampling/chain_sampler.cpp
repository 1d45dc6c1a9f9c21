#include "core/sampling/chain_sampler.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/utils.h>

namespace aelab {

ChainSampler::ChainSampler(Denoiser r, torch::Tensor start, std::uint64_t seed)
    : r_(std::move(r)), x_(std::move(start)), gen_(at::make_generator<at::CPUGeneratorImpl>(seed)) {
}

const torch::Tensor& ChainSampler::step() {
    torch::NoGradGuard noGrad;
    auto input = injector_     ? injector_(x_, gen_)
                 : inject_ > 0 ? x_ + inject_ * torch::randn(x_.sizes(), gen_, x_.options())
                               : x_;
    x_ = r_(input).detach();
    ++steps_;
    return x_;
}

void ChainSampler::addParticles(const torch::Tensor& more) {
    x_ = x_.numel() ? torch::cat({x_, more.to(x_.scalar_type())}) : more.clone();
}

torch::Tensor uniformParticles(int64_t n, double x0, double x1, double y0, double y1,
                               std::uint64_t seed) {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    auto u = torch::rand({n, 2}, gen, torch::kFloat32);
    auto lo = torch::tensor({float(x0), float(y0)}),
         span = torch::tensor({float(x1 - x0), float(y1 - y0)});
    return u * span + lo;
}

} // namespace aelab
