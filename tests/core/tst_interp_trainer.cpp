// The interpolation lab's models: ACAI's mixing and losses follow the
// formulas of docs/references.md §4 on tiny tensors; every model trains, encodes,
// decodes and interpolates with the right shapes; checkpoints round-trip and
// damaged ones fail cleanly; an absurd learning rate rolls back.
#include "core/interp/acai_losses.h"
#include "core/interp/interp_trainer.h"
#include "datasets/lines.h"

#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

#include <fstream>

using namespace aelab;

namespace {
// 64 lines in [0, 1].
torch::Tensor lines01() {
    std::vector<double> thetas;
    for (int i = 0; i < 64; ++i)
        thetas.push_back(0.1 * i);
    return (lineImages(thetas) + 1) * 0.5;
}
InterpConfig tiny(InterpModel model) {
    InterpConfig c = defaultInterpConfig(model, 32, 32);
    c.depth = 2;
    c.batch = 8;
    c.learningRate = 1e-3;
    return c;
}
} // namespace

class TestInterpTrainer : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void mixingPairsEachExampleWithItsMirror() {
        auto z = torch::tensor({1.0f, 2.0f, 4.0f}).view({3, 1});
        auto alpha = torch::tensor({0.25f, 0.5f, 0.0f});
        auto mixed = mixLatents(z, alpha);
        // 0.25 * 1 + 0.75 * 4; 0.5 * 2 + 0.5 * 2; 0 * 4 + 1 * 1.
        QVERIFY(torch::allclose(mixed.flatten(), torch::tensor({3.25f, 2.0f, 1.0f})));
    }
    void lossesFollowTheFormulas() {
        auto x = torch::tensor({0.0f, 1.0f, -1.0f, 0.5f}).view({2, 1, 1, 2});
        auto xhat = torch::tensor({0.5f, 1.0f, -0.5f, 0.0f}).view({2, 1, 1, 2});
        auto dMix = torch::tensor({0.1f, 0.3f});
        auto alpha = torch::tensor({0.2f, 0.4f});
        // mean (x - x^)^2 = (0.25 + 0 + 0.25 + 0.25) / 4 = 0.1875;
        // lambda mean d^2 = 0.5 * (0.01 + 0.09) / 2 = 0.025.
        QVERIFY(std::abs(acaiAutoencoderLoss(x, xhat, dMix, 0.5).item<double>() - 0.2125) < 1e-6);
        // gamma x + (1 - gamma) x^ with gamma 0.2.
        auto blend = criticBlend(x, xhat, 0.2);
        QVERIFY(torch::allclose(blend.flatten(), torch::tensor({0.4f, 1.0f, -0.6f, 0.1f})));
        // mean (d - alpha)^2 = (0.01 + 0.01) / 2 = 0.01; mean d(blend)^2 with
        // d(blend) = (0.2, -0.4): (0.04 + 0.16) / 2 = 0.1.
        auto dBlend = torch::tensor({0.2f, -0.4f});
        QVERIFY(std::abs(acaiCriticLoss(dMix, alpha, dBlend).item<double>() - 0.11) < 1e-6);
        // KL of N(1, e^0) and N(0, e^{ln 4}) against N(0, 1): 0.5 * (1 + 1 - 1 - 0) +
        // 0.5 * (0 + 4 - 1 - ln 4).
        auto kl = gaussianKl(torch::tensor({1.0f, 0.0f}).view({1, 2}),
                             torch::tensor({0.0f, std::log(4.0f)}).view({1, 2}));
        QVERIFY(std::abs(kl.item<double>() - (0.5 + 0.5 * (3 - std::log(4.0)))) < 1e-5);
    }
    void everyModelTrainsAndInterpolates_data() {
        QTest::addColumn<int>("model");
        for (InterpModel m : allInterpModels())
            QTest::newRow(modelName(m).c_str()) << int(m);
    }
    void everyModelTrainsAndInterpolates() {
        QFETCH(int, model);
        auto data = lines01();
        InterpTrainer t(data, tiny(InterpModel(model)));
        const double before = t.evaluateLoss(data);
        const StepResult r = t.train(40);
        QCOMPARE(r.steps, 40);
        QVERIFY(std::isfinite(r.meanLoss));
        QVERIFY2(t.evaluateLoss(data) < before, "40 steps lower the reconstruction error");
        QCOMPARE(t.encode(data.slice(0, 0, 3)).sizes().vec(),
                 (std::vector<int64_t>{3, 16, 2, 2})); // 4 scales: 2 x 2 x 16
        const auto frames = t.interpolate(data.slice(0, 0, 1), data.slice(0, 5, 6), 7);
        QCOMPARE(frames.sizes().vec(), (std::vector<int64_t>{7, 1, 32, 32}));
        // End frames are the decoded end points.
        QVERIFY(torch::allclose(frames[0], t.reconstruct(data.slice(0, 0, 1))[0], 1e-4, 1e-5));
        QVERIFY(torch::allclose(frames[6], t.reconstruct(data.slice(0, 5, 6))[0], 1e-4, 1e-5));
        const auto slerp = t.interpolate(data.slice(0, 0, 1), data.slice(0, 5, 6), 7, true);
        QVERIFY(torch::allclose(slerp[0], frames[0], 1e-4, 1e-5));
        QCOMPARE(t.hasCritic(), InterpModel(model) == InterpModel::Acai);
        if (t.hasCritic()) {
            QCOMPARE(t.criticEstimate(frames).size(0), 7);
            QVERIFY(t.lastCriticLoss() > 0);
        }
    }
    void sphericalDiffersFromLinearInTheMiddle() {
        auto data = lines01();
        InterpTrainer t(data, tiny(InterpModel::Plain));
        t.train(5);
        const auto a = data.slice(0, 0, 1), b = data.slice(0, 20, 21);
        const auto lin = t.interpolate(a, b, 5), sph = t.interpolate(a, b, 5, true);
        // slerp keeps the norm up where the codes are not parallel.
        const auto za = t.encode(a).flatten(), zb = t.encode(b).flatten();
        QVERIFY((za.dot(zb) / (za.norm() * zb.norm())).item<double>() < 0.999);
        QVERIFY(!torch::allclose(lin[2], sph[2], 1e-4, 1e-5));
    }
    void sameSeedSameRun() {
        auto data = lines01();
        InterpTrainer a(data, tiny(InterpModel::Acai)), b(data, tiny(InterpModel::Acai));
        a.train(10);
        b.train(10);
        QVERIFY(torch::equal(a.reconstruct(data), b.reconstruct(data)));
    }
    void checkpointRoundTrips() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("acai.pt").toStdString();
        auto data = lines01();
        InterpTrainer t(data, tiny(InterpModel::Acai));
        t.train(10);
        t.save(path, "lines");
        const InterpCheckpointInfo info = InterpTrainer::readInfo(path);
        QCOMPARE(info.dataset, std::string("lines"));
        QCOMPARE(info.step, 10LL);
        QCOMPARE(int(info.config.model), int(InterpModel::Acai));
        auto loaded = InterpTrainer::load(path, data);
        QVERIFY(torch::equal(loaded->reconstruct(data), t.reconstruct(data)));
        QVERIFY(torch::equal(loaded->criticEstimate(data), t.criticEstimate(data)));
        // Training on from both gives the same weights: the optimiser state came along.
        t.train(3);
        loaded->train(3);
        QVERIFY(torch::allclose(loaded->reconstruct(data), t.reconstruct(data), 1e-5, 1e-6));
    }
    void damagedCheckpointsFailCleanly() {
        QTemporaryDir dir;
        auto data = lines01();
        QVERIFY_THROWS_EXCEPTION(ModelFileError,
                                 InterpTrainer::load(dir.filePath("none.pt").toStdString(), data));
        const std::string garbage = dir.filePath("garbage.pt").toStdString();
        std::ofstream(garbage) << "not a model";
        try {
            InterpTrainer::load(garbage, data);
            QFAIL("loaded a garbage file");
        } catch (const ModelFileError& e) {
            QVERIFY(!QString(e.what()).contains('\n')); // one line, no Torch backtrace
        }
        // Truncated: the first half of a real file.
        const std::string good = dir.filePath("good.pt").toStdString();
        InterpTrainer(data, tiny(InterpModel::Plain)).save(good, "lines");
        std::ifstream in(good, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        const std::string cut = dir.filePath("cut.pt").toStdString();
        std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
        QVERIFY_THROWS_EXCEPTION(ModelFileError, InterpTrainer::load(cut, data));
        // Images of another size than the model was trained on.
        try {
            InterpTrainer::load(good, torch::zeros({4, 1, 64, 64}));
            QFAIL("loaded onto 64x64 images");
        } catch (const ModelFileError& e) {
            QVERIFY(QString(e.what()).contains("1x32x32"));
        }
    }
    void absurdLearningRateRollsBack() {
        auto data = lines01();
        InterpConfig c = tiny(InterpModel::Acai);
        c.learningRate = 1e12;
        InterpTrainer t(data, c);
        const auto before = t.reconstruct(data);
        StepResult r;
        for (int i = 0; i < 20 && !r.diverged; ++i)
            r = t.train(10);
        QVERIFY(r.diverged);
        QVERIFY(t.step() % 50 == 0); // back at the last good snapshot
        QVERIFY(torch::isfinite(t.reconstruct(data)).all().item<bool>());
        if (t.step() == 0) QVERIFY(torch::equal(t.reconstruct(data), before));
    }
    void refusesImagesItCannotTake() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 InterpTrainer(torch::zeros({4, 1, 28, 28}),
                                               tiny(InterpModel::Plain))); // 28 % 8 != 0
        QVERIFY(
            checkInterpShape(defaultInterpConfig(InterpModel::Acai, 28, 28), 1, 28, 28).empty());
    }
};

QTEST_GUILESS_MAIN(TestInterpTrainer)
#include "tst_interp_trainer.moc"
