/* The block catches the CancelledError that its deadline sent.  If it
 * then ends normally, asyncio.timeout() raises nothing: the block simply
 * ends, expired() is True, and the cancel request has been taken back.  If
 * it cleans up with an await and re-raises, TimeoutError comes once the
 * clean-up is done.  If it raises another exception instead, that one
 * leaves the block as it is. */
#include "scenario.h"

static aio_status swallowing_block(void)
{
    aio_status status = aio_await(aio_sleep(2), NULL);
    if (status == AIO_CANCELLED) {
        aio_print("swallowed: caught CancelledError, cancelling=%d", aio_task_cancelling(aio_current_task()));
        return AIO_OK;
    }
    return status;
}

static aio_status tidy_block(void)
{
    aio_status status = aio_await(aio_sleep(2), NULL);
    if (status == AIO_CANCELLED) {
        aio_print("clean-up: caught CancelledError, cleaning up for 0.5 s");
        aio_status cleanup = aio_await(aio_sleep(0.5), NULL);
        return cleanup != AIO_OK ? cleanup : status;
    }
    return status;
}

static aio_status replacing_block(void)
{
    aio_status status = aio_await(aio_sleep(2), NULL);
    if (status == AIO_CANCELLED)
        return aio_raise(AIO_VALUE_ERROR, "replaced");
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[64];
    aio_task *task = aio_current_task();

    aio_timeout *quiet = aio_timeout_new(1);
    aio_status status = aio_timeout_enter(quiet);
    if (status == AIO_OK)
        status = swallowing_block();
    if ((status = aio_timeout_exit(quiet, status)) != AIO_OK)
        return status;
    aio_print("swallowed: no TimeoutError, expired() = %s, %s, cancelling=%d", py_bool(aio_timeout_expired(quiet)),
              aio_timeout_repr(quiet, repr, sizeof repr), aio_task_cancelling(task));
    if ((status = aio_await(aio_sleep(0.5), NULL)) != AIO_OK)
        return status;
    aio_print("swallowed: the next await is an ordinary one");

    aio_timeout *tidy = aio_timeout_new(1);
    status = aio_timeout_enter(tidy);
    if (status == AIO_OK)
        status = tidy_block();
    if ((status = aio_timeout_exit(tidy, status)) != AIO_TIMEOUT)
        return status;
    aio_print("clean-up: TimeoutError after the clean-up, %s", aio_timeout_repr(tidy, repr, sizeof repr));

    aio_timeout *other = aio_timeout_new(1);
    status = aio_timeout_enter(other);
    if (status == AIO_OK)
        status = replacing_block();
    if ((status = aio_timeout_exit(other, status)) != AIO_VALUE_ERROR)
        return status;
    aio_print("replaced: ValueError('%s') left the block, expired() = %s, cancelling=%d", aio_exception_message(),
              py_bool(aio_timeout_expired(other)), aio_task_cancelling(task));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
