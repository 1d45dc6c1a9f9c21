// The best-checkpoint keeper of long lines runs (docs/references.md (4.10)):
// its validation pairs are not the test pairs, the cross-fade scores 1 on
// its figure, and it keeps the best model it saw, not the last one.
#include "core/interp/best_checkpoint.h"
#include "core/interp/lines_protocol.h"
#include "datasets/lines.h"

#include <QtTest>

#include "tests/test_warnings.h"

#include <set>

using namespace aelab;

namespace {
torch::Tensor lines01(int n) {
    std::vector<double> thetas;
    for (int i = 0; i < n; ++i)
        thetas.push_back(2 * M_PI * i / n);
    return (lineImages(thetas) + 1) * 0.5;
}
InterpConfig tinyPlain() {
    InterpConfig c = defaultInterpConfig(InterpModel::Plain, 32, 32);
    c.depth = 4;
    c.batch = 32;
    c.learningRate = 2e-3;
    return c;
}
} // namespace

class TestBestCheckpoint : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void validationPairsAreNotTheTestPairs() {
        const auto validation = validationAngles(64), test = benchmarkAngles(256);
        QCOMPARE(int(validation.size()), 128);
        const std::set<double> testSet(test.begin(), test.end());
        for (double a : validation) {
            QVERIFY(a >= 0 && a < 2 * M_PI);
            QVERIFY(!testSet.count(a));
        }
    }
    void theCrossfadeScoresOne() {
        BestCheckpointKeeper keeper("lines", 16);
        const LinesScore& cf = keeper.crossfadeScore();
        QCOMPARE(cf.pairs, 16);
        QVERIFY(cf.meanDistance > 0 && cf.smoothness > 0);
        QCOMPARE(validationFigure(cf, cf), 1.0);
        LinesScore perfect;
        perfect.pairs = 16;
        QCOMPARE(validationFigure(perfect, cf), 0.0);
        // Frozen on one line: (4.7) says 0, the figure says abrupt.
        LinesScore frozen = perfect;
        frozen.frozen = 16;
        QCOMPARE(validationFigure(frozen, cf), 0.5 * (1 - 1.0 / 15) / cf.smoothness);
    }
    // A trained model, then a fresh (untrained) one: the keeper logs both and
    // keeps the first, and its archive scores what the log says.
    void keepsTheBestModelNotTheLast() {
        const auto train = lines01(256);
        InterpTrainer trained(train, tinyPlain());
        trained.train(300);
        InterpTrainer fresh(train, tinyPlain());
        BestCheckpointKeeper keeper("lines", 16);
        const double good = keeper.observe(trained, 0.1).figure;
        const double bad = keeper.observe(fresh, 0.2).figure;
        QVERIFY2(good < bad, qPrintable(QString("%1 vs %2").arg(good).arg(bad)));
        QCOMPARE(int(keeper.log().size()), 2);
        QCOMPARE(keeper.log()[1].trainLoss, 0.2);
        QCOMPARE(keeper.best()->step, 300LL);
        QCOMPARE(keeper.best()->figure, good);
        auto kept = InterpTrainer::loadBytes(keeper.bestArchive(), train, "kept");
        QCOMPARE(kept->step(), 300LL);
        BestCheckpointKeeper again("lines", 16);
        QCOMPARE(again.observe(*kept, 0).figure, good);
    }
};

QTEST_GUILESS_MAIN(TestBestCheckpoint)
#include "tst_best_checkpoint.moc"
