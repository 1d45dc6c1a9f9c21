#include "core/sampling/annealed_sampler.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/utils.h>
#include <cmath>
#include <stdexcept>

namespace aelab {

namespace {
constexpr const char* kNames[] = {"langevin", "ode", "heun", "denoise"};
constexpr AnnealKind kKinds[] = {AnnealKind::Langevin, AnnealKind::FlowEuler, AnnealKind::FlowHeun,
                                 AnnealKind::Denoise};
} // namespace

const char* annealKindName(AnnealKind kind) {
    return kNames[static_cast<int>(kind)];
}

bool annealKindFromName(const std::string& name, AnnealKind& out) {
    for (int i = 0; i < 4; ++i)
        if (name == kNames[i]) {
            out = kKinds[i];
            return true;
        }
    return false;
}

std::vector<double> geometricLadder(double hi, double lo, int n) {
    std::vector<double> ladder;
    for (int i = 0; i < n; ++i)
        ladder.push_back(n == 1 ? hi : hi * std::pow(lo / hi, double(i) / (n - 1)));
    return ladder;
}

AnnealedSampler::AnnealedSampler(ConditionalDenoiser r, AnnealKind kind,
                                 const AnnealSchedule& schedule, torch::Tensor start,
                                 std::uint64_t seed)
    : r_(std::move(r)), kind_(kind), schedule_(schedule), x_(std::move(start)),
      gen_(at::make_generator<at::CPUGeneratorImpl>(seed)) {
    if (!(schedule.sigmaMin > 0) || !(schedule.sigmaMax >= schedule.sigmaMin) ||
        schedule.levels < 1 || schedule.stepsPerLevel < 1)
        throw std::invalid_argument("annealing needs 0 < sigma_min <= sigma_max, levels and "
                                    "steps per level of at least 1");
    plan();
}

// Langevin and the denoising chain take stepsPerLevel steps at each level of
// the ladder; the ODE walks a ladder as fine as all those steps together, so
// every sampler spends the same number of network evaluations (Heun twice).
void AnnealedSampler::plan() {
    const AnnealSchedule& s = schedule_;
    const int perLevel = s.stepsPerLevel;
    if (kind_ == AnnealKind::FlowEuler || kind_ == AnnealKind::FlowHeun) {
        const std::vector<double> fine =
            geometricLadder(s.sigmaMax, s.sigmaMin, s.levels * perLevel);
        for (size_t k = 0; k + 1 < fine.size(); ++k)
            plan_.push_back({fine[k], fine[k + 1], int(k) / perLevel, false});
    } else {
        const std::vector<double> ladder = geometricLadder(s.sigmaMax, s.sigmaMin, s.levels);
        for (int i = 0; i < s.levels; ++i)
            for (int t = 0; t < perLevel; ++t)
                plan_.push_back({ladder[i], ladder[i], i, false});
    }
    // The denoising chain's last step already ends on r(., sigma_min).
    if (s.denoiseEnd && kind_ != AnnealKind::Denoise)
        plan_.push_back({s.sigmaMin, 0, s.levels - 1, true});
}

// docs/references.md §5: x <- x + (alpha/2) s(x, sigma) + sqrt(alpha) z, with
// s = (r - x) / sigma^2 and alpha = epsilon sigma^2 / sigma_L^2.
torch::Tensor AnnealedSampler::langevin(const torch::Tensor& x, double sigma) {
    const double last = schedule_.sigmaMin;
    const double epsilon = schedule_.stepRatio * last * last;
    const double alpha = epsilon * sigma * sigma / (last * last);
    const auto score = (r_(x, sigma) - x) / (sigma * sigma);
    return x + 0.5 * alpha * score + std::sqrt(alpha) * torch::randn(x.sizes(), gen_, x.options());
}

// The probability-flow ODE of the variance-exploding process, dx/dsigma =
// (x - r(x, sigma)) / sigma, from sigma to next (docs/references.md §5).
// Euler: x <- r + (next / sigma)(x - r). Heun averages the slope at both ends.
torch::Tensor AnnealedSampler::flow(const torch::Tensor& x, double sigma, double next) {
    const auto r = r_(x, sigma);
    const auto euler = r + (next / sigma) * (x - r);
    if (kind_ != AnnealKind::FlowHeun) return euler;
    const auto slope = (x - r) / sigma;
    const auto slopeNext = (euler - r_(euler, next)) / next;
    return x + (next - sigma) * 0.5 * (slope + slopeNext);
}

const torch::Tensor& AnnealedSampler::step() {
    if (done()) return x_;
    torch::NoGradGuard noGrad;
    const PlannedStep& p = plan_[size_t(steps_)];
    if (p.denoise)
        x_ = r_(x_, p.sigma);
    else if (kind_ == AnnealKind::Langevin)
        x_ = langevin(x_, p.sigma);
    else if (kind_ == AnnealKind::Denoise)
        x_ = r_(x_ + p.sigma * torch::randn(x_.sizes(), gen_, x_.options()), p.sigma);
    else
        x_ = flow(x_, p.sigma, p.next);
    x_ = x_.detach();
    ++steps_;
    return x_;
}

void AnnealedSampler::run() {
    while (!done())
        step();
}

double AnnealedSampler::sigma() const {
    return done() ? 0.0 : plan_[size_t(steps_)].sigma;
}

int AnnealedSampler::level() const {
    if (plan_.empty()) return 0;
    return plan_[size_t(std::min<long long>(steps_, totalSteps() - 1))].level;
}

torch::Tensor priorParticles(int64_t n, const torch::Tensor& data, double sigma,
                             std::uint64_t seed) {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    const auto points = data.to(torch::kFloat64);
    const auto mean = points.mean(0, true);
    const auto centred = points - mean;
    const int64_t d = points.size(1);
    const auto covariance = centred.t().mm(centred) / double(std::max<int64_t>(1, points.size(0)));
    const auto factor =
        torch::linalg_cholesky(covariance + sigma * sigma * torch::eye(d, torch::kFloat64));
    // Antithetic pairs z, -z: the start's mean is exactly m. The deterministic
    // flow cannot correct a start whose mean is off, and 2,000 free draws are
    // off by about sigma / 45, enough to tip the moons' weights.
    const auto half = torch::randn({(n + 1) / 2, d}, gen, torch::kFloat64);
    const auto z = torch::cat({half, -half}).slice(0, 0, n);
    return (mean + z.mm(factor.t())).to(torch::kFloat32).contiguous();
}

} // namespace aelab
