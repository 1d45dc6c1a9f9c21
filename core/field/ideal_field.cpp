#include "core/field/ideal_field.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace aelab {

IdealField idealField(const torch::Tensor& data, const torch::Tensor& queries, double sigma,
                      int64_t block) {
    if (sigma <= 0) throw std::invalid_argument("idealField: sigma must be positive");
    auto X = data.to(torch::kFloat64);
    auto Q = queries.to(torch::kFloat64);
    const int64_t n = X.size(0), m = Q.size(0);
    auto xSq = (X * X).sum(1); // [N]
    const double inv2s2 = 1.0 / (2 * sigma * sigma);
    // log of the Gaussian normaliser 1/(2 pi sigma^2) and of the mixture weight 1/N.
    const double logNorm = -std::log(2 * M_PI * sigma * sigma) - std::log(double(n));

    // A block's temporaries hold block x N doubles each: keep them near 32 MB
    // whatever N is (a fixed 1,024 rows took 4 GB at N = 100,000).
    block = std::max<int64_t>(1, std::min(block, (int64_t(1) << 22) / std::max<int64_t>(n, 1)));
    auto r = torch::empty({m, 2}, torch::kFloat64);
    auto logp = torch::empty({m}, torch::kFloat64);
    for (int64_t s = 0; s < m; s += block) {
        const int64_t e = std::min(m, s + block);
        auto q = Q.slice(0, s, e);
        // |q - x|^2 = |q|^2 - 2 q.x + |x|^2, clamped against round-off.
        auto d2 = ((q * q).sum(1, true) - 2 * q.matmul(X.t()) + xSq).clamp_min(0);
        auto logits = -d2 * inv2s2;
        auto lse = torch::logsumexp(logits, 1);         // [B]
        auto w = torch::exp(logits - lse.unsqueeze(1)); // softmax weights
        r.slice(0, s, e).copy_(w.matmul(X) - q);
        logp.slice(0, s, e).copy_(lse + logNorm);
    }
    return {r.to(torch::kFloat32), logp.to(torch::kFloat32)};
}

torch::Tensor idealReconstruct(const torch::Tensor& data, const torch::Tensor& x, double sigma) {
    return x + idealField(data, x, sigma).rMinusX;
}

double fieldFitR2(const torch::Tensor& learned, const torch::Tensor& ideal,
                  const torch::Tensor& logDensity) {
    auto lp = logDensity.to(torch::kFloat64);
    auto p = torch::exp(lp - lp.max()); // the common scale cancels in the ratio
    auto err = (learned.to(torch::kFloat64) - ideal.to(torch::kFloat64)).pow(2).sum(1);
    auto ref = ideal.to(torch::kFloat64).pow(2).sum(1);
    const double den = (p * ref).sum().item<double>();
    if (!(den > 0)) return 0;
    return 1.0 - (p * err).sum().item<double>() / den;
}

} // namespace aelab
