// The 2D generators: parameters from docs/references.md, seeding, counts, errors.
#include "datasets/dataset_error.h"
#include "datasets/toy2d.h"

#include <QtTest>

#include "tests/test_warnings.h"
#include <cmath>

using namespace aelab;

class TestToy2D : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void spiralFollowsAlainBengio() {
        Toy2DSpec spec;
        spec.count = 2000;
        spec.noise = 0; // exact curve: r = 0.04 t with t in [3, 15]
        auto pts = makeToy2D(spec);
        QCOMPARE(pts.size(0), 2000);
        QCOMPARE(pts.size(1), 2);
        auto r = pts.pow(2).sum(1).sqrt();
        QVERIFY(r.min().item<float>() >= 0.12f - 1e-5f);
        QVERIFY(r.max().item<float>() <= 0.60f + 1e-5f);
        // Angle atan2(x, y) equals t mod 2 pi with t = r / 0.04.
        auto a = pts.accessor<float, 2>();
        for (int i = 0; i < 50; ++i) {
            const double t = std::hypot(a[i][0], a[i][1]) / 0.04;
            QVERIFY(std::abs(std::sin(t) * 0.04 * t - a[i][0]) < 1e-4);
            QVERIFY(std::abs(std::cos(t) * 0.04 * t - a[i][1]) < 1e-4);
        }
    }
    void everyKindIsSeededAndSized_data() {
        QTest::addColumn<int>("kind");
        for (auto k : {Toy2DKind::Spiral, Toy2DKind::Circles, Toy2DKind::Moons,
                       Toy2DKind::GaussianRing, Toy2DKind::SwissRoll})
            QTest::newRow(toy2DName(k).c_str()) << int(k);
    }
    void everyKindIsSeededAndSized() {
        QFETCH(int, kind);
        Toy2DSpec spec;
        spec.kind = Toy2DKind(kind);
        spec.count = 333;
        spec.seed = 7;
        auto a = makeToy2D(spec), b = makeToy2D(spec);
        QCOMPARE(a.size(0), 333);
        QVERIFY(torch::equal(a, b));
        QVERIFY(torch::isfinite(a).all().item<bool>());
        QVERIFY(a.abs().max().item<float>() < 1.2f);
        spec.seed = 8;
        QVERIFY(!torch::equal(a, makeToy2D(spec)));
    }
    void ringHasEightModes() {
        Toy2DSpec spec;
        spec.kind = Toy2DKind::GaussianRing;
        spec.count = 4000;
        auto p = makeToy2D(spec);
        auto angle = torch::atan2(p.select(1, 1), p.select(1, 0));
        auto k = torch::round(angle / (2 * M_PI / 8)).remainder(8).to(torch::kLong);
        auto counts = torch::bincount(k, {}, 8);
        QVERIFY(counts.min().item<long>() > 350); // about 500 each
        QVERIFY(std::abs(p.pow(2).sum(1).sqrt().mean().item<float>() - 0.7f) < 0.02f);
    }
    void twoGaussiansHonourTheWeight() {
        Toy2DSpec spec;
        spec.kind = Toy2DKind::TwoGaussians;
        spec.count = 4000;
        for (const float w : {0.2f, 0.7f}) {
            spec.weight = w;
            auto p = makeToy2D(spec);
            const double first = (p.sum(1) < 0).to(torch::kFloat64).mean().item<double>();
            QVERIFY2(std::abs(first - w) < 0.03, qPrintable(QString::number(first)));
            // Each mode's spread is the set's own noise, 0.1.
            auto upper = p.index({p.sum(1) >= 0});
            QVERIFY(std::abs(upper.std(0).mean().item<float>() - 0.1f) < 0.01f);
        }
        spec.weight = 1.5f;
        QVERIFY_THROWS_EXCEPTION(DatasetError, makeToy2D(spec));
    }
    void paintedPointsAreUsedAsGiven() {
        Toy2DSpec spec;
        spec.kind = Toy2DKind::Painted;
        spec.painted = {0.1f, 0.2f, -0.3f, 0.4f, 0.5f, -0.6f};
        auto p = makeToy2D(spec);
        QCOMPARE(p.size(0), 3);
        QCOMPARE(p[2][1].item<float>(), -0.6f);
        spec.painted = {0.1f, 0.2f};
        QVERIFY_THROWS_EXCEPTION(DatasetError, makeToy2D(spec));
    }
    void badCountIsRejected() {
        Toy2DSpec spec;
        spec.count = 1;
        QVERIFY_THROWS_EXCEPTION(DatasetError, makeToy2D(spec));
    }
    void namesRoundTrip() {
        for (const auto& n : toy2DNames())
            QCOMPARE(toy2DName(*toy2DKindFromName(n)), n);
        QVERIFY(!toy2DKindFromName("spirals").has_value());
    }
};

QTEST_GUILESS_MAIN(TestToy2D)
#include "tst_toy2d.moc"
