// Hammers the worker-thread hand-off: hundreds of start, stop, step, reset
// and live-setting requests in a seeded random order while snapshots stream
// back, then labs destroyed while they train. Under the tsan preset this is
// the race detector's workload; in every build it checks that the last
// setting asked for is the one in force, that training went on, and that
// quitting mid-training returns.
#include "field_lab.h"
#include "field_test_config.h"
#include "field_worker.h"
#include "interp_lab.h"
#include "torch_threads.h"

#include <QThread>
#include <QtTest>

#include <random>

class TestWorkerHammer : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        qRegisterMetaType<FieldSnapshot>();
        qRegisterMetaType<aelab::FieldConfig>();
        aelab::setTorchThreads(1);
    }

    void fieldWorkerTakesEveryRequestInOrder() {
        QThread thread;
        auto* worker = new FieldWorker;
        worker->moveToThread(&thread);
        connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        QObject receiver;
        FieldSnapshot last;
        int snapshots = 0;
        connect(
            worker, &FieldWorker::snapshotReady, &receiver,
            [&](const FieldSnapshot& s) {
                last = s;
                ++snapshots;
                worker->snapshotConsumed(); // from this thread, as the GUI does
            },
            Qt::QueuedConnection);
        thread.start();

        std::mt19937 rng(7);
        aelab::FieldConfig c = tinyFieldConfig();
        QMetaObject::invokeMethod(worker, "reset", Q_ARG(aelab::FieldConfig, c));
        for (int i = 0; i < 400; ++i) {
            switch (rng() % 6) {
            case 0:
                QMetaObject::invokeMethod(worker, "setPlaying", Q_ARG(bool, true));
                break;
            case 1:
                QMetaObject::invokeMethod(worker, "setPlaying", Q_ARG(bool, false));
                break;
            case 2:
                QMetaObject::invokeMethod(worker, "stepOnce");
                break;
            case 3:
                c.sigma = 0.05f + 0.01f * float(rng() % 10);
                c.learningRate = 1e-3f * float(1 + rng() % 5);
                QMetaObject::invokeMethod(worker, "applySettings", Q_ARG(aelab::FieldConfig, c));
                break;
            case 4:
                QMetaObject::invokeMethod(worker, "setStepsPerFrame", Q_ARG(int, int(rng() % 4)));
                break;
            case 5:
                if (rng() % 8 == 0)
                    QMetaObject::invokeMethod(worker, "reset", Q_ARG(aelab::FieldConfig, c));
                break;
            }
            if (i % 10 == 0) QCoreApplication::processEvents(); // snapshots meet requests
        }
        // A final, known state: the last settings, then a step.
        c.sigma = 0.123f;
        QMetaObject::invokeMethod(worker, "applySettings", Q_ARG(aelab::FieldConfig, c));
        QMetaObject::invokeMethod(worker, "stepOnce");
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(last.sigma - 0.123) < 1e-6 && !last.playing, 20000);
        QVERIFY(last.step > 0);
        QVERIFY(snapshots > 10);
        QMetaObject::invokeMethod(worker, "shutdown", Qt::BlockingQueuedConnection);
        thread.quit();
        QVERIFY(thread.wait(10000));
    }

    void labsQuitWhileTraining() {
        for (int round = 0; round < 3; ++round) {
            auto* field = new FieldLab;
            QMetaObject::invokeMethod(field->fieldWorker(), "setStepsPerFrame", Q_ARG(int, 0));
            field->setPlaying(true);
            QTRY_VERIFY_WITH_TIMEOUT(field->lastSnapshot().step > 50, 20000);
            field->reset(true); // a new run requested while training
            field->setPlaying(false);
            field->setPlaying(true);
            delete field; // must stop the worker between batches and return
        }
        auto* interp = new InterpLab;
        interp->show(); // its data load on first show
        interp->toggleTraining();
        QTRY_VERIFY_WITH_TIMEOUT(interp->lastSnapshot().step > 0, 30000);
        interp->toggleTraining();
        interp->toggleTraining();
        delete interp; // a conv step in flight: the destructor waits for it, then returns
    }
};

QTEST_MAIN(TestWorkerHammer)
#include "tst_worker_hammer.moc"
