/* Handles at the front door.  aio.h includes this for the chapters (and
 * every program outside common/): each function of aio.h that takes or
 * gives a coroutine, Future, Task, Timeout or awaitable is wrapped in a
 * macro of the same name that checks what comes in and tags what goes out
 * (machinery/object.h).  Inside common/ (AIO_INTERNAL, set by the
 * Makefile) none of this exists: pointers there are plain.
 *
 * A handle whose object is gone is refused in one line naming the call,
 * with one exception that keeps CPython's behaviour: a coroutine goes
 * only once it has finished, so a gone coroutine is a finished one, and
 * awaiting it (or making a Task of it, or running it) raises the
 * RuntimeError "cannot reuse already awaited coroutine" as it always did. */
#ifndef AIO_HANDLES_H
#define AIO_HANDLES_H

#include "object.h"

aio_coro *aio_coro_spent(void); /* coroutine.c */

/* The object behind handle `h` (a `what`, passed to `api`), or a refusal. */
static inline void *aio_in_(const void *h, const char *what, const char *api)
{
    void *p = aio_object_from_handle(h, NULL);
    if (!p && h)
        aio_object_gone(h, what, api);
    return p;
}

static inline void *aio_out_(const void *p) { return aio_object_handle(p); }

static inline aio_coro *aio_coro_in_(const aio_coro *h)
{
    void *p = aio_object_from_handle(h, NULL);
    return p || !h ? p : aio_coro_spent();
}

aio_awaitable *aio_awaitable_arg(const aio_awaitable *handle, const char *api); /* awaitable.c */
static inline aio_awaitable *aio_awaitable_in_(const aio_awaitable *h) { return aio_awaitable_arg(h, "await"); }

#define aio_future_in_(h, api) ((aio_future *)aio_in_(aio_future_checked_(h), "Future", (api)))
#define aio_task_in_(h, api) ((aio_task *)aio_in_(aio_task_checked_(h), "Task", (api)))
#define aio_timeout_in_(h, api) ((aio_timeout *)aio_in_(aio_timeout_checked_(h), "Timeout", (api)))
/* Only there for the compiler's type check of the argument. */
static inline const void *aio_future_checked_(const aio_future *h) { return h; }
static inline const void *aio_task_checked_(const aio_task *h) { return h; }
static inline const void *aio_timeout_checked_(const aio_timeout *h) { return h; }

/* The conversions to Awaitable: checked on the way in, and plain (for
 * aio_await() below), or tagged again (for aio_as_awaitable()). */
static inline aio_awaitable *aio_coro_awaitable_in_(aio_coro *c) { return (aio_coro_awaitable)(aio_coro_in_(c)); }
static inline aio_awaitable *aio_future_awaitable_in_(aio_future *f)
{
    return (aio_future_awaitable)(aio_future_in_(f, "await"));
}
static inline aio_awaitable *aio_task_awaitable_in_(aio_task *t) { return (aio_task_awaitable)(aio_task_in_(t, "await")); }
static inline aio_awaitable *aio_coro_awaitable_(aio_coro *c) { return aio_out_(aio_coro_awaitable_in_(c)); }
static inline aio_awaitable *aio_future_awaitable_(aio_future *f) { return aio_out_(aio_future_awaitable_in_(f)); }
static inline aio_awaitable *aio_task_awaitable_(aio_task *t) { return aio_out_(aio_task_awaitable_in_(t)); }

/* ---- 1-1 coroutines, 1-2 run, 1-3 await, 1-4 sleep ---------------------- */
#define aio_coro_new(name, fn, arg) ((aio_coro *)aio_out_((aio_coro_new)((name), (fn), (arg))))
#define aio_coro_new2(name, fn, a, b) ((aio_coro *)aio_out_((aio_coro_new2)((name), (fn), (a), (b))))
#define aio_coro_repr(coro, buf, size) (aio_coro_repr)(aio_coro_in_(coro), (buf), (size))
#define aio_run(main, result) (aio_run)(aio_coro_in_(main), (result))
#define aio_await_awaitable(a, result) (aio_await_awaitable)(aio_awaitable_in_(a), (result))
/* await x: x is checked once and goes in plain, rather than tagged again
 * by aio_as_awaitable() for aio_await_awaitable() to check again. */
#undef aio_await
#define aio_await(x, result) (aio_await_awaitable)(_Generic((x), \
        aio_coro *: aio_coro_awaitable_in_,                     \
        aio_future *: aio_future_awaitable_in_,                 \
        aio_task *: aio_task_awaitable_in_,                     \
        aio_awaitable *: aio_awaitable_in_)(x), (result))
#define aio_coro_awaitable(c) aio_coro_awaitable_(c)
#define aio_future_awaitable(f) aio_future_awaitable_(f)
#define aio_task_awaitable(t) aio_task_awaitable_(t)
#undef aio_as_awaitable
#define aio_as_awaitable(x) _Generic((x),        \
        aio_coro *: aio_coro_awaitable_,         \
        aio_future *: aio_future_awaitable_,     \
        aio_task *: aio_task_awaitable_,         \
        aio_awaitable *: aio_awaitable_self)(x)
#undef aio_type
#define aio_type(x) (aio_awaitable_in_(aio_as_awaitable(x))->type->type_repr)
#define aio_task_yield(future) (aio_task_yield)(aio_future_in_((future), "await"))
#define aio_sleep(seconds) ((aio_coro *)aio_out_((aio_sleep)(seconds)))

/* ---- 2-1 tasks, 2-4 cancel ----------------------------------------------- */
#define aio_create_task(coro) ((aio_task *)aio_out_((aio_create_task)(aio_coro_in_(coro))))
#define aio_current_task() ((aio_task *)aio_out_((aio_current_task)()))
#define aio_task_future(t) ((aio_future *)aio_out_((aio_task_future)(aio_task_in_((t), "Task"))))
#define aio_task_cancel(t) (aio_task_cancel)(aio_task_in_((t), "Task.cancel()"))
#define aio_task_done(t) (aio_task_done)(aio_task_in_((t), "Task.done()"))
#define aio_task_cancelled(t) (aio_task_cancelled)(aio_task_in_((t), "Task.cancelled()"))
#define aio_task_cancelling(t) (aio_task_cancelling)(aio_task_in_((t), "Task.cancelling()"))
#define aio_task_uncancel(t) (aio_task_uncancel)(aio_task_in_((t), "Task.uncancel()"))
#define aio_task_result(t, result) (aio_task_result)(aio_task_in_((t), "Task.result()"), (result))

/* ---- 2-5 wait_for, shield; asyncio.timeout -------------------------------- */
#define aio_wait_for_awaitable(a, timeout) \
    ((aio_coro *)aio_out_((aio_wait_for_awaitable)(aio_awaitable_in_(a), (timeout))))
#define aio_shield_awaitable(a) ((aio_future *)aio_out_((aio_shield_awaitable)(aio_awaitable_in_(a))))
#define aio_timeout_new(delay) ((aio_timeout *)aio_out_((aio_timeout_new)(delay)))
#define aio_timeout_at(when) ((aio_timeout *)aio_out_((aio_timeout_at)(when)))
#define aio_timeout_enter(t) (aio_timeout_enter)(aio_timeout_in_((t), "Timeout.__aenter__()"))
#define aio_timeout_exit(t, body) (aio_timeout_exit)(aio_timeout_in_((t), "Timeout.__aexit__()"), (body))
#define aio_timeout_when(t) (aio_timeout_when)(aio_timeout_in_((t), "Timeout.when()"))
#define aio_timeout_reschedule(t, when) \
    (aio_timeout_reschedule)(aio_timeout_in_((t), "Timeout.reschedule()"), (when))
#define aio_timeout_expired(t) (aio_timeout_expired)(aio_timeout_in_((t), "Timeout.expired()"))
#define aio_timeout_repr(t, buf, size) (aio_timeout_repr)(aio_timeout_in_((t), "repr()"), (buf), (size))

/* ---- 3 Future, 4 Awaitable ------------------------------------------------ */
#define aio_future_new_at(file, line) ((aio_future *)aio_out_((aio_future_new_at)((file), (line))))
#define aio_future_done(f) (aio_future_done)(aio_future_in_((f), "Future.done()"))
#define aio_future_cancelled(f) (aio_future_cancelled)(aio_future_in_((f), "Future.cancelled()"))
#define aio_future_result(f, result) (aio_future_result)(aio_future_in_((f), "Future.result()"), (result))
#define aio_future_exception(f, e) (aio_future_exception)(aio_future_in_((f), "Future.exception()"), (e))
#define aio_future_exception_message(f) \
    (aio_future_exception_message)(aio_future_in_((f), "Future.exception()"))
#define aio_future_set_result(f, v) (aio_future_set_result)(aio_future_in_((f), "Future.set_result()"), (v))
#define aio_future_set_exception(f, e, m) \
    (aio_future_set_exception)(aio_future_in_((f), "Future.set_exception()"), (e), (m))
#define aio_future_cancel(f) (aio_future_cancel)(aio_future_in_((f), "Future.cancel()"))
#define aio_future_add_done_callback(f, fn, arg) \
    (aio_future_add_done_callback)(aio_future_in_((f), "Future.add_done_callback()"), (fn), (arg))
#define aio_future_remove_done_callback(f, fn, arg) \
    (aio_future_remove_done_callback)(aio_future_in_((f), "Future.remove_done_callback()"), (fn), (arg))
#define aio_future_repr(f, buf, size) (aio_future_repr)(aio_future_in_((f), "repr()"), (buf), (size))
#define aio_is_future(a) (aio_is_future)(aio_awaitable_in_(a))

/* ---- Part II: gather (its array's handles are checked in gather.c) -------- */
#define aio_gather_awaitables(n, aws, rx) ((aio_future *)aio_out_((aio_gather_awaitables)((n), (aws), (rx))))
#define aio_gather_count(f) (aio_gather_count)(aio_future_in_((f), "len(results)"))
#define aio_gather_result(f, i, result) (aio_gather_result)(aio_future_in_((f), "results[i]"), (i), (result))

/* ---- Part II: as_completed (its array's handles are checked in as_completed.c) */
static inline const void *aio_as_completed_checked_(const aio_as_completed *h) { return h; }
#define aio_as_completed_in_(h, api) \
    ((aio_as_completed *)aio_in_(aio_as_completed_checked_(h), "as_completed() iterator", (api)))
#define aio_as_completed_awaitables(n, aws, timeout) \
    ((aio_as_completed *)aio_out_((aio_as_completed_awaitables)((n), (aws), (timeout))))
#define aio_as_completed_next(it) ((aio_coro *)aio_out_((aio_as_completed_next)(aio_as_completed_in_((it), "next()"))))
static inline aio_status aio_as_completed_anext_(aio_as_completed *it, aio_future **next)
{
    aio_status status = (aio_as_completed_anext)(it, next);
    *next = aio_out_(*next);
    return status;
}
#define aio_as_completed_anext(it, next) aio_as_completed_anext_(aio_as_completed_in_((it), "async for"), (next))

/* ---- Part II: wait (its array's handles are checked in wait.c) ------------ */
#define aio_wait_awaitables(n, aws, timeout, rw) \
    ((aio_coro *)aio_out_((aio_wait_awaitables)((n), (aws), (timeout), (rw))))
#define aio_wait_done(r, i) ((aio_future *)aio_out_((aio_wait_done)((r), (i))))
#define aio_wait_pending(r, i) ((aio_future *)aio_out_((aio_wait_pending)((r), (i))))

/* ---- Part II: TaskGroup (chapter 19-task-group) --------------------------
 * An ExceptionGroup is no object of the loop's (it lives as long as a
 * message does): its functions go unwrapped. */
static inline const void *aio_task_group_checked_(const aio_task_group *h) { return h; }
#define aio_task_group_in_(h, api) ((aio_task_group *)aio_in_(aio_task_group_checked_(h), "TaskGroup", (api)))
#define aio_task_group_new() ((aio_task_group *)aio_out_((aio_task_group_new)()))
#define aio_task_group_enter(g) (aio_task_group_enter)(aio_task_group_in_((g), "TaskGroup.__aenter__()"))
#define aio_task_group_exit(g, body) (aio_task_group_exit)(aio_task_group_in_((g), "TaskGroup.__aexit__()"), (body))
static inline aio_status aio_task_group_create_task_(aio_task_group *g, aio_coro *coro, aio_task **task)
{
    aio_status status = (aio_task_group_create_task)(g, coro, task);
    if (task)
        *task = aio_out_(*task);
    return status;
}
#define aio_task_group_create_task(g, coro, task) \
    aio_task_group_create_task_(aio_task_group_in_((g), "TaskGroup.create_task()"), aio_coro_in_(coro), (task))
#define aio_task_group_repr(g, buf, size) (aio_task_group_repr)(aio_task_group_in_((g), "repr()"), (buf), (size))

/* ---- Part II: Queue (chapter 20-queue) ------------------------------------ */
static inline const void *aio_queue_checked_(const aio_queue *h) { return h; }
#define aio_queue_in_(h, api) ((aio_queue *)aio_in_(aio_queue_checked_(h), "Queue", (api)))
#define aio_queue_new(maxsize) ((aio_queue *)aio_out_((aio_queue_new)(maxsize)))
#define aio_queue_put(q, item) ((aio_coro *)aio_out_((aio_queue_put)(aio_queue_in_((q), "Queue.put()"), (item))))
#define aio_queue_get(q) ((aio_coro *)aio_out_((aio_queue_get)(aio_queue_in_((q), "Queue.get()"))))
#define aio_queue_put_nowait(q, item) (aio_queue_put_nowait)(aio_queue_in_((q), "Queue.put_nowait()"), (item))
#define aio_queue_get_nowait(q, item) (aio_queue_get_nowait)(aio_queue_in_((q), "Queue.get_nowait()"), (item))
#define aio_queue_task_done(q) (aio_queue_task_done)(aio_queue_in_((q), "Queue.task_done()"))
#define aio_queue_join(q) ((aio_coro *)aio_out_((aio_queue_join)(aio_queue_in_((q), "Queue.join()"))))
#define aio_queue_qsize(q) (aio_queue_qsize)(aio_queue_in_((q), "Queue.qsize()"))
#define aio_queue_maxsize(q) (aio_queue_maxsize)(aio_queue_in_((q), "Queue.maxsize"))
#define aio_queue_empty(q) (aio_queue_empty)(aio_queue_in_((q), "Queue.empty()"))
#define aio_queue_full(q) (aio_queue_full)(aio_queue_in_((q), "Queue.full()"))
#define aio_queue_shutdown(q, immediate) (aio_queue_shutdown)(aio_queue_in_((q), "Queue.shutdown()"), (immediate))
#define aio_queue_repr(q, buf, size) (aio_queue_repr)(aio_queue_in_((q), "repr()"), (buf), (size))
#define aio_queue_str(q, buf, size) (aio_queue_str)(aio_queue_in_((q), "str()"), (buf), (size))

/* ---- Part II: sockets, signals, threads (I/O) ----------------------------- */
#define aio_sock_accept(fd) ((aio_coro *)aio_out_((aio_sock_accept)(fd)))
#define aio_sock_recv(fd, buf, n) ((aio_coro *)aio_out_((aio_sock_recv)((fd), (buf), (n))))
#define aio_sock_sendall(fd, buf, n) ((aio_coro *)aio_out_((aio_sock_sendall)((fd), (buf), (n))))
#define aio_sock_connect(fd, addr, len) ((aio_coro *)aio_out_((aio_sock_connect)((fd), (addr), (len))))
#define aio_run_in_executor(fn, arg) ((aio_future *)aio_out_((aio_run_in_executor)((fn), (arg))))
#define aio_to_thread(fn, arg) ((aio_coro *)aio_out_((aio_to_thread)((fn), (arg))))

#endif
