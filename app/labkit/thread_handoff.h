#pragma once
// How requests reach a worker's thread and results come back: every
// crossing goes through these, so ThreadSanitizer can judge it.
//
// Values cross threads only by queued calls (requests to a worker) and
// queued signals (snapshots back), as ARCHITECTURE.md asks; Qt copies the
// arguments and orders the delivery with its own mutexes. In a Qt not built
// for ThreadSanitizer (Debian's), those mutexes are invisible to it, so it
// took every value that crossed for a race. Under ThreadSanitizer these
// helpers mirror Qt's ordering with one gate TSan can see: a sender holds it
// while Qt copies the arguments and posts the call, and every queued call
// passes it before it is delivered (a Qt event callback). In other builds
// the gate is empty; the calls are the same.
#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <tuple>
#include <type_traits>
#include <utility>

namespace aelab::handoff {

#if defined(__SANITIZE_THREAD__)
#define AELAB_HANDOFF_GATE 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define AELAB_HANDOFF_GATE 1
#endif
#endif

#ifdef AELAB_HANDOFF_GATE
// Held while a call is posted (recursively: a posted call may post again).
class Sending {
  public:
    Sending();
    ~Sending();
    Sending(const Sending&) = delete;
    Sending& operator=(const Sending&) = delete;
};
void passGate();        // what the receiving side does: acquire, release
void watchDeliveries(); // installs the event callback once
#else
class Sending {};
inline void passGate() {}
inline void watchDeliveries() {}
#endif

// What runAndWait waits on: finish() once the queued call ran or was dropped.
class Waiter {
  public:
    void finish();
    bool wait();      // true if the call ran
    bool ran = false; // written by the call, read after wait()

  private:
    std::mutex mutex_;
    std::condition_variable cv_;
    bool finished_ = false;
};

// Queues f() on receiver's thread; f is copied now. A callable, never a
// method's name in a string: a renamed method must not compile.
template <class F, class = std::enable_if_t<std::is_invocable_v<std::decay_t<F>&>>>
bool post(QObject* receiver, F&& f) {
    watchDeliveries();
    [[maybe_unused]] const Sending sending;
    return QMetaObject::invokeMethod(receiver, std::forward<F>(f), Qt::QueuedConnection);
}

// Queues (receiver->*method)(args...) on receiver's thread. The arguments
// are copied now, as the method's parameter types, on the sender's thread.
template <class Receiver, class Object, class Result, class... Params, class... Args>
bool post(Receiver* receiver, Result (Object::*method)(Params...), Args&&... args) {
    static_assert(std::is_base_of_v<Object, Receiver>, "method of another class");
    static_assert(sizeof...(Params) == sizeof...(Args), "give every argument");
    return post(receiver, [receiver, method,
                           copies = std::tuple<std::decay_t<Params>...>(
                               std::forward<Args>(args)...)]() mutable {
        std::apply([&](auto&... a) { (receiver->*method)(a...); }, copies);
    });
}

// Runs f on receiver's thread and waits until it has run there, or until
// the call was dropped because receiver went away; true if f ran. Waits on
// a std::condition_variable rather than Qt::BlockingQueuedConnection, whose
// wait and whose freeing of the call after it TSan cannot order.
template <class F> bool runAndWait(QObject* receiver, F&& f) {
    if (receiver->thread() == QThread::currentThread()) {
        f();
        return true;
    }
    auto waiter = std::make_shared<Waiter>();
    {
        // The call holds a copy of token; whichever copy goes last (the
        // call ran, or was dropped with its receiver) finishes the wait.
        const std::shared_ptr<void> token(nullptr, [waiter](void*) { waiter->finish(); });
        post(receiver, [&f, waiter, token] {
            f();
            waiter->ran = true;
        });
    }
    return waiter->wait();
}

namespace detail {
// Runs f on receiver's thread, waits, and returns its answer (a default
// value if receiver went away first).
template <class Result, class F> Result answer(QObject* receiver, F&& f) {
    if constexpr (std::is_void_v<Result>) {
        runAndWait(receiver, f);
    } else {
        Result result{};
        runAndWait(receiver, [&] { result = f(); });
        return result;
    }
}
} // namespace detail

// Calls (receiver->*method)(args...) on receiver's thread, waits, and
// returns its answer (a default value if receiver went away first).
template <class Receiver, class Object, class Result, class... Params, class... Args>
Result call(Receiver* receiver, Result (Object::*method)(Params...), Args&&... args) {
    static_assert(std::is_base_of_v<Object, Receiver>, "method of another class");
    return detail::answer<Result>(receiver,
                                  [&] { return (receiver->*method)(std::forward<Args>(args)...); });
}

// The same for a const method.
template <class Receiver, class Object, class Result, class... Params, class... Args>
Result call(Receiver* receiver, Result (Object::*method)(Params...) const, Args&&... args) {
    static_assert(std::is_base_of_v<Object, Receiver>, "method of another class");
    return detail::answer<Result>(receiver,
                                  [&] { return (receiver->*method)(std::forward<Args>(args)...); });
}

namespace detail {
// Runs a connected slot with the signal's arguments: a member of receiver, a
// callable that takes them, or one that ignores them. A function template,
// so only the branch that applies is compiled (in every compiler).
template <class Receiver, class Slot, class... Args>
void deliver(Receiver* receiver, Slot& slot, const Args&... args) {
    if constexpr (std::is_member_function_pointer_v<Slot>)
        (receiver->*slot)(args...);
    else if constexpr (std::is_invocable_v<Slot&, const Args&...>)
        slot(args...);
    else
        slot();
}
} // namespace detail

// Connects a signal to a slot (or function) of an object on another thread:
// the signal's arguments are copied on the sender's thread and the slot runs
// queued on the receiver's, as a Qt::QueuedConnection would. The receiver
// must outlive the sender's thread (the labs stop their workers first).
template <class Sender, class Signal, class Receiver, class Slot>
QMetaObject::Connection connect(Sender* sender, Signal signal, Receiver* receiver, Slot slot) {
    watchDeliveries();
    auto forward = [receiver, slot](const auto&... args) {
        [[maybe_unused]] const Sending sending;
        QMetaObject::invokeMethod(
            receiver,
            [receiver, slot, args...]() mutable { detail::deliver(receiver, slot, args...); },
            Qt::QueuedConnection);
    };
    return QObject::connect(sender, signal, receiver, forward, Qt::DirectConnection);
}

} // namespace aelab::handoff
