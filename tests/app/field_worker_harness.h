#pragma once
// What the tests that drive a FieldWorker on its own thread share: a model
// small enough to train quickly, the one-time set-up, and a harness that
// records what the worker emits.
#include "core/field/field_types.h"
#include "app/labs/field/field_worker.h"
#include "app/labkit/thread_handoff.h"
#include "core/training/torch_threads.h"

#include <QThread>

#include <climits>

namespace aelab {

inline aelab::FieldConfig tinyFieldConfig() {
    aelab::FieldConfig c;
    c.data.count = 200;
    c.width = 16;
    c.gridSize = 16;
    c.batchSize = 32;
    return c;
}

// For initTestCase: snapshots and configs cross threads; one Torch thread.
inline void prepareFieldWorkerTests() {
    qRegisterMetaType<FieldSnapshot>();
    qRegisterMetaType<aelab::FieldConfig>();
    aelab::setTorchThreads(1);
}

// Runs a worker on its own thread and records what it emits. The records are
// made on this (the test's) thread through the labs' hand-off: a QSignalSpy
// would be written from the worker's thread while the test reads it. With
// consume set, each snapshot is marked drawn as the GUI would, so the worker
// keeps publishing; without, frames are dropped once one is pending.
struct Harness {
    QThread thread;
    FieldWorker* worker = new FieldWorker;
    QObject receiver;
    QVector<FieldSnapshot> snaps;
    QStringList failures;
    QVector<bool> playing;
    bool consume = false;
    Harness() {
        worker->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        handoff::connect(worker, &FieldWorker::snapshotReady, &receiver,
                         [this](const FieldSnapshot& s) {
                             snaps.append(s);
                             if (consume) worker->snapshotConsumed();
                         });
        handoff::connect(worker, &FieldWorker::failed, &receiver,
                         [this](const QString& m) { failures.append(m); });
        handoff::connect(worker, &FieldWorker::playingChanged, &receiver,
                         [this](bool on) { playing.append(on); });
        thread.start();
    }
    ~Harness() {
        if (thread.isRunning()) stop(ULONG_MAX);
    }
    // Stops training between batches and ends the thread; false if the
    // thread did not end within ms.
    bool stop(unsigned long ms) {
        handoff::call(worker, &FieldWorker::shutdown);
        thread.quit();
        return thread.wait(ms);
    }
    template <typename Method, typename... Args> void call(Method method, Args&&... args) {
        handoff::post(worker, method, std::forward<Args>(args)...);
    }
};

} // namespace aelab
