/* reschedule() of an asyncio.timeout() whose expiry is already queued: a
 * deadline already past queues the expiry with call_soon, and a deadline
 * reached moves its timer to the ready queue.  Whatever takes the
 * deadline back before that callback runs (reschedule() to later or to
 * None, a newer past deadline, leaving the block) cancels it, and it
 * never fires; a deadline exactly now is already past; a callback queued
 * behind the expiry finds the Timeout expiring, too late to move it. */
#include "scenario.h"

/* Due now, then moved later before its callback ran: it expires later. */
static aio_status moved_block(aio_timeout *moved)
{
    aio_status status = aio_timeout_reschedule(moved, aio_loop_time());
    if (status == AIO_OK)
        status = aio_timeout_reschedule(moved, aio_loop_time() + 0.5);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("moved: still active after a yield, expired=%s", py_bool(aio_timeout_expired(moved)));
    return aio_await(aio_sleep(1), NULL);
}

static aio_status observer(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_print("observer: expired=%s", py_bool(aio_timeout_expired(args[0].as.p)));
    return AIO_OK;
}

/* Two past deadlines with a task's first step queued between their
 * callbacks: only the newer one acts, so the task sees no expiry yet. */
static aio_status twice_block(aio_timeout *twice, aio_task **watcher)
{
    aio_status status = aio_timeout_reschedule(twice, aio_loop_time() - 1);
    if (status != AIO_OK)
        return status;
    *watcher = spawn("observer", observer, aio_ptr(twice));
    status = aio_timeout_reschedule(twice, aio_loop_time() - 1);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(0), NULL);
    if (status == AIO_OK)
        aio_print("twice: not reached");
    return status;
}

/* A deadline exactly now is past: the expiry runs before the task's next
 * step, not one step later. */
static aio_status now_block(aio_timeout *now)
{
    aio_status status = aio_timeout_reschedule(now, aio_loop_time());
    if (status == AIO_OK)
        status = aio_await(aio_sleep(0), NULL);
    if (status == AIO_OK)
        aio_print("now: not reached");
    return status;
}

/* A past deadline taken back with reschedule(None): no expiry at all. */
static aio_status dropped_block(aio_timeout *dropped)
{
    aio_status status = aio_timeout_reschedule(dropped, aio_loop_time() - 1);
    if (status == AIO_OK)
        status = aio_timeout_reschedule(dropped, AIO_NO_TIMEOUT);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(0.25), NULL);
    return status;
}

/* The expiry's timer is due and queued when a callback due at the same
 * moment, but armed before it, moves the deadline: the queued timer is
 * skipped.  At the new deadline, a callback armed after the new timer
 * runs after the expiry and is refused. */
static aio_timeout *timer;
static aio_handle *move_handle, *refused_handle;

static void refused(void *arg)
{
    (void)arg;
    aio_timer_cancel(refused_handle); /* it has fired: our reference goes back */
    if (aio_timeout_reschedule(timer, aio_loop_time() + 1) == AIO_RUNTIME_ERROR)
        aio_print("timer: too late: RuntimeError: %s", aio_exception_message());
}

static void move(void *arg)
{
    (void)arg;
    char repr[64];
    aio_timer_cancel(move_handle);
    if (aio_timeout_reschedule(timer, aio_loop_time() + 0.25) != AIO_OK)
        return;
    aio_print("timer: moved while its expiry was queued: %s", aio_timeout_repr(timer, repr, sizeof repr));
    refused_handle = aio_call_later(0.25, refused, NULL);
}

static aio_status timer_block(void)
{
    move_handle = aio_call_later(0.5, move, NULL);
    aio_status status = aio_timeout_reschedule(timer, aio_loop_time() + 0.5);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(2), NULL);
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[64];
    aio_task *task = aio_current_task();

    aio_timeout *moved = aio_timeout_new(AIO_NO_TIMEOUT);
    aio_status status = aio_timeout_enter(moved);
    if (status == AIO_OK)
        status = moved_block(moved);
    if ((status = aio_timeout_exit(moved, status)) != AIO_TIMEOUT)
        return status;
    aio_print("moved: TimeoutError, %s", aio_timeout_repr(moved, repr, sizeof repr));

    aio_timeout *twice = aio_timeout_new(AIO_NO_TIMEOUT);
    aio_task *watcher = NULL;
    status = aio_timeout_enter(twice);
    if (status == AIO_OK)
        status = twice_block(twice, &watcher);
    if ((status = aio_timeout_exit(twice, status)) != AIO_TIMEOUT)
        return status;
    aio_print("twice: TimeoutError, expired=%s", py_bool(aio_timeout_expired(twice)));
    if ((status = aio_await(watcher, NULL)) != AIO_OK)
        return status;

    aio_timeout *now = aio_timeout_new(AIO_NO_TIMEOUT);
    status = aio_timeout_enter(now);
    if (status == AIO_OK)
        status = now_block(now);
    if ((status = aio_timeout_exit(now, status)) != AIO_TIMEOUT)
        return status;
    aio_print("now: TimeoutError, expired=%s", py_bool(aio_timeout_expired(now)));

    aio_timeout *dropped = aio_timeout_new(AIO_NO_TIMEOUT);
    status = aio_timeout_enter(dropped);
    if (status == AIO_OK)
        status = dropped_block(dropped);
    if ((status = aio_timeout_exit(dropped, status)) != AIO_OK)
        return status;
    aio_print("dropped: %s, expired=%s", aio_timeout_repr(dropped, repr, sizeof repr),
              py_bool(aio_timeout_expired(dropped)));

    /* The block ends before its queued expiry runs: leaving it cancels the
     * expiry, so the task's next await is an ordinary one. */
    aio_timeout *left = aio_timeout_new(AIO_NO_TIMEOUT);
    status = aio_timeout_enter(left);
    if (status == AIO_OK)
        status = aio_timeout_reschedule(left, aio_loop_time() - 1);
    if ((status = aio_timeout_exit(left, status)) != AIO_OK)
        return status;
    if ((status = aio_await(aio_sleep(0), NULL)) != AIO_OK)
        return status;
    aio_print("left: %s, expired=%s, cancelling=%d", aio_timeout_repr(left, repr, sizeof repr),
              py_bool(aio_timeout_expired(left)), aio_task_cancelling(task));

    timer = aio_timeout_new(AIO_NO_TIMEOUT);
    status = aio_timeout_enter(timer);
    if (status == AIO_OK)
        status = timer_block();
    if ((status = aio_timeout_exit(timer, status)) != AIO_TIMEOUT)
        return status;
    aio_print("timer: TimeoutError, %s", aio_timeout_repr(timer, repr, sizeof repr));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
