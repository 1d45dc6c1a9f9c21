#include "core/metrics/sample_distance.h"
#include "datasets/toy2d.h"

#include <ATen/CPUGeneratorImpl.h>
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

torch::Tensor distanceSample(const torch::Tensor& x, int64_t cap) {
    if (x.size(0) <= cap) return x;
    return x.slice(0, 0, x.size(0), (x.size(0) + cap - 1) / cap);
}

double energyDistance(const torch::Tensor& x, const torch::Tensor& y, int64_t block) {
    const auto xs = distanceSample(x), ys = distanceSample(y);
    auto X = xs.reshape({xs.size(0), -1}).to(torch::kFloat64);
    auto Y = ys.reshape({ys.size(0), -1}).to(torch::kFloat64);
    const double d2 = 2 * meanPairDistance(X, Y, block) - meanPairDistance(X, X, block) -
                      meanPairDistance(Y, Y, block);
    return std::sqrt(std::max(0.0, d2));
}

double distanceYardstick(const Toy2DSpec& spec, const torch::Tensor& data, int64_t sampleSize,
                         int repeats) {
    const std::uint64_t seed = spec.seed + 7919; // away from the training set's own
    const bool noGenerator = spec.kind == Toy2DKind::Csv || spec.kind == Toy2DKind::Painted;
    double sum = 0;
    for (int k = 0; k < std::max(1, repeats); ++k) {
        if (noGenerator) {
            auto gen = at::make_generator<at::CPUGeneratorImpl>(seed + k);
            const auto order = torch::randperm(data.size(0), gen, torch::kInt64);
            const int64_t half = data.size(0) / 2;
            sum += energyDistance(data.index_select(0, order.slice(0, 0, half)),
                                  data.index_select(0, order.slice(0, half)));
            continue;
        }
        Toy2DSpec fresh = spec;
        fresh.seed = seed + k;
        fresh.count = int(std::clamp<int64_t>(sampleSize, 2, kDistanceSampleCap));
        sum += energyDistance(makeToy2D(fresh), data);
    }
    return sum / std::max(1, repeats);
}

} // namespace aelab
