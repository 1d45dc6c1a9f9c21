#include "app/labkit/lab_thread.h"
#include "app/labkit/thread_handoff.h"

namespace aelab {

LabThread::LabThread(const QString& name) {
    thread_.setObjectName(name);
    thread_.start();
}

LabThread::~LabThread() {
    stop();
}

void LabThread::adoptObject(QObject* worker, std::function<void()> shutdown) {
    worker->moveToThread(&thread_);
    QObject::connect(&thread_, &QThread::finished, worker, &QObject::deleteLater);
    workers_.emplace_back(worker, std::move(shutdown));
}

void LabThread::stop() {
    if (!thread_.isRunning()) return;
    for (auto it = workers_.rbegin(); it != workers_.rend(); ++it)
        handoff::runAndWait(it->first, it->second);
    thread_.requestInterruption();
    thread_.quit();
    thread_.wait();
}

} // namespace aelab
