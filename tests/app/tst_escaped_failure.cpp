// What escapes a slot, on a worker's thread or the GUI's, stops that worker
// with a message and the app keeps running (app/labkit/escaped_failure.h).
// Runs under GuardedApplication, as the app does.
#include "app/labkit/escaped_failure.h"
#include "app/labkit/lab_thread.h"

#include <QSignalSpy>
#include <QtTest>

#include "tests/test_warnings.h"

#include <atomic>
#include <stdexcept>

using namespace aelab;

class ThrowingWorker : public QObject, public EscapedFailureSink {
    Q_OBJECT
  public:
    std::atomic<int> calls{0};
    std::atomic<bool> stoppedOnItsThread{false};
    void escapedFailure(const QString& what) override {
        stoppedOnItsThread = QThread::currentThread() == thread();
        emit failed(what);
    }
    void shutdown() {}
  signals:
    void failed(const QString& message);
};

class TestEscapedFailure : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void aThrowingSlotStopsItsWorkerNotTheApp() {
        LabThread thread("test worker");
        auto* worker = thread.adopt(new ThrowingWorker);
        QSignalSpy failed(worker, &ThrowingWorker::failed);
        QMetaObject::invokeMethod(
            worker, [] { throw std::runtime_error("no memory for 1e9 particles\nbacktrace"); },
            Qt::QueuedConnection);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QString("no memory for 1e9 particles"));
        QVERIFY(worker->stoppedOnItsThread);
        // The thread's event loop lives on: the next request runs.
        QMetaObject::invokeMethod(
            worker, [worker] { ++worker->calls; }, Qt::QueuedConnection);
        QTRY_COMPARE(worker->calls.load(), 1);
        thread.stop();
    }
    void aChildOfAWorkerReportsThroughIt() {
        LabThread thread("test worker");
        auto* worker = thread.adopt(new ThrowingWorker);
        QSignalSpy failed(worker, &ThrowingWorker::failed);
        QObject* child = nullptr;
        QMetaObject::invokeMethod(
            worker, [&] { child = new QObject(worker); }, Qt::BlockingQueuedConnection);
        QMetaObject::invokeMethod(
            child, [] { throw std::bad_alloc(); }, Qt::QueuedConnection);
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains("out of memory"));
        thread.stop();
    }
};

int main(int argc, char** argv) {
    GuardedApplication app(argc, argv);
    TestEscapedFailure test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_escaped_failure.moc"
