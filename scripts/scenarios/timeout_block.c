/* asyncio.timeout() around a block: at the deadline the task is cancelled
 * and the block's CancelledError leaves it as TimeoutError.  A block that
 * ends in time leaves it "finished"; reschedule() moves the deadline of
 * an active one and is refused once it has expired; a deadline already
 * past fires on the next loop iteration, at the block's next yield. */
#include "scenario.h"

static aio_status expiring_block(aio_timeout *timeout)
{
    char repr[64];
    aio_print("inside: %s", aio_timeout_repr(timeout, repr, sizeof repr));
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status == AIO_CANCELLED)
        aio_print("block: CancelledError");
    return status;
}

static aio_status moved_block(aio_timeout *timeout)
{
    char repr[64];
    aio_print("no deadline: %s when=None", aio_timeout_repr(timeout, repr, sizeof repr));
    aio_status status = aio_timeout_reschedule(timeout, aio_loop_time() + 0.25);
    if (status != AIO_OK)
        return status;
    aio_print("rescheduled: %s", aio_timeout_repr(timeout, repr, sizeof repr));
    return aio_await(aio_sleep(10), NULL);
}

static aio_status past_block(void)
{
    aio_print("past deadline: the block starts");
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status == AIO_OK)
        aio_print("not reached");
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[64];
    aio_task *task = aio_current_task();

    aio_timeout *timeout = aio_timeout_new(0.5);
    aio_status status = aio_timeout_enter(timeout);
    if (status == AIO_OK)
        status = expiring_block(timeout);
    status = aio_timeout_exit(timeout, status);
    if (status != AIO_TIMEOUT)
        return status;
    aio_print("TimeoutError: expired=%s %s cancelling=%d", py_bool(aio_timeout_expired(timeout)),
              aio_timeout_repr(timeout, repr, sizeof repr), aio_task_cancelling(task));

    aio_timeout *in_time = aio_timeout_new(1);
    status = aio_timeout_enter(in_time);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(0.25), NULL);
    if ((status = aio_timeout_exit(in_time, status)) != AIO_OK)
        return status;
    aio_print("in time: expired=%s %s", py_bool(aio_timeout_expired(in_time)),
              aio_timeout_repr(in_time, repr, sizeof repr));

    aio_timeout *moved = aio_timeout_new(AIO_NO_TIMEOUT);
    status = aio_timeout_enter(moved);
    if (status == AIO_OK)
        status = moved_block(moved);
    status = aio_timeout_exit(moved, status);
    if (status != AIO_TIMEOUT)
        return status;
    aio_print("TimeoutError: %s", aio_timeout_repr(moved, repr, sizeof repr));
    status = aio_timeout_reschedule(moved, AIO_NO_TIMEOUT);
    if (status != AIO_RUNTIME_ERROR)
        return status;
    aio_print("reschedule after: RuntimeError: %s", aio_exception_message());

    aio_timeout *past = aio_timeout_new(-1);
    status = aio_timeout_enter(past);
    if (status == AIO_OK)
        status = past_block();
    status = aio_timeout_exit(past, status);
    if (status != AIO_TIMEOUT)
        return status;
    aio_print("past deadline: TimeoutError, expired=%s", py_bool(aio_timeout_expired(past)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
