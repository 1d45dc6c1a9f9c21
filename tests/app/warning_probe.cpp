// Not a test of the app: the proof that a Qt warning fails a test run. It
// calls a method by a name that does not exist, as the labs once did for
// every cross-thread call; Qt only warns ("No such method"), and
// failOnWarnings() turns that warning into a failed test. CTest runs it as
// warning_fails_the_test and passes when Qt Test reports exactly that failure.

#include "tests/test_warnings.h"

#include <QObject>
#include <QtTest>

class TestWarningProbe : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void callingAnUnknownMethodFails() {
        QObject target;
        QMetaObject::invokeMethod(&target, "renamedLongAgo", Qt::QueuedConnection);
    }
};

QTEST_GUILESS_MAIN(TestWarningProbe)
#include "warning_probe.moc"
