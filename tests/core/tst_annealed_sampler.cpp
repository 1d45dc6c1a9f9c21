// Annealed sampling (docs/references.md §5) on denoisers whose answers are
// known: the exact ideal denoiser of two Gaussians weighted 0.2 / 0.8, and
// the linear denoiser of a Gaussian, whose probability-flow ODE is solved in
// closed form.
#include "core/sampling/annealed_sampler.h"
#include "core/field/ideal_field.h"
#include "core/training/torch_threads.h"
#include "datasets/toy2d.h"

#include <QtTest>

#include "tests/test_warnings.h"
#include <cmath>

using namespace aelab;

namespace {

// The first mode's share: the points below the line x + y = 0.
double firstShare(const torch::Tensor& points) {
    return (points.sum(1) < 0).to(torch::kFloat64).mean().item<double>();
}

torch::Tensor twoGaussians() {
    Toy2DSpec spec;
    spec.kind = Toy2DKind::TwoGaussians;
    spec.count = 300;
    spec.weight = 0.2f;
    return makeToy2D(spec);
}

// For data ~ N(0, s^2 I) the ideal denoiser is r(x, sigma) = s^2 / (s^2 +
// sigma^2) x, and the ODE's exact solution scales every particle by
// sqrt(s^2 + sigma_end^2) / sqrt(s^2 + sigma_start^2).
ConditionalDenoiser gaussianDenoiser(double s) {
    return
        [s](const torch::Tensor& x, double sigma) { return s * s / (s * s + sigma * sigma) * x; };
}

double flowError(AnnealKind kind, double s, const AnnealSchedule& schedule) {
    const auto start = torch::linspace(-2, 2, 128, torch::kFloat32).reshape({64, 2});
    AnnealedSampler sampler(gaussianDenoiser(s), kind, schedule, start, 1);
    sampler.run();
    const double scale = std::sqrt(s * s + schedule.sigmaMin * schedule.sigmaMin) /
                         std::sqrt(s * s + schedule.sigmaMax * schedule.sigmaMax);
    return (sampler.particles() - scale * start).abs().max().item<double>() / scale;
}

} // namespace

class TestAnnealedSampler : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { setTorchThreads(1); }
    void init() { failOnWarnings(); }

    void ladderIsGeometricFromLargeToSmall() {
        const auto ladder = geometricLadder(1.0, 0.01, 5);
        QCOMPARE(int(ladder.size()), 5);
        QCOMPARE(ladder.front(), 1.0);
        QVERIFY(std::abs(ladder.back() - 0.01) < 1e-12);
        for (size_t i = 1; i < ladder.size(); ++i)
            QVERIFY(std::abs(ladder[i] / ladder[i - 1] - std::pow(0.01, 0.25)) < 1e-9);
    }

    void stepsWalkTheLadderDown() {
        AnnealSchedule s;
        s.levels = 4, s.stepsPerLevel = 3;
        AnnealedSampler langevin(gaussianDenoiser(0.3), AnnealKind::Langevin, s,
                                 torch::zeros({5, 2}), 1);
        QCOMPARE(langevin.totalSteps(), 4LL * 3 + 1); // + the final denoising
        double previous = 1e9;
        for (int level = -1; !langevin.done(); langevin.step()) {
            QVERIFY(langevin.sigma() <= previous);
            QVERIFY(langevin.level() >= level);
            previous = langevin.sigma(), level = langevin.level();
        }
        QCOMPARE(langevin.sigma(), 0.0);
        QCOMPARE(langevin.level(), 3);
        AnnealedSampler denoise(gaussianDenoiser(0.3), AnnealKind::Denoise, s, torch::zeros({5, 2}),
                                1);
        QCOMPARE(denoise.totalSteps(), 4LL * 3);
    }

    void probabilityFlowMatchesTheClosedForm() {
        AnnealSchedule s;
        s.sigmaMax = 2, s.sigmaMin = 0.01, s.levels = 10, s.stepsPerLevel = 5;
        s.denoiseEnd = false;
        const double euler = flowError(AnnealKind::FlowEuler, 0.3, s);
        const double heun = flowError(AnnealKind::FlowHeun, 0.3, s);
        QVERIFY2(euler < 0.1, qPrintable(QString::number(euler)));
        // Heun is second order: far closer at the same ladder.
        QVERIFY2(heun < 0.1 * euler, qPrintable(QString("%1 vs %2").arg(heun).arg(euler)));
    }

    // Song & Ermon's Fig. 3 (docs/references.md §5): with the exact score,
    // Langevin at the smallest sigma alone finds both modes but not their
    // weights; annealing from sigma_max recovers them.
    void annealingRecoversTheModesWeights() {
        const auto data = twoGaussians();
        const double target = firstShare(data);
        QVERIFY(std::abs(target - 0.2) < 0.05);
        ConditionalDenoiser exact = [&data](const torch::Tensor& x, double sigma) {
            return idealReconstruct(data, x, sigma);
        };
        AnnealSchedule annealed;
        annealed.sigmaMax = 1, annealed.sigmaMin = 0.01, annealed.levels = 20;
        annealed.stepsPerLevel = 10;
        // Large steps mix between the modes within a level's ten steps (at the
        // default 0.2 the share lands 0.049 off, too close to the bound to hold).
        annealed.stepRatio = 0.5;
        const auto start = priorParticles(10000, data, annealed.sigmaMax, 3);
        AnnealedSampler sampler(exact, AnnealKind::Langevin, annealed, start, 4);
        sampler.run();
        const double share = firstShare(sampler.particles());
        qInfo("first mode: data %.3f, annealed %.3f", target, share);
        QVERIFY2(std::abs(share - target) <= 0.05,
                 qPrintable(QString("annealed %1, data %2").arg(share).arg(target)));

        AnnealSchedule plain = annealed; // every level at sigma_min
        plain.sigmaMax = plain.sigmaMin;
        AnnealedSampler fixed(exact, AnnealKind::Langevin, plain, start, 4);
        fixed.run();
        const double fixedShare = firstShare(fixed.particles());
        qInfo("first mode: sigma_min alone %.3f", fixedShare);
        QVERIFY2(std::abs(fixedShare - target) > 0.1,
                 qPrintable(QString("plain %1, data %2").arg(fixedShare).arg(target)));
    }

    void priorHasTheBlurredDataMoments() {
        const auto data = twoGaussians().to(torch::kFloat64);
        const auto p = priorParticles(20000, data, 0.5, 1).to(torch::kFloat64);
        // Antithetic pairs: the mean is the data's, not just near it.
        QVERIFY((p.mean(0) - data.mean(0)).abs().max().item<double>() < 1e-5);
        const double blurred = data.var(0, false).sum().item<double>() + 2 * 0.25;
        QVERIFY(std::abs(p.var(0).sum().item<double>() / blurred - 1) < 0.03);
    }

    void badScheduleIsRefused() {
        AnnealSchedule s;
        s.sigmaMin = 2, s.sigmaMax = 1;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 AnnealedSampler(gaussianDenoiser(0.3), AnnealKind::Langevin, s,
                                                 torch::zeros({1, 2}), 1));
    }
};

QTEST_GUILESS_MAIN(TestAnnealedSampler)
#include "tst_annealed_sampler.moc"
