// The hand-off every lab uses between the GUI thread and its worker's:
// requests arrive in order on the worker's thread, a signal's arguments are
// copied when it is emitted, blocking calls return the worker's answer, and
// (under the tsan preset) none of it is reported as a race.
#include "tests/test_time.h"
#include "app/labkit/thread_handoff.h"

#include <QThread>
#include <QVector>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

// Lives on the other thread: records requests, answers, and emits.
class Echo : public QObject {
    Q_OBJECT
  public:
    QVector<int> seen; // written only on Echo's thread
    QThread* ranOn = nullptr;

  public slots:
    void take(int value) {
        seen.append(value);
        ranOn = QThread::currentThread();
    }
    int count() const { return int(seen.size()); }
    void send(int n) {
        QVector<int> values;
        for (int i = 0; i < n; ++i) {
            values.append(i);
            emit sent(values); // each emit's copy, not the vector as it ends up
            emit number(i);
        }
        values.fill(-1);
        emit done();
    }

  signals:
    void sent(const QVector<int>& values);
    void number(int value);
    void done();
};

class TestThreadHandoff : public QObject {
    Q_OBJECT
    QThread thread_;
    Echo* echo_ = nullptr;

  private slots:
    void init() {
        failOnWarnings();
        echo_ = new Echo;
        echo_->moveToThread(&thread_);
        connect(&thread_, &QThread::finished, echo_, &QObject::deleteLater);
        thread_.start();
    }
    void cleanup() {
        // Quit from the worker's thread, through the hand-off: Echo is
        // deleted there, after what this thread did with it (a receiver's
        // destructor reads its sender's meta-object).
        handoff::runAndWait(echo_, [] { QThread::currentThread()->quit(); });
        QVERIFY(thread_.wait(scaledMs(10000)));
    }

    void postedCallsArriveInOrderOnTheWorkersThread() {
        for (int i = 0; i < 500; ++i)
            handoff::post(echo_, &Echo::take, i);
        int count = 0;
        QTRY_VERIFY_WITH_TIMEOUT((count = handoff::call(echo_, &Echo::count), count == 500),
                                 scaledMs(10000));
        QVector<int> seen;
        QThread* ranOn = nullptr;
        QVERIFY(handoff::runAndWait(echo_, [&] {
            seen = echo_->seen;
            ranOn = QThread::currentThread();
        }));
        QCOMPARE(ranOn, &thread_);
        QCOMPARE(echo_->ranOn, &thread_);
        for (int i = 0; i < 500; ++i)
            QCOMPARE(seen[i], i);
    }

    void signalsCarryACopyMadeWhenEmitted() {
        QObject receiver;
        QVector<QVector<int>> got;
        QVector<QThread*> threads;
        int ignoredArguments = 0;
        handoff::connect(echo_, &Echo::sent, &receiver, [&](const QVector<int>& values) {
            got.append(values);
            threads.append(QThread::currentThread());
        });
        handoff::connect(echo_, &Echo::sent, &receiver, [&] { ++ignoredArguments; });
        bool done = false;
        handoff::connect(echo_, &Echo::done, &receiver, [&] { done = true; });
        handoff::post(echo_, &Echo::send, 50);
        QTRY_VERIFY_WITH_TIMEOUT(done, scaledMs(10000));
        QCOMPARE(got.size(), 50);
        QCOMPARE(ignoredArguments, 50);
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(got[i].size(), i + 1); // in emit order, each as it was then
            QCOMPARE(got[i].last(), i);
            QCOMPARE(threads[i], QThread::currentThread());
        }
    }

    void aMemberSlotRunsOnItsObjectsThread() {
        Echo sink; // lives on this thread
        handoff::connect(echo_, &Echo::number, &sink, &Echo::take);
        bool done = false;
        handoff::connect(echo_, &Echo::done, &sink, [&] { done = true; });
        handoff::post(echo_, &Echo::send, 3);
        QTRY_VERIFY_WITH_TIMEOUT(done, scaledMs(10000));
        QCOMPARE(sink.seen, (QVector<int>{0, 1, 2}));
        QCOMPARE(sink.ranOn, QThread::currentThread());
    }
};

QTEST_GUILESS_MAIN(TestThreadHandoff)
#include "tst_thread_handoff.moc"
