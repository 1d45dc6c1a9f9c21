// The worker thread hand-off: snapshots arrive by value, live changes apply,
// frames are dropped (never queued up) while the GUI is busy, divergence
// pauses with a message, and quitting mid-training is clean.
#include "core/field/field_trainer.h"
#include "tests/test_time.h"
#include "tests/app/field_worker_harness.h"
#include "tests/app/worker_sync.h"

#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

namespace {
// Steps the worker's model has trained, read on the worker's thread.
long long trainedSteps(FieldWorker* worker) {
    long long steps = 0;
    handoff::runAndWait(worker, [&] {
        if (const aelab::FieldTrainer* t = worker->trainer()) steps = t->step();
    });
    return steps;
}
} // namespace

class TestFieldWorker : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void initTestCase() { prepareFieldWorkerTests(); }

    void resetPublishesAFirstSnapshot() {
        Harness h;
        h.call(&FieldWorker::reset, tinyFieldConfig());
        QTRY_COMPARE_WITH_TIMEOUT(h.snaps.size(), 1, scaledMs(10000));
        const auto s = h.snaps[0];
        QCOMPARE(s.step, 0LL);
        QCOMPARE(s.view.nx, 16);
        QCOMPARE(s.view.dx.size(), 256);
        QCOMPARE(s.view.data.size(), 200);
        QVERIFY(!s.playing);
    }
    void playingTrainsAndStreamsLosses() {
        Harness h;
        QVector<FieldSnapshot>& got = h.snaps;
        handoff::connect(h.worker, &FieldWorker::snapshotReady, &h.receiver,
                         [&](const FieldSnapshot&) { h.worker->snapshotConsumed(); });
        h.call(&FieldWorker::reset, tinyFieldConfig());
        h.call(&FieldWorker::setStepsPerFrame, 5);
        h.call(&FieldWorker::setPlaying, true);
        QTRY_VERIFY_WITH_TIMEOUT(!got.isEmpty() && got.last().step >= 100, scaledMs(20000));
        h.call(&FieldWorker::setPlaying, false);
        // Losses arrive once each, in step order, and none is lost between snapshots.
        QVector<QPointF> losses;
        for (const auto& s : got)
            losses += s.newLosses;
        QVERIFY(losses.size() >= 20);
        for (int i = 1; i < losses.size(); ++i)
            QCOMPARE(losses[i].x(), losses[i - 1].x() + 5);
    }
    void framesAreDroppedWhileTheGuiIsBusy() {
        Harness h;
        h.call(&FieldWorker::reset, tinyFieldConfig()); // snapshot 1 (forced)
        h.call(&FieldWorker::setStepsPerFrame, 1);
        h.call(&FieldWorker::setPlaying, true); // snapshot 2 (forced)
        // Frames go on training; none is consumed, so none is sent.
        QTRY_VERIFY_WITH_TIMEOUT(trainedSteps(h.worker) >= 5, scaledMs(10000));
        h.call(&FieldWorker::setPlaying, false); // snapshot 3 (forced)
        flushWorker(h.worker);
        QCOMPARE(h.playing.size(), 2);
        QCOMPARE(h.snaps.size(), 3);
        QVERIFY(h.snaps.last().step >= 5);
        // Consuming lets the next frame through, carrying every loss since.
        h.worker->snapshotConsumed();
        h.call(&FieldWorker::stepOnce);
        QTRY_COMPARE_WITH_TIMEOUT(h.snaps.size(), 4, scaledMs(5000));
        QCOMPARE(h.snaps[3].step, h.snaps[2].step + 1);
    }
    void liveSigmaChangesTheIdealField() {
        Harness h;
        h.call(&FieldWorker::reset, tinyFieldConfig());
        QTRY_COMPARE_WITH_TIMEOUT(h.snaps.size(), 1, scaledMs(5000));
        auto c = tinyFieldConfig();
        c.sigma = 0.3f;
        h.worker->snapshotConsumed();
        h.call(&FieldWorker::applySettings, c);
        QTRY_COMPARE_WITH_TIMEOUT(h.snaps.size(), 2, scaledMs(5000));
        const auto a = h.snaps[0], b = h.snaps[1];
        QVERIFY(a.view.idealDx != b.view.idealDx);
        QCOMPARE(a.run, b.run); // same run, not a reset
    }
    void badDataReportsAndKeepsRunning() {
        Harness h;
        h.call(&FieldWorker::reset, tinyFieldConfig());
        auto c = tinyFieldConfig();
        c.data.kind = aelab::Toy2DKind::Csv;
        c.data.csvPath = "/no/such/file.csv";
        h.call(&FieldWorker::applySettings, c);
        QTRY_COMPARE_WITH_TIMEOUT(h.failures.size(), 1, scaledMs(5000));
        QVERIFY(h.failures[0].contains("/no/such/file.csv"));
        h.worker->snapshotConsumed();
        h.call(&FieldWorker::stepOnce);
        QTRY_COMPARE_WITH_TIMEOUT(h.snaps.size(), 2, scaledMs(5000));
        QCOMPARE(h.snaps.last().step, 1LL);
    }
    void divergencePausesWithAMessage() {
        Harness h;
        auto c = tinyFieldConfig();
        c.learningRate = 1e30f;
        h.call(&FieldWorker::reset, c);
        h.call(&FieldWorker::setStepsPerFrame, 20);
        h.call(&FieldWorker::setPlaying, true);
        QTRY_COMPARE_WITH_TIMEOUT(h.failures.size(), 1, scaledMs(10000));
        QVERIFY(h.failures[0].contains("learning rate"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.playing.isEmpty() && !h.playing.last(), scaledMs(5000));
    }
    void quittingWhileTrainingIsClean() {
        for (int round = 0; round < 5; ++round) {
            Harness h;
            h.call(&FieldWorker::reset, tinyFieldConfig());
            h.call(&FieldWorker::setStepsPerFrame, 0);
            h.call(&FieldWorker::setPlaying, true);
            // Quit at a different point of training each round.
            QTRY_VERIFY_WITH_TIMEOUT(trainedSteps(h.worker) >= 20 * round, scaledMs(10000));
        } // ~Harness: shutdown, quit, wait; a hang or crash fails the test
    }
};

QTEST_MAIN(TestFieldWorker)
#include "tst_field_worker.moc"
