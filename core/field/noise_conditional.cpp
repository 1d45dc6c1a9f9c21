#include "core/field/noise_conditional.h"

#include <cmath>

namespace aelab {

torch::Tensor sigmaEmbedding(const torch::Tensor& sigma) {
    auto c = torch::log(sigma.reshape({-1, 1}));
    std::vector<torch::Tensor> parts{c};
    for (const double frequency : {0.5, 1.0, 2.0, 4.0}) {
        parts.push_back(torch::sin(frequency * c));
        parts.push_back(torch::cos(frequency * c));
    }
    return torch::cat(parts, 1);
}

DataScale dataScale(const torch::Tensor& data) {
    DataScale s;
    s.mean = data.mean(0);
    const double spread = (data - s.mean).pow(2).mean().item<double>();
    // A set of identical points has no spread; any positive scale works then.
    s.sigmaData = spread > 1e-12 ? std::sqrt(spread) : 1.0;
    return s;
}

torch::Tensor conditionalReconstruct(MlpDaeImpl& net, const torch::Tensor& x,
                                     const torch::Tensor& sigma, const DataScale& scale) {
    const auto s = sigma.reshape({-1, 1});
    const double sd = scale.sigmaData;
    const auto total = s * s + sd * sd;
    const auto cSkip = (sd * sd) / total;
    const auto cOut = s * sd / total.sqrt();
    const auto cIn = total.rsqrt();
    const auto centred = x - scale.mean;
    const auto raw = net.forward(cIn * centred, sigmaEmbedding(s));
    return scale.mean + cSkip * centred + cOut * raw;
}

torch::Tensor sampleSigmas(int64_t count, double lo, double hi, at::Generator& gen) {
    const auto u = torch::rand({count}, gen);
    return torch::exp(std::log(lo) + u * (std::log(hi) - std::log(lo)));
}

torch::Tensor conditionalLoss(MlpDaeImpl& net, const torch::Tensor& x, const torch::Tensor& sigma,
                              const DataScale& scale, at::Generator& gen) {
    const auto s = sigma.reshape({-1, 1});
    const auto noisy = x + s * torch::randn(x.sizes(), gen);
    const auto error = conditionalReconstruct(net, noisy, s, scale) - x;
    return (error.pow(2).sum(1, true) / (s * s)).mean();
}

} // namespace aelab
