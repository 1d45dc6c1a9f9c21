// The DVAE lab's models (docs/references.md §3): the ELBO of a model whose answer
// is known by hand, the importance-weighted bound (k = 1 is the ELBO, and it
// grows with k on average), the likelihood estimate against a linear-Gaussian
// model's closed form, training, corruption and divergence.
#include "core/vae/vae_bounds.h"
#include "core/vae/vae_trainer.h"

#include <QtTest>

#include "tests/test_warnings.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>

using namespace aelab;

namespace {
// 40 binary 4 x 4 images: the top half set in even images, the bottom in odd ones.
torch::Tensor halves() {
    auto x = torch::zeros({40, 1, 4, 4});
    for (int i = 0; i < 40; ++i)
        x[i].slice(1, i % 2 ? 2 : 0, i % 2 ? 4 : 2).fill_(1);
    return x;
}
VaeConfig tiny(VaeModel m) {
    VaeConfig c;
    c.model = m;
    c.hidden = 16;
    c.latent = 2;
    c.batch = 20;
    c.learningRate = 1e-2;
    return c;
}
double logNormal(double x, double mean, double var) {
    return -0.5 * (std::log(2 * M_PI * var) + (x - mean) * (x - mean) / var);
}
} // namespace

class TestVae : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void boundsFollowTheFormulas() {
        // x = (1, 0), logits (0, ln 3): log s(0) + log(1 - s(ln 3)) = -ln 2 - ln 4.
        auto lb = logBernoulli(torch::tensor({1.0f, 0.0f}).view({1, 2}),
                               torch::tensor({0.0f, std::log(3.0f)}).view({1, 1, 2}));
        QVERIFY(std::abs(lb.item<double>() + std::log(8.0)) < 1e-5);
        auto z = torch::tensor({1.0f, -1.0f}).view({1, 1, 2});
        auto ln = logNormalDiag(z, torch::zeros({1, 2}), torch::full({1, 2}, std::log(4.0f)));
        QVERIFY(std::abs(ln.item<double>() - 2 * logNormal(1, 0, 4)) < 1e-5);
        QVERIFY(std::abs(logStandardNormal(z).item<double>() - 2 * logNormal(1, 0, 1)) < 1e-5);
        // log mean exp of (0, ln 3) = ln 2.
        auto b = importanceBound(torch::tensor({0.0f, std::log(3.0f)}).view({2, 1}));
        QVERIFY(std::abs(b.item<double>() - std::log(2.0)) < 1e-6);
    }
    void elboOfAKnownModelMatchesTheHandValue() {
        // All weights zero: q(z|x) = N(0, I) = p(z), so the KL part is exactly
        // 0 and every pixel is Bernoulli(s(b)) with the decoder's last bias b.
        // With b = ln 3 (p = 3/4) an image with n ones of 16 has
        // ELBO = log p(x) = n ln(3/4) + (16 - n) ln(1/4).
        VaeTrainer t(halves(), tiny(VaeModel::Vae));
        {
            torch::NoGradGuard noGrad;
            for (auto& p : t.model()->parameters())
                p.zero_();
            auto params = t.model()->named_parameters();
            params[params.keys().back()].fill_(std::log(3.0));
        }
        const double hand = 8 * std::log(0.75) + 8 * std::log(0.25);
        QVERIFY(std::abs(t.evaluateBound(halves(), 1) - hand) < 1e-4);
        QVERIFY(std::abs(t.evaluateBound(halves(), 7) - hand) < 1e-4);
        QVERIFY(std::abs(t.estimateNll(halves(), 300) + hand) < 1e-4);
    }
    void importanceBoundGrowsWithK() {
        VaeTrainer t(halves(), tiny(VaeModel::Vae));
        t.train(30);
        const double k1 = t.evaluateBound(halves(), 1), k10 = t.evaluateBound(halves(), 10),
                     k100 = t.evaluateBound(halves(), 100);
        QVERIFY2(k1 <= k10 && k10 <= k100,
                 qPrintable(QString("%1 %2 %3").arg(k1).arg(k10).arg(k100)));
        // The estimate of log p(x) lies above every bound (within its noise).
        QVERIFY(-t.estimateNll(halves(), 2000) >= k100 - 0.05);
        // k = 1 through the IWAE path is the ELBO itself.
        VaeConfig c = tiny(VaeModel::Iwae);
        c.samples = 1;
        VaeTrainer iw(halves(), c), v(halves(), tiny(VaeModel::Vae));
        iw.train(5);
        v.train(5);
        QCOMPARE(iw.evaluateBound(halves(), 1), v.evaluateBound(halves(), 1));
    }
    void likelihoodEstimateMatchesALinearGaussianModel() {
        // p(z) = N(0, 1), p(x|z) = N(2z + 0.5, 0.25): p(x) = N(0.5, 4.25).
        // Proposal q(z|x) = N(0.4(x - 0.5), 0.09), near but not the posterior
        // N(0.47(x - 0.5), 0.059), as an encoder would be.
        const auto x = torch::tensor({-1.0, 0.2, 2.5}, torch::kFloat64);
        auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
        auto logp = importanceLogLikelihood(20000, 1000, [&](int m) {
            auto mean = 0.4 * (x - 0.5);
            auto z = mean + 0.3 * torch::randn({m, 3}, gen, torch::kFloat64);
            auto lj = -0.5 * (std::log(2 * M_PI * 0.25) + (x - 2 * z - 0.5).pow(2) / 0.25) -
                      0.5 * (std::log(2 * M_PI) + z.pow(2));
            auto lq = -0.5 * (std::log(2 * M_PI * 0.09) + (z - mean).pow(2) / 0.09);
            return lj - lq;
        });
        for (int i = 0; i < 3; ++i) {
            const double exact = logNormal(x[i].item<double>(), 0.5, 4.25);
            QVERIFY2(std::abs(logp[i].item<double>() - exact) < 0.005,
                     qPrintable(QString("%1 vs %2").arg(logp[i].item<double>()).arg(exact)));
        }
    }
    void everyModelTrains_data() {
        QTest::addColumn<int>("model");
        for (VaeModel m : allVaeModels())
            QTest::newRow(vaeModelName(m).c_str()) << int(m);
    }
    void everyModelTrains() {
        QFETCH(int, model);
        VaeTrainer t(halves(), tiny(VaeModel(model)));
        const double before = t.evaluateBound(halves());
        const StepResult r = t.train(150);
        QCOMPARE(r.steps, 150);
        QVERIFY2(t.evaluateBound(halves()) > before + 1, "training raises the bound");
        QCOMPARE(t.sample(5, 1).sizes().vec(), (std::vector<int64_t>{5, 1, 4, 4}));
        QCOMPARE(t.encodeMean(halves()).sizes().vec(), (std::vector<int64_t>{40, 2}));
        QVERIFY(std::abs(t.epochs() - 150 * 20 / 40.0) < 1e-9);
        // Reconstructions from corrupted input differ from those from clean input.
        QVERIFY(!torch::equal(t.reconstruct(halves(), true, 5), t.reconstruct(halves(), false, 5)));
    }
    void convolutionalOption() {
        VaeConfig c = tiny(VaeModel::Dvae);
        c.arch = VaeArch::Conv;
        VaeTrainer t(halves(), c);
        QCOMPARE(t.train(3).steps, 3);
        QCOMPARE(t.sample(2, 1).sizes().vec(), (std::vector<int64_t>{2, 1, 4, 4}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, VaeTrainer(torch::zeros({4, 1, 6, 6}), c));
    }
    // The paper's protocol: grey images binarised once. A model can then learn
    // those very bits (its training bound passes the coin-flip limit
    // 16 ln ½ of a grey image); binarised afresh each batch it cannot.
    void fixedBinarisationIsOneSetToLearn() {
        const auto grey = torch::full({8, 1, 4, 4}, 0.5f);
        const double coinFlips = 16 * std::log(0.5);
        VaeConfig c = tiny(VaeModel::Vae);
        c.hidden = 64;
        c.latent = 4;
        c.batch = 8;
        c.binarize = Binarize::Fixed;
        VaeTrainer fixed(grey, c);
        fixed.train(600);
        const double once = fixed.evaluateTrainBound();
        QVERIFY2(once > coinFlips + 1, qPrintable(QString::number(once)));
        QCOMPARE(fixed.evaluateTrainBound(), once); // the same set every time
        c.binarize = Binarize::Resample;
        VaeTrainer fresh(grey, c);
        fresh.train(600);
        QVERIFY2(fresh.evaluateTrainBound() < coinFlips + 0.3,
                 qPrintable(QString::number(fresh.evaluateTrainBound())));
    }
    void authorsOptions() {
        // One hidden decoder layer: Linear(2, 16) and Linear(16, 16) only.
        VaeConfig c = tiny(VaeModel::Vae);
        c.decoderLayers = 1;
        VaeTrainer one(halves(), c);
        int64_t decoder = 0;
        for (const auto& p : one.model()->named_parameters())
            if (p.key().rfind("decoder", 0) == 0) decoder += p.value().numel();
        QCOMPARE(decoder, int64_t(2 * 16 + 16 + 16 * 16 + 16));
        c.decoderLayers = 3;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, VaeTrainer(halves(), c));
        // Clipping: the gradient a step used has norm at most clipNorm.
        c = tiny(VaeModel::Vae);
        c.clipNorm = 0.01;
        VaeTrainer clipped(halves(), c);
        clipped.train(1);
        double norm2 = 0;
        for (const auto& p : clipped.model()->parameters())
            norm2 += p.grad().pow(2).sum().item<double>();
        QVERIFY2(std::sqrt(norm2) <= 0.01 * 1.0001, qPrintable(QString::number(std::sqrt(norm2))));
        // Step decay: halved every epoch, so a quarter after two.
        c = tiny(VaeModel::Vae);
        c.lrDecayEpochs = 1;
        c.lrDecay = 0.5;
        VaeTrainer decaying(halves(), c); // 40 images, batches of 20: 2 steps an epoch
        decaying.train(5);
        QCOMPARE(decaying.learningRateNow(), 1e-2 * 0.25);
    }
    // The analytic KL: an encoder that outputs μ = 1, log σ² = 0 for every
    // image has KL = L/2 = 1 exactly, and a decoder that ignores z gives the
    // hand value, so the loss is exact, with no sampling noise.
    void analyticKlIsExact() {
        VaeConfig c = tiny(VaeModel::Vae);
        c.learningRate = 1e-9;
        c.analyticKl = true;
        VaeTrainer t(halves(), c);
        {
            torch::NoGradGuard noGrad;
            for (auto& p : t.model()->parameters())
                p.zero_();
            auto params = t.model()->named_parameters();
            params[params.keys().back()].fill_(std::log(3.0));
            QString encoderBias;
            for (const auto& key : params.keys())
                if (QString::fromStdString(key).startsWith("encoder") &&
                    QString::fromStdString(key).endsWith("bias"))
                    encoderBias = QString::fromStdString(key);
            params[encoderBias.toStdString()].slice(0, 0, 2).fill_(1.0); // μ; log σ² stays 0
        }
        const double hand = 8 * std::log(0.75) + 8 * std::log(0.25);
        const double loss = t.train(1).meanLoss;
        QVERIFY2(std::abs(loss - (-(hand - 1.0))) < 1e-4, qPrintable(QString::number(loss)));
    }
    // Both likelihood estimates (clean-input proposal, and the mixture over
    // corrupted copies) give a decoder that ignores z its exact log p(x).
    void mixtureEstimateMatchesTheClosedForm() {
        VaeTrainer t(halves(), tiny(VaeModel::Dvae));
        {
            torch::NoGradGuard noGrad;
            auto params = t.model()->named_parameters();
            for (const auto& p : params) {
                if (p.key().rfind("decoder", 0) == 0)
                    p.value().zero_();
                else
                    p.value().mul_(0.3); // an encoder near, not at, the prior
            }
            params[params.keys().back()].fill_(std::log(3.0));
        }
        const double hand = 8 * std::log(0.75) + 8 * std::log(0.25);
        const double clean = t.estimateNll(halves(), 2000);
        const double mixture = t.estimateNllMixture(halves(), 2000, 5);
        QVERIFY2(std::abs(clean + hand) < 0.02, qPrintable(QString::number(clean)));
        QVERIFY2(std::abs(mixture + hand) < 0.02, qPrintable(QString::number(mixture)));
    }
    void absurdLearningRateRollsBack() {
        VaeConfig c = tiny(VaeModel::Vae);
        c.learningRate = 1e10;
        VaeTrainer t(halves(), c);
        StepResult r;
        for (int i = 0; i < 30 && !r.diverged; ++i)
            r = t.train(10);
        QVERIFY(r.diverged);
        QCOMPARE(t.step() % 50, 0LL);
        QVERIFY(std::isfinite(t.evaluateBound(halves())));
    }
};

QTEST_GUILESS_MAIN(TestVae)
#include "tst_vae.moc"
