// Chain updates on maps whose answers are known, and the energy distance.
#include "core/field/basins.h"
#include "core/sampling/chain_sampler.h"
#include "core/field/field_denoiser.h"
#include "core/metrics/sample_distance.h"
#include "datasets/toy2d.h"

#include <ATen/CPUGeneratorImpl.h>
#include <QtTest>

#include "tests/test_warnings.h"
#include <cmath>

using namespace aelab;

namespace {
// r(x) = c + 0.5 (x - c): the unique fixed point is c.
Denoiser halfwayTo(float cx, float cy) {
    auto c = torch::tensor({cx, cy});
    return [c](const torch::Tensor& x) { return c + 0.5 * (x - c); };
}
} // namespace

class TestChainSampler : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void plainIterationFollowsTheMapExactly() {
        auto start = torch::tensor({{1.f, 1.f}, {-3.f, 2.f}});
        ChainSampler chain(halfwayTo(0.5f, -0.5f), start, 1);
        for (int k = 0; k < 6; ++k)
            chain.step();
        QCOMPARE(chain.steps(), 6LL);
        auto expect = torch::tensor({0.5f, -0.5f}) +
                      std::pow(0.5, 6) * (start - torch::tensor({0.5f, -0.5f}));
        QVERIFY(torch::allclose(chain.particles(), expect, 1e-6, 1e-6));
    }
    void injectedNoiseReachesTheKnownStationaryVariance() {
        // x' = 0.5 (x + eta): stationary variance v = 0.25 (v + s^2), v = s^2 / 3.
        const double s = 0.3;
        ChainSampler chain(halfwayTo(0, 0), torch::zeros({20000, 2}), 2);
        chain.setInjection(s);
        for (int k = 0; k < 30; ++k)
            chain.step();
        const double var = chain.particles().var().item<double>();
        QVERIFY2(std::abs(var - s * s / 3) < 0.002, qPrintable(QString::number(var)));
        QVERIFY(std::abs(chain.particles().mean().item<double>()) < 0.01);
    }
    void sameSeedSamePath() {
        auto run = [](std::uint64_t seed) {
            ChainSampler c(halfwayTo(0, 0), uniformParticles(100, -1, 1, -1, 1, 3), seed);
            c.setInjection(0.1);
            for (int k = 0; k < 5; ++k)
                c.step();
            return c.particles().clone();
        };
        QVERIFY(torch::equal(run(4), run(4)));
        QVERIFY(!torch::equal(run(4), run(5)));
    }
    void basinsSplitAtTheBisectorOfTwoAttractors() {
        // r moves x halfway to the nearer of (-1, 0) and (1, 0).
        Denoiser r = [](const torch::Tensor& x) {
            auto target = torch::zeros_like(x);
            target.select(1, 0).copy_(torch::where(x.select(1, 0) < 0, -1.f, 1.f));
            return x + 0.5 * (target - x);
        };
        GridSpec g{Box2D{-2, 2, -1, 1}, 8, 4};
        const Basins b = computeBasins(r, g, 100, 0.05f);
        QCOMPARE(int(b.attractors.size()), 4); // two attractors
        QCOMPARE(b.attractors[0], -1.f);       // the bottom-left cell's comes first
        QVERIFY(std::abs(b.attractors[2] - 1.f) < 1e-5f && std::abs(b.attractors[3]) < 1e-5f);
        for (int iy = 0; iy < g.ny; ++iy)
            for (int ix = 0; ix < g.nx; ++ix)
                QCOMPARE(b.label[iy * g.nx + ix], ix < 4 ? 0 : 1);
    }
    void basinsMarkChainsThatNeverSettle() {
        Denoiser drift = [](const torch::Tensor& x) { return x + 0.1; };
        const Basins b = computeBasins(drift, GridSpec{Box2D{}, 4, 4}, 20, 0.05f);
        QVERIFY(b.attractors.empty());
        for (int l : b.label)
            QCOMPARE(l, -1);
    }
    void uniformParticlesFillTheBox() {
        auto p = uniformParticles(5000, -2, 1, 3, 4, 6);
        QVERIFY(p.select(1, 0).min().item<float>() >= -2 &&
                p.select(1, 0).max().item<float>() <= 1);
        QVERIFY(p.select(1, 1).min().item<float>() >= 3 && p.select(1, 1).max().item<float>() <= 4);
        QVERIFY(std::abs(p.select(1, 0).mean().item<float>() + 0.5f) < 0.05f);
    }
    // By hand, with the within-set terms: X = {(0,0), (2,0)}, Y = {(1,0)}:
    // E|X - Y| = 1, E|X - X'| = (0 + 2 + 2 + 0) / 4 = 1, E|Y - Y'| = 0, so
    // D^2 = 2 * 1 - 1 - 0 = 1.
    void energyDistanceByHand() {
        const torch::Tensor x = torch::tensor({0.f, 0.f, 2.f, 0.f}).view({2, 2});
        const torch::Tensor y = torch::tensor({1.f, 0.f}).view({1, 2});
        QVERIFY(std::abs(energyDistance(x, y) - 1.0) < 1e-6);
        QVERIFY(std::abs(energyDistance(y, x) - 1.0) < 1e-6);
    }
    void energyDistanceOfKnownSets() {
        auto x = torch::tensor({{0.f, 0.f}});
        auto y = torch::tensor({{3.f, 4.f}});
        // Two point masses d apart: D^2 = 2d.
        QVERIFY(std::abs(energyDistance(x, y) - std::sqrt(10.0)) < 1e-9);
        QCOMPARE(energyDistance(x, x), 0.0);
        auto gen = at::make_generator<at::CPUGeneratorImpl>(7);
        auto a = torch::randn({300, 2}, gen, torch::kFloat32);
        auto b = torch::randn({200, 2}, gen, torch::kFloat32) + 1;
        QVERIFY(std::abs(energyDistance(a, b) - energyDistance(b, a)) < 1e-9);
        QVERIFY(std::abs(energyDistance(a, b, 2048) - energyDistance(a, b, 7)) < 1e-9);
        QVERIFY(energyDistance(a, b) > energyDistance(a, b - 0.5));
        QVERIFY(energyDistance(a, a.flip(0)) < 1e-7); // order does not matter
    }
    void largeSetsAreMeasuredOnTheStatedSubsample() {
        // Pairs grow as n m: beyond kDistanceSampleCap rows a set is measured
        // on every k-th row, the same rows each call.
        auto gen = at::make_generator<at::CPUGeneratorImpl>(11);
        auto big = torch::randn({5001, 2}, gen, torch::kFloat32);
        auto other = torch::randn({4000, 2}, gen, torch::kFloat32) + 0.3;
        const auto s = distanceSample(big);
        QVERIFY(s.size(0) <= kDistanceSampleCap);
        QCOMPARE(s.size(0), int64_t(1667)); // every 3rd of 5,001 rows
        QVERIFY(torch::equal(s[1], big[3]));
        QCOMPARE(energyDistance(big, other),
                 energyDistance(distanceSample(big), distanceSample(other)));
        QVERIFY(energyDistance(big, other) != energyDistance(big.slice(0, 1), other));
    }
    void trainedDenoiserPullsNoiseTowardsTheSpiral() {
        // The corrupt-then-denoise chain (inject = sigma) settles near the
        // data. (The plain chain x <- r(x) is mean-shift on p_sigma: it
        // approaches, then collapses onto the density's modes.)
        FieldConfig c;
        c.data.count = 300;
        c.width = 64;
        c.gridSize = 16;
        c.sigma = 0.05f;
        FieldTrainer trainer(c);
        trainer.train(1500);
        auto data = makeToy2D(c.data);
        const Box2D b = trainer.grid().box;
        ChainSampler chain(fieldDenoiser(trainer), uniformParticles(500, b.x0, b.x1, b.y0, b.y1, 1),
                           1);
        chain.setInjection(0.05);
        const double before = energyDistance(chain.particles(), data);
        for (int k = 0; k < 60; ++k)
            chain.step();
        const double after = energyDistance(chain.particles(), data);
        QVERIFY2(after < 0.35 * before, qPrintable(QString("%1 -> %2").arg(before).arg(after)));
    }
};

QTEST_GUILESS_MAIN(TestChainSampler)
#include "tst_chain_sampler.moc"
