// The image DAE: shapes, the loss it reports, seeding, rollback on
// divergence, chains from noise reaching the data, and the sample score.
#include "core/sampling/chain_sampler.h"
#include "core/image/image_dae_trainer.h"
#include "core/metrics/sample_score.h"

#include <QTest>
#include "tests/test_warnings.h"
#include <cmath>

using namespace aelab;

namespace {
// Two 8x8 patterns: left half bright, and top half bright.
torch::Tensor twoPatterns(int copies) {
    auto a = torch::zeros({1, 1, 8, 8}), b = torch::zeros({1, 1, 8, 8});
    a.slice(3, 0, 4).fill_(1);
    b.slice(2, 0, 4).fill_(1);
    return torch::cat({a.expand({copies, 1, 8, 8}), b.expand({copies, 1, 8, 8})}).contiguous();
}
} // namespace

class TestImageDae : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void shapesRoundTrip_data() {
        QTest::addColumn<int>("arch");
        QTest::addColumn<int>("size");
        QTest::newRow("conv 28") << int(ImageArch::Conv) << 28;
        QTest::newRow("conv 32") << int(ImageArch::Conv) << 32;
        QTest::newRow("mlp 28") << int(ImageArch::Mlp) << 28;
        QTest::newRow("mlp 30") << int(ImageArch::Mlp) << 30;
    }
    void shapesRoundTrip() {
        QFETCH(int, arch);
        QFETCH(int, size);
        ImageDae net(
            ImageDaeShape{1, size, size, ImageArch(arch), arch == int(ImageArch::Conv) ? 8 : 64});
        auto y = net->forward(torch::rand({3, 1, size, size}));
        QCOMPARE(y.sizes(), (torch::IntArrayRef{3, 1, size, size}));
        QVERIFY(y.min().item<float>() >= 0 && y.max().item<float>() <= 1);
    }
    void convRefusesSizesItCannotPool() {
        QVERIFY(!checkShape({1, 30, 30, ImageArch::Conv, 8}).empty());
        QVERIFY(checkShape({1, 30, 30, ImageArch::Mlp, 8}).empty());
        ImageDaeConfig c;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ImageDaeTrainer(torch::rand({4, 1, 30, 30}), c));
    }
    // With masking at level 0 the corruption is the identity, so the reported
    // loss must be the plain mean BCE between x and r(x).
    void reportedLossIsMeanBce() {
        ImageDaeConfig c;
        c.noise = {CorruptionKind::Masking, 0.0f};
        c.base = 4;
        auto x = torch::rand({10, 1, 8, 8}, torch::kFloat32);
        ImageDaeTrainer t(x, c);
        auto r = t.reconstruct(x).to(torch::kFloat64);
        auto xd = x.to(torch::kFloat64);
        const double bce = -(xd * r.log() + (1 - xd) * (1 - r).log()).mean().item<double>();
        QVERIFY(std::abs(t.evaluateLoss(x) - bce) < 1e-5);
        c.loss = ImageLoss::SquaredError;
        ImageDaeTrainer s(x, c);
        const double mse = (s.reconstruct(x) - x).pow(2).mean().item<double>();
        QVERIFY(std::abs(s.evaluateLoss(x) - mse) < 1e-6);
    }
    void sameSeedSameRun() {
        ImageDaeConfig c;
        c.base = 4;
        c.batch = 8;
        ImageDaeTrainer a(twoPatterns(4), c), b(twoPatterns(4), c);
        a.train(5);
        b.train(5);
        auto pa = a.model()->parameters(), pb = b.model()->parameters();
        for (size_t i = 0; i < pa.size(); ++i)
            QVERIFY(torch::equal(pa[i], pb[i]));
        c.seed = 2;
        ImageDaeTrainer d(twoPatterns(4), c);
        d.train(5);
        QVERIFY(!torch::equal(pa[0], d.model()->parameters()[0]));
    }
    // A NaN in the data makes the loss NaN: the burst stops and the weights
    // go back to the last good ones (here the initial ones).
    void divergenceRollsBack() {
        auto x = twoPatterns(2);
        x[0][0][0][0] = std::nanf("");
        ImageDaeConfig c;
        c.base = 4;
        c.batch = 4;
        ImageDaeTrainer t(x, c);
        auto before = t.model()->parameters()[0].clone();
        StepResult r;
        for (int i = 0; i < 20 && !r.diverged; ++i)
            r = t.train(1);
        QVERIFY(r.diverged);
        QVERIFY(std::isnan(r.badLoss));
        QCOMPARE(t.step(), 0LL);
        QVERIFY(torch::equal(before, t.model()->parameters()[0]));
    }
    // Trained on two patterns with Gaussian noise, the chains started from
    // uniform noise end on (close to) one of the patterns: the sampling of
    // docs/references.md §2 on a case whose answer is known.
    void chainsFromNoiseReachTheData() {
        ImageDaeConfig c;
        c.base = 8;
        c.batch = 16;
        c.learningRate = 3e-3;
        c.noise = {CorruptionKind::Gaussian, 0.5f};
        auto data = twoPatterns(8);
        ImageDaeTrainer t(data, c);
        const double before = t.evaluateLoss(data);
        for (int i = 0; i < 6; ++i)
            t.train(50);
        QVERIFY(t.evaluateLoss(data) < 0.6 * before);
        const auto start = uniformImages(12, 1, 8, 8, 3);
        const double startDist = scoreSamples(start, data).nearestTrain;
        ChainSampler chain(t.denoiser(), start, 4);
        for (int i = 0; i < 10; ++i)
            chain.step();
        const SampleScore end = scoreSamples(chain.particles(), data);
        QVERIFY2(end.nearestTrain < 0.1 && startDist > 0.4,
                 qPrintable(QString("start %1 end %2").arg(startDist).arg(end.nearestTrain)));
    }
    void sampleScoreMeasuresCopyingAndCollapse() {
        auto train = torch::tensor({0.f, 0.f, 1.f, 1.f}).view({2, 1, 1, 2});
        // Samples equal to training images: nearest train 0, nearest other sqrt(1) = 1.
        SampleScore s = scoreSamples(train, train);
        QVERIFY(std::abs(s.nearestTrain) < 1e-9);
        QVERIFY(std::abs(s.nearestOther - 1.0) < 1e-9);
        // Collapsed samples: all equal, so nearest other 0; 0.5 from both images.
        auto collapsed = torch::full({3, 1, 1, 2}, 0.5f);
        s = scoreSamples(collapsed, train, 1);
        QVERIFY(std::abs(s.nearestTrain - 0.5) < 1e-9);
        QVERIFY(std::abs(s.nearestOther) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestImageDae)
#include "tst_image_dae.moc"
