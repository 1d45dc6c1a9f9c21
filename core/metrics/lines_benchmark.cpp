#include "core/metrics/lines_benchmark.h"
#include "datasets/lines.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace aelab {

namespace {
constexpr double kTwoPi = 2 * M_PI;
constexpr int64_t kBlock = 512; // frames per matrix product: keeps memory flat
} // namespace

LinesBenchmark::LinesBenchmark(int referenceCount) {
    std::vector<double> thetas(size_t(std::max(1, referenceCount)));
    for (size_t k = 0; k < thetas.size(); ++k)
        thetas[k] = kTwoPi * double(k) / double(thetas.size());
    // Double precision: neighbouring references differ by a cosine of about
    // 1e-7, below what float32 resolves, and the nearest angle must be exact
    // for a perfect interpolation to score 0.
    auto r = lineImages(thetas).flatten(1).to(torch::kFloat64);
    reference_ = r / r.norm(2, 1, true);
}

LinesBenchmark::Nearest LinesBenchmark::nearest(const torch::Tensor& frames) const {
    torch::NoGradGuard noGrad;
    auto x = frames.reshape({frames.size(0), -1}).to(torch::kFloat64);
    Nearest out;
    const double step = kTwoPi / double(reference_.size(0));
    for (int64_t s = 0; s < x.size(0); s += kBlock) {
        auto block = x.slice(0, s, std::min(x.size(0), s + kBlock));
        auto unit = block / block.norm(2, 1, true).clamp_min(1e-12);
        auto best = unit.matmul(reference_.t()).max(1);
        auto sim = std::get<0>(best).contiguous();
        auto idx = std::get<1>(best).contiguous();
        for (int64_t i = 0; i < sim.size(0); ++i) {
            out.distance.push_back(1.0 - sim.data_ptr<double>()[i]);
            out.angle.push_back(step * double(idx.data_ptr<int64_t>()[i]));
        }
    }
    return out;
}

namespace {
// The angles unwrapped (each step the representative in (-pi, pi]), and
// the largest step.
std::vector<double> unwrapped(const std::vector<double>& angles, double* maxStep) {
    std::vector<double> u(angles.size());
    u[0] = angles[0];
    *maxStep = 0;
    for (size_t t = 1; t < angles.size(); ++t) {
        const double d = std::remainder(angles[t] - angles[t - 1], kTwoPi);
        u[t] = u[t - 1] + d;
        *maxStep = std::max(*maxStep, std::abs(d));
    }
    return u;
}
constexpr double kNoTurn = 1e-4;
} // namespace

bool turns(const std::vector<double>& angles) {
    if (angles.size() < 2) return false;
    double maxStep = 0;
    const std::vector<double> u = unwrapped(angles, &maxStep);
    return std::abs(u.back() - u.front()) >= kNoTurn;
}

double smoothness(const std::vector<double>& angles) {
    if (angles.size() < 2) return 0;
    double maxStep = 0;
    const std::vector<double> u = unwrapped(angles, &maxStep);
    const double total = std::abs(u.back() - u.front());
    if (total < kNoTurn) return 0;
    return maxStep / total - 1.0 / double(angles.size() - 1);
}

LinesScore LinesBenchmark::score(const torch::Tensor& sequences) const {
    const int64_t S = sequences.size(0), T = sequences.size(1);
    const Nearest n = nearest(sequences.reshape({S * T, -1}));
    LinesScore score;
    for (int64_t s = 0; s < S; ++s) {
        const auto first = n.angle.begin() + s * T;
        const std::vector<double> angles(first, first + T);
        score.smoothness += smoothness(angles);
        if (!turns(angles)) ++score.frozen;
        for (int64_t t = 0; t < T; ++t)
            score.meanDistance += n.distance[size_t(s * T + t)];
    }
    score.meanDistance /= double(S * T);
    score.smoothness /= double(S);
    score.pairs = int(S);
    return score;
}

torch::Tensor asDrawn(const torch::Tensor& frames) {
    const auto grey = (((frames.to(torch::kFloat32) + 1) * 0.5).clamp(0, 1) * 255).round();
    return grey / 255 * 2 - 1;
}

LinesScore LinesBenchmark::scoreAsDrawn(const torch::Tensor& sequences) const {
    return score(asDrawn(sequences));
}

std::vector<double> uniformAngles(std::uint64_t seed, int count) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> angle(0.0, kTwoPi);
    std::vector<double> out(size_t(std::max(0, count)));
    for (auto& a : out)
        a = angle(rng);
    return out;
}

std::vector<double> benchmarkAngles(int pairs) {
    return uniformAngles(0xacaf, 2 * pairs);
}

torch::Tensor crossfade(const torch::Tensor& a, const torch::Tensor& b, int frames) {
    auto t = torch::linspace(0, 1, std::max(2, frames)).view({-1, 1, 1, 1});
    return (1 - t) * a.reshape({1, a.size(-3), a.size(-2), a.size(-1)}) +
           t * b.reshape({1, b.size(-3), b.size(-2), b.size(-1)});
}

std::vector<double> rotationAngles(double a, double b, int frames) {
    const double d = std::remainder(b - a, kTwoPi);
    std::vector<double> out(size_t(std::max(2, frames)));
    for (size_t k = 0; k < out.size(); ++k)
        out[k] = std::fmod(a + d * double(k) / double(out.size() - 1) + 2 * kTwoPi, kTwoPi);
    return out;
}

} // namespace aelab
