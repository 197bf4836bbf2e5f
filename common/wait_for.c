/* Section 2-5: asyncio.wait_for, with Python 3.11's semantics, and with
 * 3.12's (built on asyncio.timeout(), timeout.c) under AIO_PYTHON=3.12+.
 *
 * Race a waiter Future between two things that can set it: the awaitable
 * finishing, and a timer.  If the timer wins, cancel the awaitable and
 * wait until it has really finished (it may clean up, or even refuse),
 * and only then raise TimeoutError.  If wait_for itself is cancelled, the
 * awaitable is cancelled too. */
#include <math.h>

#include "internal.h"
#include "machinery/config.h"

/* tasks._release_waiter, used both as a timer and as a done callback. */
static void release_waiter(void *arg)
{
    aio_future *waiter = arg;
    if (!aio_future_done(waiter))
        aio_future_set_result(waiter, aio_none());
}

static void release_waiter_when_done(aio_future *done, void *waiter)
{
    (void)done;
    release_waiter(waiter);
}

/* tasks._cancel_and_wait: we cannot await `future` itself, or a cancel of
 * this task would cancel it twice over; a private waiter keeps the two apart. */
static aio_status cancel_and_wait(aio_future *future)
{
    aio_future *waiter = aio_future_new_sized(sizeof *waiter, "a cancellation waiter");
    aio_future_add_done_callback(future, release_waiter_when_done, waiter);
    aio_future_cancel(future);
    aio_status status = aio_await(waiter, NULL);
    aio_future_remove_done_callback(future, release_waiter_when_done, waiter);
    return status;
}

/* After cancelling on timeout: its cancellation is our TimeoutError, but
 * if it ended any other way (it swallowed the cancel), report that. */
static aio_status result_after_timeout(aio_future *future, aio_value *result)
{
    aio_status status = aio_future_result(future, result);
    if (status == AIO_CANCELLED)
        return aio_raise(AIO_TIMEOUT, NULL);
    return status;
}

/* A timeout of 0 or less, the same in every version: the result if it is
 * already there, else cancel, wait for the cancellation, TimeoutError. */
static aio_status no_time_left(aio_awaitable *awaitable, aio_value *result)
{
    aio_future *future = aio_ensure_future(awaitable);
    if (aio_future_done(future))
        return aio_future_result(future, result);
    aio_status status = cancel_and_wait(future);
    if (status != AIO_OK)
        return status;
    return result_after_timeout(future, result);
}

/* A NaN timeout is no error in CPython: `timeout <= 0` is false for it, so
 * wait_for arms its timer for loop.time() + NaN.  No comparison orders
 * NaN, and the loop takes such a timer, when it is first in the heap, as
 * due now (3.13's loop, with nothing else ready, hands the NaN to select()
 * instead, and dies with ValueError).  Here it is a timer due now, which
 * is what CPython does as long as no other timer was pending when it was
 * armed (scenario wait_for_nan); behind one, it fires wherever the heap's
 * shape takes it (common/README.md, "Where we differ"). */
static double due_now_if_nan(double timeout) { return isnan(timeout) ? 0 : timeout; }

static aio_status wait_for_body(const aio_value *args, aio_value *result)
{
    aio_awaitable *awaitable = args[0].as.p;
    double timeout = args[1].as.f;

    if (isinf(timeout) && timeout > 0)
        return aio_await(awaitable, result);

    if (timeout <= 0)
        return no_time_left(awaitable, result);

    aio_future *waiter = aio_future_new_sized(sizeof *waiter, "wait_for's waiter");
    aio_handle *timer = aio_call_later(due_now_if_nan(timeout), release_waiter, waiter);
    aio_future *future = aio_ensure_future(awaitable);
    aio_future_add_done_callback(future, release_waiter_when_done, waiter);

    aio_status status = aio_await(waiter, NULL);
    if (aio_future_done(future)) {
        /* Finished, even if we were cancelled meanwhile: the result wins. */
        status = aio_future_result(future, result);
    } else if (status == AIO_CANCELLED) {
        aio_future_remove_done_callback(future, release_waiter_when_done, waiter);
        aio_status cleanup = cancel_and_wait(future);
        status = cleanup != AIO_OK ? cleanup : AIO_CANCELLED;
    } else if (status == AIO_OK) {
        /* The timer won. */
        aio_future_remove_done_callback(future, release_waiter_when_done, waiter);
        status = cancel_and_wait(future);
        if (status == AIO_OK)
            status = result_after_timeout(future, result);
    }
    aio_timer_cancel(timer);
    return status;
}

/* 3.12 and later: `async with timeout(t): return await fut`.  Nothing in
 * between: a coroutine runs right in the caller's task, and a task is
 * awaited directly, so on a timeout it is cancelled through the caller's
 * own cancel(), and the waiters of a task wake in the order they awaited it. */
static aio_status wait_for_body_312(const aio_value *args, aio_value *result)
{
    aio_awaitable *awaitable = args[0].as.p;
    double timeout = args[1].as.f;

    if (timeout <= 0)
        return no_time_left(awaitable, result);
    /* NaN: a deadline due now.  CPython arms a timer for it, which the
     * loop runs on its next iteration, after the callbacks already ready;
     * timeout(0) arms a call_soon, which runs in that iteration too, but
     * ahead of whatever this step queues after it. */
    aio_timeout *deadline = aio_timeout_new(due_now_if_nan(timeout));
    aio_status status = aio_timeout_enter(deadline);
    if (status == AIO_OK)
        status = aio_await(awaitable, result);
    return aio_timeout_exit(deadline, status);
}

aio_coro *aio_wait_for_awaitable(aio_awaitable *awaitable, double timeout)
{
    return aio_coro_new2("wait_for", aio_python() >= 12 ? wait_for_body_312 : wait_for_body,
                         aio_ptr(awaitable), aio_float(timeout));
}
