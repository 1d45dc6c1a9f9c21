#include "core/vae/vae_bounds.h"

#include <torch/nn/functional/activation.h>

#include <cmath>

namespace aelab {

namespace {
constexpr double kLog2Pi = 1.8378770664093453;
}

torch::Tensor logBernoulli(const torch::Tensor& x, const torch::Tensor& logits) {
    // log s(l) = -softplus(-l), log(1 - s(l)) = -softplus(l).
    namespace F = torch::nn::functional;
    return -(x * F::softplus(-logits) + (1 - x) * F::softplus(logits)).sum(-1);
}

torch::Tensor logNormalDiag(const torch::Tensor& z, const torch::Tensor& mu,
                            const torch::Tensor& logvar) {
    return -0.5 * (kLog2Pi + logvar + (z - mu).pow(2) * torch::exp(-logvar)).sum(-1);
}

torch::Tensor logStandardNormal(const torch::Tensor& z) {
    return -0.5 * (kLog2Pi + z.pow(2)).sum(-1);
}

torch::Tensor importanceBound(const torch::Tensor& logw) {
    return torch::logsumexp(logw, 0) - std::log(double(logw.size(0)));
}

torch::Tensor importanceLogLikelihood(int total, int chunk,
                                      const std::function<torch::Tensor(int)>& draw) {
    // Running log sum exp over the chunks.
    torch::Tensor acc;
    for (int done = 0; done < total;) {
        const int m = std::min(chunk, total - done);
        auto part = torch::logsumexp(draw(m).to(torch::kFloat64), 0);
        acc = acc.defined() ? torch::logaddexp(acc, part) : part;
        done += m;
    }
    return acc - std::log(double(total));
}

} // namespace aelab
