#pragma once
// A barrier, not a sleep: waits until a worker's thread has handled every
// call posted to it so far, then delivers on this thread what the worker
// sent back meanwhile (its snapshots, failures and state changes).
#include "app/labkit/thread_handoff.h"

#include <QCoreApplication>

namespace aelab {

inline void flushWorker(QObject* worker) {
    handoff::runAndWait(worker, [] {});
    QCoreApplication::sendPostedEvents();
}

} // namespace aelab
