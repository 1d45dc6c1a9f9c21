#pragma once
// The one policy for what a lab's code did not catch itself (reliability.md,
// class 3). An exception that escapes a slot or an event handler, on the GUI
// thread or a worker's, would end the program (Qt's event loop is not
// exception-safe): the application catches it where every event passes
// (QCoreApplication::notify) and hands it to the worker it escaped from,
// which stops and says so in its lab; the app keeps running.
#include <QApplication>
#include <QString>

namespace aelab {

// Workers implement this: stop what they were doing and report `what` in
// their lab (through their own failed signal). Called on the worker's thread.
class EscapedFailureSink {
  public:
    virtual void escapedFailure(const QString& what) = 0;

  protected:
    ~EscapedFailureSink() = default;
};

// Hands `what` to the nearest sink among receiver and its parents; false,
// having written it to stderr, when there is none.
bool routeEscapedFailure(QObject* receiver, const QString& what);

// The GUI's application object: notify() with the policy above.
class GuardedApplication : public QApplication {
  public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override;
};

} // namespace aelab
