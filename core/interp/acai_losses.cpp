#include "core/interp/acai_losses.h"

namespace aelab {

namespace {
// alpha [N] shaped to broadcast against a [N, ...] tensor.
torch::Tensor perExample(const torch::Tensor& alpha, const torch::Tensor& like) {
    std::vector<int64_t> shape(size_t(like.dim()), 1);
    shape[0] = alpha.size(0);
    return alpha.view(shape);
}
} // namespace

torch::Tensor mixLatents(const torch::Tensor& z, const torch::Tensor& alpha) {
    const auto a = perExample(alpha, z);
    return a * z + (1 - a) * z.flip({0});
}

torch::Tensor acaiAutoencoderLoss(const torch::Tensor& x, const torch::Tensor& xhat,
                                  const torch::Tensor& criticOfMix, double lambda) {
    return (x - xhat).pow(2).mean() + lambda * criticOfMix.pow(2).mean();
}

torch::Tensor criticBlend(const torch::Tensor& x, const torch::Tensor& xhat, double gamma) {
    return gamma * x + (1 - gamma) * xhat;
}

torch::Tensor acaiCriticLoss(const torch::Tensor& criticOfMix, const torch::Tensor& alpha,
                             const torch::Tensor& criticOfBlend) {
    return (criticOfMix - alpha).pow(2).mean() + criticOfBlend.pow(2).mean();
}

torch::Tensor gaussianKl(const torch::Tensor& mu, const torch::Tensor& logvar) {
    return 0.5 * (mu.pow(2) + logvar.exp() - 1 - logvar).flatten(1).sum(1);
}

} // namespace aelab
