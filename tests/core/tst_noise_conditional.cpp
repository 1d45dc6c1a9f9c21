// The noise-conditional field model r(x, sigma) (docs/references.md §5): one
// network fits the ideal field across the ladder, moving sigma needs no
// retraining, and a checkpoint keeps the kind and the range.
#include "core/field/field_trainer.h"
#include "core/field/noise_conditional.h"
#include "core/training/torch_threads.h"

#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"
#include <cmath>

using namespace aelab;

namespace {
FieldConfig conditional() {
    FieldConfig c;
    c.data.count = 300;
    c.width = 64;
    c.gridSize = 16;
    c.batchSize = 128;
    c.learningRate = 3e-3f;
    c.model = FieldModelKind::NoiseConditional;
    c.sigmaMin = 0.1f, c.sigmaMax = 1.0f, c.levels = 6;
    c.sigma = 0.2f;
    return c;
}

double smallestFit(const std::vector<SigmaFit>& fits) {
    double lowest = 1;
    for (const SigmaFit& f : fits)
        lowest = std::min(lowest, f.r2);
    return lowest;
}
} // namespace

class TestNoiseConditional : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void initTestCase() { setTorchThreads(1); }

    void oneNetworkFitsEveryLevel() {
        FieldTrainer t(conditional());
        const auto before = t.fitBySigma();
        QCOMPARE(int(before.size()), 6);
        QCOMPARE(before.front().sigma, 1.0);
        QVERIFY(std::abs(before.back().sigma - 0.1) < 1e-6);
        t.train(3000);
        const auto after = t.fitBySigma();
        for (const SigmaFit& f : after)
            qInfo("sigma %.3f: R2 %.3f", f.sigma, f.r2);
        QVERIFY2(
            smallestFit(after) > 0.8,
            qPrintable(
                QString("lowest R2 %1 (was %2)").arg(smallestFit(after)).arg(smallestFit(before))));
    }

    void sigmaMovesWithoutRetraining() {
        FieldTrainer t(conditional());
        t.train(300);
        const auto x = torch::tensor({{0.3f, -0.2f}, {0.0f, 0.5f}});
        const auto atHalf = t.reconstructTensorAt(x, 0.5);
        const auto atTenth = t.reconstructTensorAt(x, 0.1);
        QVERIFY(!torch::allclose(atHalf, atTenth));
        FieldConfig c = t.config();
        c.sigma = 0.5f;
        t.applyLive(c);
        QCOMPARE(t.step(), 300LL);
        QVERIFY(torch::equal(t.reconstructTensor(x), atHalf));
        // The drawn field is r(x, 0.5) - x against the ideal field at 0.5.
        const FieldResult f = t.evaluate();
        const auto fits = t.fitBySigma();
        QVERIFY(std::isfinite(f.r2));
        QVERIFY(std::abs(fits.front().sigma - 1.0) < 1e-9);
    }

    // The wrapper keeps r's raw output at unit scale: at sigma -> 0 it
    // returns its input whatever the weights, at large sigma the data mean.
    void wrapperLimitsAreTheIdentityAndTheMean() {
        MlpDaeOptions o;
        o.conditionDim = kSigmaEmbeddingDim;
        MlpDaeImpl net(o);
        const auto data = torch::tensor({{1.f, 2.f}, {3.f, 2.f}, {2.f, 5.f}});
        const DataScale scale = dataScale(data);
        const auto x = torch::tensor({{0.5f, 0.5f}});
        torch::NoGradGuard noGrad;
        const auto tiny = conditionalReconstruct(net, x, torch::full({1}, 1e-6f), scale);
        QVERIFY(torch::allclose(tiny, x, 1e-4, 1e-4));
        const auto huge = conditionalReconstruct(net, x, torch::full({1}, 1e6f), scale);
        QVERIFY((huge - scale.mean).abs().max().item<float>() < 10 * scale.sigmaData);
        QVERIFY((huge - x).abs().max().item<float>() > 0.5f);
    }

    void checkpointKeepsKindAndRange() {
        FieldTrainer t(conditional());
        t.train(100);
        QTemporaryDir dir;
        const std::string path = dir.filePath("nc.aelab-field").toStdString();
        t.save(path);
        auto loaded = FieldTrainer::load(path);
        QVERIFY(loaded->config().conditional());
        QCOMPARE(loaded->config().sigmaMin, 0.1f);
        QCOMPARE(loaded->config().levels, 6);
        const auto x = torch::tensor({{0.1f, 0.1f}});
        QVERIFY(torch::equal(loaded->reconstructTensorAt(x, 0.3), t.reconstructTensorAt(x, 0.3)));
    }
};

QTEST_GUILESS_MAIN(TestNoiseConditional)
#include "tst_noise_conditional.moc"
