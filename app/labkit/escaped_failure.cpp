#include "app/labkit/escaped_failure.h"

#include <QTextStream>

#include <exception>
#include <new>

namespace aelab {

bool routeEscapedFailure(QObject* receiver, const QString& what) {
    for (QObject* o = receiver; o; o = o->parent())
        if (auto* sink = dynamic_cast<EscapedFailureSink*>(o)) {
            sink->escapedFailure(what);
            return true;
        }
    QTextStream(stderr) << "aelab: " << what << " (the app keeps running)\n";
    return false;
}

bool GuardedApplication::notify(QObject* receiver, QEvent* event) {
    try {
        return QApplication::notify(receiver, event);
    } catch (const std::bad_alloc&) {
        routeEscapedFailure(receiver, tr("out of memory; choose smaller sizes and start again"));
    } catch (const std::exception& e) {
        const QString what = QString::fromUtf8(e.what()).section('\n', 0, 0);
        routeEscapedFailure(receiver, what.contains("can't allocate memory")
                                          ? tr("out of memory; choose smaller sizes and start "
                                               "again")
                                          : what);
    } catch (...) {
        routeEscapedFailure(receiver, tr("an unknown error"));
    }
    return false;
}

} // namespace aelab
