// Built and run under the tsan preset only: shows that ThreadSanitizer, with
// tests/sanitizers/tsan.supp, still judges our code. `gate`: values sent
// through app/thread_handoff, no report. `plain`: the same values by a plain
// queued QMetaObject::invokeMethod, reported (what the gate is for). `race`:
// a variable written by both threads without a hand-off, reported.
#include "app/labkit/thread_handoff.h"
#include <QCoreApplication>
#include <QThread>
#include <QVector>
#include <cstdio>
#include <cstring>

using namespace aelab;

class Sink : public QObject {
    Q_OBJECT
  public:
    long sum = 0;
    int* shared = nullptr;
  public slots:
    void take(const QVector<int>& v) {
        for (int x : v)
            sum += x;
    }
    void poke() {
        if (shared) *shared += 1;
    } // races with main on purpose
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    qRegisterMetaType<QVector<int>>();
    const char* mode = argc > 1 ? argv[1] : "gate";
    QThread thread;
    Sink* sink = new Sink;
    sink->moveToThread(&thread);
    thread.start();
    static int shared = 0;
    for (int i = 0; i < 200; ++i) {
        QVector<int> v(64, i);
        if (!std::strcmp(mode, "plain"))
            QMetaObject::invokeMethod(
                sink, [sink, v] { sink->take(v); }, Qt::QueuedConnection);
        else
            handoff::post(sink, &Sink::take, v);
    }
    if (!std::strcmp(mode, "race")) {
        handoff::runAndWait(sink, [&] { sink->shared = &shared; });
        for (int i = 0; i < 5; ++i) {
            handoff::post(sink, &Sink::poke);
            shared += 1; // after the post: nothing orders it with poke's write
        }
    }
    long sum = 0;
    handoff::runAndWait(sink, [&] { sum = sink->sum; });
    std::printf("%s: sum %ld\n", mode, sum);
    thread.quit();
    thread.wait();
    delete sink;
}
#include "tsan_probe.moc"
