// The large-data ideal field (docs/references.md (1.6a)–(1.6c)) against the direct sum.
#include "core/field/ideal_field_grid.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QtTest>

#include "tests/test_warnings.h"
#include <cmath>

using namespace aelab;

namespace {

// Clusters of different spread plus a uniform sprinkle: dense and empty
// regions, so both the scatter and the exact gather are exercised.
torch::Tensor mixedSet(uint64_t seed, int64_t n) {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    auto centres = torch::rand({5, 2}, gen) * 2 - 1;
    auto pick = torch::randint(0, 5, {n}, gen, torch::kInt64);
    auto spread = torch::rand({5, 1}, gen) * 0.2 + 0.01;
    auto pts =
        centres.index_select(0, pick) + torch::randn({n, 2}, gen) * spread.index_select(0, pick);
    pts.slice(0, 0, n / 20).copy_(torch::rand({n / 20, 2}, gen) * 2 - 1);
    return pts.to(torch::kFloat32);
}

GridSpec gridAround(int side) {
    return GridSpec{Box2D{-1.6f, 1.6f, -1.6f, 1.6f}, side, side};
}

// Largest error of a against b, in units of the allowed error: 1e-6
// relative, plus two float32 steps of the stored value.
double worst(const torch::Tensor& a, const torch::Tensor& b, double scale) {
    auto allowed = 1e-6 * scale + 2.4e-7 * b.abs().to(torch::kFloat64);
    return ((a - b).abs().to(torch::kFloat64) / allowed).max().item<double>();
}

} // namespace

class TestIdealFieldGrid : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void matchesTheDirectSumOnRandomSets() {
        for (uint64_t seed : {1, 2, 3})
            for (double sigma : {0.02, 0.08, 0.3}) {
                const auto data = mixedSet(seed, 4000);
                const auto grid = gridAround(40);
                const auto fast = idealFieldOnGrid(data, grid, sigma);
                const int64_t gathered = lastGatheredNodes();
                const auto exact = idealField(data, gridNodes(grid), sigma);
                const double fieldScale = exact.rMinusX.abs().max().item<double>();
                const double ef = worst(fast.rMinusX, exact.rMinusX, fieldScale);
                const double ep = worst(fast.logDensity, exact.logDensity, 1.0);
                QVERIFY2(ef <= 1 && ep <= 1, qPrintable(QString("seed %1 sigma %2: field %3, "
                                                                "density %4 of the allowed error")
                                                            .arg(seed)
                                                            .arg(sigma)
                                                            .arg(ef)
                                                            .arg(ep)));
                // The fit score built on it agrees to 1e-6 as well.
                const auto learned = exact.rMinusX * 0.9 + 0.01;
                QVERIFY(std::abs(fieldFitR2(learned, fast.rMinusX, fast.logDensity) -
                                 fieldFitR2(learned, exact.rMinusX, exact.logDensity)) < 1e-6);
                if (sigma < 0.1) QVERIFY2(gathered > 0, "no node needed the exact gather");
                QVERIFY2(gathered < grid.size(), "every node was gathered: no truncation tested");
            }
    }
    void farFromEveryPointStaysExactAndFinite() {
        // Two points and a grid reaching 60 sigma away: every exp() of the
        // direct distances underflows, the log-sum must not.
        auto data = torch::tensor({{0.f, 0.f}, {0.05f, 0.f}});
        const GridSpec grid{Box2D{-3.f, 3.f, -3.f, 3.f}, 16, 16};
        const auto fast = idealFieldOnGrid(data, grid, 0.05);
        const auto exact = idealField(data, gridNodes(grid), 0.05);
        QVERIFY(torch::isfinite(fast.logDensity).all().item<bool>());
        QVERIFY(worst(fast.logDensity, exact.logDensity, 1.0) <= 1);
        QVERIFY(worst(fast.rMinusX, exact.rMinusX, 3.0) <= 1);
    }
};

QTEST_GUILESS_MAIN(TestIdealFieldGrid)
#include "tst_ideal_field_grid.moc"
