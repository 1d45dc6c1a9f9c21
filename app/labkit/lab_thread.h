#pragma once
// A lab's worker thread. Every lab trains on a thread of its own: the
// workers it adopts move onto it (and are deleted with it), and when the lab
// goes, stop() runs each worker's shutdown on the thread, the last adopted
// first, then ends the thread. The GUI thread never trains.
#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <utility>
#include <vector>

namespace aelab {

class LabThread {
  public:
    explicit LabThread(const QString& name);
    ~LabThread();
    LabThread(const LabThread&) = delete;
    LabThread& operator=(const LabThread&) = delete;

    // Moves worker onto this thread; its shutdown() runs there at stop().
    template <class Worker> Worker* adopt(Worker* worker) {
        adoptObject(worker, [worker] { worker->shutdown(); });
        return worker;
    }
    void adoptObject(QObject* worker, std::function<void()> shutdown);
    // Shuts the workers down between their batches and ends the thread; once.
    void stop();
    QThread* thread() { return &thread_; }

  private:
    QThread thread_;
    std::vector<std::pair<QObject*, std::function<void()>>> workers_;
};

} // namespace aelab
