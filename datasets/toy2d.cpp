#include "datasets/toy2d.h"
#include "datasets/dataset_error.h"
#include "datasets/number_text.h"
#include "datasets/points_csv.h"

#include <ATen/CPUGeneratorImpl.h>
#include <cmath>

namespace aelab {

namespace {

constexpr double kPi = 3.14159265358979323846;

torch::Tensor uniform(int64_t n, double lo, double hi, at::Generator& gen) {
    return torch::rand({n}, gen, torch::kFloat64) * (hi - lo) + lo;
}

torch::Tensor normal(std::vector<int64_t> shape, at::Generator& gen) {
    return torch::randn(shape, gen, torch::kFloat64);
}

// docs/references.md §1: t ~ U(3, 15), x = 0.04 t sin t, y = 0.04 t cos t, with
// optional radial noise.
torch::Tensor spiral(int64_t n, double noise, at::Generator& gen) {
    auto t = uniform(n, 3.0, 15.0, gen);
    auto r = 0.04 * t + noise * normal({n}, gen);
    return torch::stack({r * torch::sin(t), r * torch::cos(t)}, 1);
}

torch::Tensor circles(int64_t n, double noise, at::Generator& gen) {
    auto t = uniform(n, 0.0, 2 * kPi, gen);
    // Half the points on each circle (the inner one gets the odd one out).
    auto outer = (torch::arange(n, torch::kFloat64) < (n + 1) / 2).to(torch::kFloat64);
    auto r = 0.35 + 0.4 * outer + noise * normal({n}, gen);
    return torch::stack({r * torch::cos(t), r * torch::sin(t)}, 1);
}

torch::Tensor moons(int64_t n, double noise, at::Generator& gen) {
    auto t = uniform(n, 0.0, kPi, gen);
    auto upper = (torch::arange(n, torch::kFloat64) < (n + 1) / 2).to(torch::kFloat64);
    auto x = upper * torch::cos(t) + (1 - upper) * (1 - torch::cos(t));
    auto y = upper * torch::sin(t) + (1 - upper) * (0.5 - torch::sin(t));
    auto pts = torch::stack({(x - 0.5) * 0.6, (y - 0.25) * 0.6}, 1);
    return pts + noise * normal({n, 2}, gen);
}

torch::Tensor gaussianRing(int64_t n, double noise, at::Generator& gen) {
    auto k = torch::randint(0, 8, {n}, gen, torch::kInt64).to(torch::kFloat64);
    auto a = k * (2 * kPi / 8);
    auto centres = torch::stack({0.7 * torch::cos(a), 0.7 * torch::sin(a)}, 1);
    return centres + noise * normal({n, 2}, gen);
}

torch::Tensor swissRoll(int64_t n, double noise, at::Generator& gen) {
    auto t = uniform(n, 1.5 * kPi, 4.5 * kPi, gen);
    const double scale = 0.9 / (4.5 * kPi);
    auto pts = torch::stack({t * torch::cos(t), t * torch::sin(t)}, 1) * scale;
    return pts + noise * normal({n, 2}, gen);
}

// docs/references.md §5: the mixture w N(a, s^2 I) + (1 - w) N(b, s^2 I) with far-apart
// means, the case where the modes' weights tell annealed sampling from plain.
torch::Tensor twoGaussians(int64_t n, double noise, double weight, at::Generator& gen) {
    auto first = (torch::rand({n, 1}, gen, torch::kFloat64) < weight).to(torch::kFloat64);
    auto centres = first * -0.5 + (1 - first) * 0.5;
    return centres.expand({n, 2}) + noise * normal({n, 2}, gen);
}

torch::Tensor fromXY(const std::vector<float>& xy, const std::string& source) {
    if (xy.size() < 4 || xy.size() % 2 != 0)
        throw DatasetError(source + ": needs at least 2 points, found " +
                           std::to_string(xy.size() / 2));
    for (float v : xy)
        if (!std::isfinite(v)) throw DatasetError(source + ": contains a non-finite coordinate");
    return torch::from_blob(const_cast<float*>(xy.data()), {int64_t(xy.size() / 2), 2},
                            torch::kFloat32)
        .clone();
}

} // namespace

float defaultToy2DNoise(Toy2DKind kind) {
    switch (kind) {
    case Toy2DKind::Spiral:
        return 0.01f;
    case Toy2DKind::Circles:
        return 0.01f;
    case Toy2DKind::Moons:
        return 0.02f;
    case Toy2DKind::GaussianRing:
        return 0.05f;
    case Toy2DKind::SwissRoll:
        return 0.01f;
    case Toy2DKind::TwoGaussians:
        return 0.1f;
    default:
        return 0.f;
    }
}

torch::Tensor makeToy2D(const Toy2DSpec& spec) {
    if (spec.kind == Toy2DKind::Csv) return fromXY(readPointsCsv(spec.csvPath), spec.csvPath);
    if (spec.kind == Toy2DKind::Painted) return fromXY(spec.painted, "painted points");
    if (spec.count < 2 || spec.count > 1000000)
        throw DatasetError("point count must be between 2 and 1000000, got " +
                           std::to_string(spec.count));
    auto gen = at::make_generator<at::CPUGeneratorImpl>(spec.seed);
    const double noise = spec.noise >= 0 ? spec.noise : defaultToy2DNoise(spec.kind);
    const int64_t n = spec.count;
    torch::Tensor pts;
    switch (spec.kind) {
    case Toy2DKind::Spiral:
        pts = spiral(n, noise, gen);
        break;
    case Toy2DKind::Circles:
        pts = circles(n, noise, gen);
        break;
    case Toy2DKind::Moons:
        pts = moons(n, noise, gen);
        break;
    case Toy2DKind::GaussianRing:
        pts = gaussianRing(n, noise, gen);
        break;
    case Toy2DKind::SwissRoll:
        pts = swissRoll(n, noise, gen);
        break;
    case Toy2DKind::TwoGaussians:
        if (!(spec.weight >= 0 && spec.weight <= 1))
            throw DatasetError("the first Gaussian's weight must be in [0, 1], got " +
                               formatNumber(spec.weight));
        pts = twoGaussians(n, noise, spec.weight, gen);
        break;
    default:
        break;
    }
    return pts.to(torch::kFloat32).contiguous();
}

} // namespace aelab
