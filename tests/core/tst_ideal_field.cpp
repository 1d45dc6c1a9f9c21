// The ideal denoiser of docs/references.md §1 and the field fit score.
#include "core/field/ideal_field.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QtTest>

#include "tests/test_warnings.h"
#include <cmath>

using namespace aelab;

class TestIdealField : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void singlePointPullsStraightToIt() {
        // With one training point the softmax weight is 1: r*(x) - x = x1 - x.
        auto data = torch::tensor({{0.3f, -0.2f}});
        auto q = torch::tensor({{1.f, 1.f}, {-0.5f, 0.25f}});
        auto f = idealField(data, q, 0.1);
        QVERIFY(torch::allclose(f.rMinusX, data - q, 1e-5, 1e-6));
        // log N(x; x1, s^2 I) = -|x - x1|^2 / 2s^2 - log(2 pi s^2)
        const double d2 = std::pow(1 - 0.3, 2) + std::pow(1 + 0.2, 2);
        const double expect = -d2 / (2 * 0.01) - std::log(2 * M_PI * 0.01);
        QVERIFY(std::abs(f.logDensity[0].item<double>() - expect) < 1e-3);
    }
    void midpointOfTwoPointsIsAFixedPoint() {
        auto data = torch::tensor({{-1.f, 0.f}, {1.f, 0.f}});
        auto f = idealField(data, torch::tensor({{0.f, 0.f}, {0.f, 0.5f}}), 0.3);
        QVERIFY(f.rMinusX[0].abs().max().item<float>() < 1e-6f);
        // Off the axis the pull is straight down to the axis' mean point.
        QVERIFY(std::abs(f.rMinusX[1][1].item<float>() + 0.5f) < 1e-5f);
    }
    void matchesTheGradientOfLogDensity() {
        // r*(x) - x = sigma^2 grad log p_sigma(x): check by finite differences.
        auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
        auto data = torch::randn({40, 2}, gen, torch::kFloat32) * 0.5;
        const double s = 0.2, h = 1e-3;
        auto x = torch::tensor({{0.1f, 0.3f}});
        auto dxp = idealField(data, x + torch::tensor({{float(h), 0.f}}), s).logDensity;
        auto dxm = idealField(data, x - torch::tensor({{float(h), 0.f}}), s).logDensity;
        const double grad = (dxp - dxm).item<double>() / (2 * h);
        const double field = idealField(data, x, s).rMinusX[0][0].item<double>();
        QVERIFY2(std::abs(field - s * s * grad) < 2e-3,
                 qPrintable(QString("%1 vs %2").arg(field).arg(s * s * grad)));
    }
    void blockSizeDoesNotChangeTheAnswer() {
        auto gen = at::make_generator<at::CPUGeneratorImpl>(5);
        auto data = torch::rand({300, 2}, gen, torch::kFloat32);
        auto q = torch::rand({257, 2}, gen, torch::kFloat32);
        auto a = idealField(data, q, 0.05, 1024), b = idealField(data, q, 0.05, 16);
        QVERIFY(torch::allclose(a.rMinusX, b.rMinusX));
        QVERIFY(torch::allclose(a.logDensity, b.logDensity));
    }
    void farQueriesStayFinite() {
        // 50 sigma away every exp() underflows; logsumexp must not.
        auto f =
            idealField(torch::tensor({{0.f, 0.f}, {0.1f, 0.f}}), torch::tensor({{5.f, 5.f}}), 0.1);
        QVERIFY(torch::isfinite(f.rMinusX).all().item<bool>());
        QVERIFY(std::isfinite(f.logDensity[0].item<float>()));
    }
    void fitScoreIsOneForPerfectZeroForNothing() {
        auto gen = at::make_generator<at::CPUGeneratorImpl>(9);
        auto ideal = torch::randn({100, 2}, gen, torch::kFloat32);
        auto logp = torch::randn({100}, gen, torch::kFloat32);
        QCOMPARE(fieldFitR2(ideal, ideal, logp), 1.0);
        QVERIFY(std::abs(fieldFitR2(torch::zeros_like(ideal), ideal, logp)) < 1e-12);
        QVERIFY(std::abs(fieldFitR2(-ideal, ideal, logp) + 3.0) < 1e-9); // 1 - 4
        // The density weights: an error where p is tiny barely counts.
        auto lp = torch::full({100}, -50.f);
        lp[0] = 0;
        auto wrong = ideal.clone();
        wrong.slice(0, 1, 100).zero_();
        QVERIFY(fieldFitR2(wrong, ideal, lp) > 0.999);
    }
};

QTEST_GUILESS_MAIN(TestIdealField)
#include "tst_ideal_field.moc"
