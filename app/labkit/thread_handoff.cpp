#include "app/labkit/thread_handoff.h"

namespace aelab::handoff {
void Waiter::finish() {
    const std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
    cv_.notify_all();
}

bool Waiter::wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return finished_; });
    return ran;
}
} // namespace aelab::handoff

#ifdef AELAB_HANDOFF_GATE
namespace aelab::handoff {
namespace {
std::recursive_mutex& gate() {
    static std::recursive_mutex m;
    return m;
}

// Qt calls this on the receiving thread before it delivers any event: a
// queued call first passes the gate its sender held while posting it.
// Every event, not only QEvent::MetaCall: reading the event's type before
// passing would itself read what the sender wrote.
bool beforeDelivery(void** /*receiver, event, result*/) {
    passGate();
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
} // namespace aelab::handoff
#endif
