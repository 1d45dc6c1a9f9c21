#include "thread_handoff.h"

#ifdef AELAB_HANDOFF_GATE
#include <QEvent>

#include <mutex>

namespace handoff {
namespace {
std::recursive_mutex& gate() {
    static std::recursive_mutex m;
    return m;
}

// Qt calls this on the receiving thread before it delivers any event; a
// queued call (QEvent::MetaCall) first passes the gate its sender held.
bool beforeDelivery(void** data) {
    const auto* event = static_cast<const QEvent*>(data[1]);
    if (event && event->type() == QEvent::MetaCall) passGate();
    return false; // deliver as usual
}
} // namespace

Sending::Sending() {
    gate().lock();
}

Sending::~Sending() {
    gate().unlock();
}

void passGate() {
    const std::lock_guard<std::recursive_mutex> pass(gate());
}

void watchDeliveries() {
    static std::once_flag once;
    std::call_once(
        once, [] { QInternal::registerCallback(QInternal::EventNotifyCallback, beforeDelivery); });
}
} // namespace handoff
#endif
