// Trainer states in memory (sessions): an image DAE or VAE saved after some
// steps and loaded into a fresh trainer with the same settings continues
// exactly as the uninterrupted one; a state for other settings or another
// image size, or a damaged one, is refused and changes nothing.
#include "core/image/image_dae_trainer.h"
#include "core/training/model_file_error.h"
#include "core/vae/vae_trainer.h"

#include <QTest>
#include "tests/test_warnings.h"

using namespace aelab;

namespace {
torch::Tensor images(int n, int size) {
    torch::manual_seed(3);
    return torch::rand({n, 1, size, size});
}

template <typename T> bool sameParameters(T& a, T& b) {
    auto pa = a.model()->parameters(), pb = b.model()->parameters();
    for (size_t i = 0; i < pa.size(); ++i)
        if (!torch::equal(pa[i], pb[i])) return false;
    return pa.size() == pb.size();
}
} // namespace

class TestTrainerState : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void imageDaeContinuesBitForBit() {
        ImageDaeConfig c;
        c.base = 4;
        c.batch = 8;
        ImageDaeTrainer a(images(16, 8), c);
        a.train(5);
        const std::string state = a.saveState();
        ImageDaeTrainer b(images(16, 8), c);
        b.loadState(state);
        QCOMPARE(b.step(), 5LL);
        QVERIFY(sameParameters(a, b));
        a.train(3); // the same batches, the same Adam moments: the same weights
        b.train(3);
        QVERIFY(sameParameters(a, b));
    }
    void vaeContinuesBitForBit() {
        VaeConfig c;
        c.hidden = 16;
        c.latent = 2;
        c.batch = 8;
        VaeTrainer a(images(16, 8), c);
        a.train(4);
        VaeTrainer b(images(16, 8), c);
        b.loadState(a.saveState());
        QCOMPARE(b.step(), 4LL);
        a.train(2);
        b.train(2);
        QVERIFY(sameParameters(a, b));
    }
    void otherSettingsOrDamageAreRefused() {
        ImageDaeConfig c;
        c.base = 4;
        ImageDaeTrainer a(images(16, 8), c);
        a.train(2);
        const std::string state = a.saveState();

        ImageDaeConfig wider = c;
        wider.base = 8;
        ImageDaeTrainer b(images(16, 8), wider);
        const auto before = b.model()->parameters()[0].clone();
        try {
            b.loadState(state);
            QFAIL("a state for base 4 loaded into base 8");
        } catch (const ModelFileError& e) {
            QVERIFY2(QString(e.what()).contains("saved for conv base 4"), e.what());
        }
        QVERIFY(torch::equal(before, b.model()->parameters()[0]));
        QCOMPARE(b.step(), 0LL);

        ImageDaeTrainer bigger(images(16, 12), c);
        QVERIFY_THROWS_EXCEPTION(ModelFileError, bigger.loadState(state));

        // (A flipped byte may land in the archive's alignment padding, which
        // is harmless; a cut-short archive never is.)
        ImageDaeTrainer d(images(16, 8), c);
        QVERIFY_THROWS_EXCEPTION(ModelFileError, d.loadState(state.substr(0, state.size() / 2)));
        QVERIFY_THROWS_EXCEPTION(ModelFileError, d.loadState("not an archive"));
        QCOMPARE(d.step(), 0LL);

        VaeConfig v;
        v.hidden = 16;
        v.latent = 2;
        VaeTrainer vae(images(16, 8), v);
        QVERIFY_THROWS_EXCEPTION(ModelFileError, vae.loadState(state)); // another format
    }
};

QTEST_GUILESS_MAIN(TestTrainerState)
#include "tst_trainer_state.moc"
