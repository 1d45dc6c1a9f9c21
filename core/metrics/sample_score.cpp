#include "core/metrics/sample_score.h"

#include <cmath>
#include <limits>

namespace aelab {

namespace {
// For each row of a, the squared distance to its nearest row of b (rows of b
// equal to the same index of a skipped when `skipSelf`).
torch::Tensor nearestSquared(const torch::Tensor& a, const torch::Tensor& b, bool skipSelf,
                             int64_t block) {
    auto best = torch::full({a.size(0)}, std::numeric_limits<double>::infinity(), torch::kFloat64);
    auto aSq = (a * a).sum(1, true);
    for (int64_t s = 0; s < b.size(0); s += block) {
        const int64_t e = std::min(b.size(0), s + block);
        auto bb = b.slice(0, s, e);
        auto d2 = (aSq - 2 * a.matmul(bb.t()) + (bb * bb).sum(1).unsqueeze(0)).clamp_min(0);
        if (skipSelf) {
            // Column j of this block is row s + j of b: mask the diagonal.
            for (int64_t i = s; i < e && i < a.size(0); ++i)
                d2[i][i - s] = std::numeric_limits<double>::infinity();
        }
        best = torch::minimum(best, std::get<0>(d2.min(1)));
    }
    return best;
}
} // namespace

SampleScore scoreSamples(const torch::Tensor& samples, const torch::Tensor& train, int64_t block) {
    SampleScore score;
    const int64_t n = samples.size(0);
    if (n == 0 || train.size(0) == 0) return score;
    auto s = samples.reshape({n, -1}).to(torch::kFloat64);
    auto t = train.reshape({train.size(0), -1}).to(torch::kFloat64);
    const double dim = double(s.size(1));
    score.nearestTrain = (nearestSquared(s, t, false, block) / dim).sqrt().mean().item<double>();
    if (n > 1)
        score.nearestOther = (nearestSquared(s, s, true, block) / dim).sqrt().mean().item<double>();
    return score;
}

} // namespace aelab
