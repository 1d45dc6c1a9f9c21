#include "core/metrics/sample_distance.h"

#include <algorithm>
#include <cmath>

namespace aelab {

namespace {
// Mean of |a_i - b_j| over all pairs.
double meanPairDistance(const torch::Tensor& a, const torch::Tensor& b, int64_t block) {
    double sum = 0;
    for (int64_t s = 0; s < a.size(0); s += block) {
        auto chunk = a.slice(0, s, std::min(a.size(0), s + block));
        sum += torch::cdist(chunk, b).sum().item<double>();
    }
    return sum / (double(a.size(0)) * double(b.size(0)));
}
} // namespace

double energyDistance(const torch::Tensor& x, const torch::Tensor& y, int64_t block) {
    auto X = x.reshape({x.size(0), -1}).to(torch::kFloat64);
    auto Y = y.reshape({y.size(0), -1}).to(torch::kFloat64);
    const double d2 = 2 * meanPairDistance(X, Y, block) - meanPairDistance(X, X, block) -
                      meanPairDistance(Y, Y, block);
    return std::sqrt(std::max(0.0, d2));
}

} // namespace aelab
