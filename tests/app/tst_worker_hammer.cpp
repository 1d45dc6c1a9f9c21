// Hammers the worker-thread hand-off: hundreds of start, stop, step, reset
// and live-setting requests in a seeded random order while snapshots stream
// back, then labs destroyed while they train. Under the tsan preset this is
// the race detector's workload; in every build it checks that the last
// setting asked for is the one in force, that training went on, and that
// quitting mid-training returns.
#include "tests/test_time.h"
#include "app/labs/field/field_lab.h"
#include "tests/app/field_worker_harness.h"
#include "app/labs/interp/interp_lab.h"

#include <QtTest>

#include "tests/test_warnings.h"

#include <random>

using namespace aelab;

class TestWorkerHammer : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void initTestCase() { prepareFieldWorkerTests(); }

    void fieldWorkerTakesEveryRequestInOrder() {
        Harness h;
        h.consume = true; // as the GUI: every snapshot drawn, so they keep coming
        std::mt19937 rng(7);
        aelab::FieldConfig c = tinyFieldConfig();
        h.call(&FieldWorker::reset, c);
        for (int i = 0; i < 400; ++i) {
            switch (rng() % 6) {
            case 0:
                h.call(&FieldWorker::setPlaying, true);
                break;
            case 1:
                h.call(&FieldWorker::setPlaying, false);
                break;
            case 2:
                h.call(&FieldWorker::stepOnce);
                break;
            case 3:
                c.sigma = 0.05f + 0.01f * float(rng() % 10);
                c.learningRate = 1e-3f * float(1 + rng() % 5);
                h.call(&FieldWorker::applySettings, c);
                break;
            case 4:
                h.call(&FieldWorker::setStepsPerFrame, int(rng() % 4));
                break;
            case 5:
                if (rng() % 8 == 0) h.call(&FieldWorker::reset, c);
                break;
            }
            if (i % 10 == 0) QCoreApplication::processEvents(); // snapshots meet requests
        }
        // A final, known state: the last settings, then a step.
        c.sigma = 0.123f;
        h.call(&FieldWorker::applySettings, c);
        h.call(&FieldWorker::stepOnce);
        QTRY_VERIFY_WITH_TIMEOUT(!h.snaps.isEmpty() &&
                                     std::abs(h.snaps.last().sigma - 0.123) < 1e-6 &&
                                     !h.snaps.last().playing,
                                 scaledMs(20000));
        QVERIFY(h.snaps.last().step > 0);
        QVERIFY(h.snaps.size() > 10);
        QVERIFY(h.stop(10000)); // quitting returns
    }

    void labsQuitWhileTraining() {
        for (int round = 0; round < 3; ++round) {
            auto* field = new FieldLab;
            handoff::post(field->fieldWorker(), &FieldWorker::setStepsPerFrame, 0);
            field->setPlaying(true);
            QTRY_VERIFY_WITH_TIMEOUT(field->lastSnapshot().step > 50, scaledMs(20000));
            field->reset(true); // a new run requested while training
            field->setPlaying(false);
            field->setPlaying(true);
            delete field; // must stop the worker between batches and return
        }
        auto* interp = new InterpLab;
        interp->show(); // its data load on first show
        interp->toggleTraining();
        QTRY_VERIFY_WITH_TIMEOUT(interp->lastSnapshot().step > 0, scaledMs(30000));
        interp->toggleTraining();
        interp->toggleTraining();
        delete interp; // a conv step in flight: the destructor waits for it, then returns
    }
};

QTEST_MAIN(TestWorkerHammer)
#include "tst_worker_hammer.moc"
