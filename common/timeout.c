/* asyncio.timeout (new in 3.11): a deadline around a block of awaits.
 *
 * At the deadline the task running the block is cancelled, like any
 * other cancel().  On the way out, exit asks: did the block end with
 * CancelledError, and is our cancel the only one it has had since the
 * block began (Task.uncancel() brings the count back to where enter saw
 * it)?  Then that CancelledError was ours, and it becomes TimeoutError.
 * A cancel from anyone else stays a CancelledError.
 *
 * 3.12 and later build wait_for on this (see wait_for.c).
 *
 * Left out: `async with` on an object already entered is refused as in
 * CPython, but the context manager protocol itself is the caller's three
 * calls; 3.13's rewriting of __context__ chains for exceptions other than
 * CancelledError has no C counterpart (statuses carry no chain). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "loop.h"
#include "machinery/config.h"
#include "machinery/trace.h"

/* timeouts._State, with the words its repr uses */
typedef enum { CREATED, ENTERED, EXPIRING, EXPIRED, EXITED } timeout_state;
static const char *const state_words[] = { "created", "active", "expiring", "expired", "finished" };

struct aio_timeout {
    aio_awaitable base;  /* arena-allocated: reclaimed when the loop closes */
    timeout_state state;
    double when;         /* loop time of the deadline; AIO_NO_TIMEOUT: None */
    aio_task *task;
    int cancelling;      /* task.cancelling() when the block began */
    aio_handle *timer;   /* the call_at() handle, if armed */
    /* A deadline already past is armed with call_soon(), whose handle we
     * cannot cancel: count the ones queued, and let only the newest act,
     * and only while `soon_live` says it was not cancelled since. */
    unsigned soon_queued;
    bool soon_live;
};

static aio_status timeout_await(aio_awaitable *self, aio_value *result)
{
    (void)self;
    (void)result;
    return aio_raise_in("await", AIO_RUNTIME_ERROR,
                          "object Timeout can't be used in 'await' expression");
}

/* A timeout abandoned while armed (its task never exited the block) gives
 * its timer back, so that the handle is not lost. */
static void timeout_finalize(aio_awaitable *self)
{
    aio_timeout *timeout = (aio_timeout *)self;
    if (timeout->timer)
        aio_timer_cancel(timeout->timer);
    timeout->timer = NULL;
}

static const aio_awaitable_type timeout_type = {
    .type_repr = "<class 'asyncio.timeouts.Timeout'>",
    .await = timeout_await,
    .finalize = timeout_finalize,
};

int aio_task_uncancel(aio_task *task)
{
    if (task->num_cancels_requested > 0) {
        task->num_cancels_requested--;
        /* 3.13 (gh-113848): with no request left, a pending cancel that has
         * not reached the task yet is dropped as well. */
        if (task->num_cancels_requested == 0 && aio_python() >= 13)
            task->must_cancel = false;
    }
    return task->num_cancels_requested;
}

aio_timeout *aio_timeout_at(double when)
{
    aio_timeout *timeout = aio_object_new(sizeof *timeout, &timeout_type);
    timeout->state = CREATED;
    timeout->when = isnan(when) ? AIO_NO_TIMEOUT : when;
    return timeout;
}

aio_timeout *aio_timeout_new(double delay)
{
    if (!aio_loop_is_running())
        aio_fatal("RuntimeError: no running event loop: asyncio.timeout() needs one; "
                  "call it from a coroutine under aio_run()");
    double when = isinf(delay) && delay > 0 ? AIO_NO_TIMEOUT : aio_loop_time() + delay;
    return aio_timeout_at(when);
}

double aio_timeout_when(const aio_timeout *timeout) { return timeout->when; }

bool aio_timeout_expired(const aio_timeout *timeout)
{
    return timeout->state == EXPIRING || timeout->state == EXPIRED;
}

/* Timeout._on_timeout */
static void on_timeout(aio_timeout *timeout)
{
    timeout->timer = NULL;
    AIO_TRACE(timeout_expires, timeout->task->name);
    aio_task_cancel(timeout->task);
    timeout->state = EXPIRING;
}

static void on_timer(void *arg)
{
    aio_timeout *timeout = arg;
    /* The timer fired: our reference to it goes back now. */
    aio_timer_cancel(timeout->timer);
    on_timeout(timeout);
}

static void on_soon(void *arg)
{
    aio_timeout *timeout = arg;
    if (--timeout->soon_queued == 0 && timeout->soon_live) {
        timeout->soon_live = false;
        on_timeout(timeout);
    }
}

static void disarm(aio_timeout *timeout)
{
    if (timeout->timer) {
        aio_timer_cancel(timeout->timer);
        timeout->timer = NULL;
    }
    timeout->soon_live = false;
}

aio_status aio_timeout_reschedule(aio_timeout *timeout, double when)
{
    if (timeout->state == CREATED)
        return aio_raise_in("Timeout.reschedule()", AIO_RUNTIME_ERROR, "Timeout has not been entered");
    if (timeout->state != ENTERED) {
        static const char *const refusals[] = {
            [EXPIRING] = "Cannot change state of expiring Timeout",
            [EXPIRED] = "Cannot change state of expired Timeout",
            [EXITED] = "Cannot change state of finished Timeout",
        };
        return aio_raise_in("Timeout.reschedule()", AIO_RUNTIME_ERROR, refusals[timeout->state]);
    }
    timeout->when = isnan(when) ? AIO_NO_TIMEOUT : when;
    disarm(timeout);
    if (isinf(timeout->when) && timeout->when > 0)
        return AIO_OK;
    if (aio_seconds_to_ns(timeout->when) <= aio_clock_now()) {
        timeout->soon_queued++;
        timeout->soon_live = true;
        aio_call_soon(on_soon, timeout);
    } else {
        timeout->timer = aio_call_at(timeout->when, on_timer, timeout);
    }
    return AIO_OK;
}

aio_status aio_timeout_enter(aio_timeout *timeout)
{
    if (timeout->state != CREATED)
        return aio_raise_in("Timeout.__aenter__()", AIO_RUNTIME_ERROR, "Timeout has already been entered");
    aio_task *task = aio_current_task();
    if (!task)
        return aio_raise_in("Timeout.__aenter__()", AIO_RUNTIME_ERROR, "Timeout should be used inside a task");
    timeout->state = ENTERED;
    timeout->task = task;
    timeout->cancelling = aio_task_cancelling(task);
    return aio_timeout_reschedule(timeout, timeout->when);
}

aio_status aio_timeout_exit(aio_timeout *timeout, aio_status body)
{
    if (timeout->state != ENTERED && timeout->state != EXPIRING)
        aio_fatal("Timeout.__aexit__() on a Timeout that is %s, not active", state_words[timeout->state]);
    disarm(timeout);
    if (timeout->state == EXPIRING) {
        timeout->state = EXPIRED;
        /* Only when no new cancel request came since enter is the
         * CancelledError ours to turn into TimeoutError. */
        if (aio_task_uncancel(timeout->task) <= timeout->cancelling && body == AIO_CANCELLED)
            return aio_raise_in("asyncio.timeout()", AIO_TIMEOUT, NULL);
    } else {
        timeout->state = EXITED;
    }
    return body;
}

char *aio_timeout_repr(const aio_timeout *timeout, char *buf, size_t size)
{
    char when[32] = "None";
    if (timeout->state != ENTERED) {
        snprintf(buf, size, "<Timeout [%s]>", state_words[timeout->state]);
        return buf;
    }
    if (!(isinf(timeout->when) && timeout->when > 0))
        aio_repr(aio_float(round(timeout->when * 1000) / 1000), when, sizeof when); /* round(when, 3) */
    snprintf(buf, size, "<Timeout [active] when=%s>", when);
    return buf;
}
