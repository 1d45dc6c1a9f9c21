#pragma once
// Sampling with a noise-conditional denoiser r(x, sigma), from coarse noise
// levels to fine ones (docs/references.md §5): annealed Langevin dynamics,
// the deterministic probability-flow ODE (Euler or Heun steps), and the
// annealed corrupt-then-denoise chain. One step at a time, so the chain lab
// can draw every step; `run` does them all.
#include <ATen/core/Generator.h>
#include <torch/types.h>
#include <functional>
#include <string>
#include <vector>

namespace aelab {

using ConditionalDenoiser = std::function<torch::Tensor(const torch::Tensor&, double sigma)>;

enum class AnnealKind { Langevin, FlowEuler, FlowHeun, Denoise };
// "langevin", "ode", "heun", "denoise" (the command line's names).
const char* annealKindName(AnnealKind kind);
bool annealKindFromName(const std::string& name, AnnealKind& out);

struct AnnealSchedule {
    double sigmaMax = 1, sigmaMin = 0.01;
    int levels = 20;
    int stepsPerLevel = 10;
    // Langevin's step at the last level, as a fraction of sigmaMin^2: level
    // i steps alpha_i = epsilon sigma_i^2 / sigma_L^2 with epsilon = stepRatio
    // sigma_L^2, so each step moves stepRatio / 2 of the way to r(x, sigma_i).
    // 0.2 by measurement (docs/diffusion.md): 0.5 mixed faster but its large
    // steps biased the modes' weights (the ring at seed 1: 1.74 times the
    // yardstick, against 0.93).
    double stepRatio = 0.2;
    // End with x <- r(x, sigmaMin), removing the last level's noise.
    bool denoiseEnd = true;
};

// n levels from hi down to lo, equally spaced in log sigma (n = 1: hi alone).
std::vector<double> geometricLadder(double hi, double lo, int n);

class AnnealedSampler {
  public:
    AnnealedSampler(ConditionalDenoiser r, AnnealKind kind, const AnnealSchedule& schedule,
                    torch::Tensor start, std::uint64_t seed);

    // Steps in the whole run: Langevin levels x steps (+1 for the final
    // denoising), the ODE the same number of sigma intervals, the denoising
    // chain levels x steps.
    long long totalSteps() const { return static_cast<long long>(plan_.size()); }
    bool done() const { return steps_ >= totalSteps(); }
    // One step for every particle (nothing once done); the new positions.
    const torch::Tensor& step();
    void run();
    const torch::Tensor& particles() const { return x_; }
    long long steps() const { return steps_; }
    // The noise level the next step works at (0 after the final denoising),
    // and its level index 0..levels-1.
    double sigma() const;
    int level() const;
    AnnealKind kind() const { return kind_; }
    const AnnealSchedule& schedule() const { return schedule_; }

  private:
    // What one step does: work at sigma (the ODE moves on to next); a
    // denoising step is x <- r(x, sigma) alone.
    struct PlannedStep {
        double sigma = 0, next = 0;
        int level = 0;
        bool denoise = false;
    };
    void plan();
    torch::Tensor langevin(const torch::Tensor& x, double sigma);
    torch::Tensor flow(const torch::Tensor& x, double sigma, double next);
    ConditionalDenoiser r_;
    AnnealKind kind_;
    AnnealSchedule schedule_;
    std::vector<PlannedStep> plan_;
    torch::Tensor x_;
    at::Generator gen_;
    long long steps_ = 0;
};

// Where annealing starts: n points from N(m, C + sigma^2 I), m and C the
// training set's mean and covariance. p_sigma is the data blurred by sigma,
// so this Gaussian has its mean and covariance; with sigma far above the
// data's spread it is the N(0, sigma^2 I) of the papers (docs/references.md
// §5), and at sigma = 1 on sets of spread 0.4 the deterministic ODE needs it.
torch::Tensor priorParticles(int64_t n, const torch::Tensor& data, double sigma,
                             std::uint64_t seed);

} // namespace aelab
