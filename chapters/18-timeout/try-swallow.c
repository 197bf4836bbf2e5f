/* Experiment for chapter 18: the first block catches its CancelledError. */
#include "aio.h"
#include "delay.h"

static const char *py_bool(bool b) { return b ? "True" : "False"; }

/* `async with asyncio.timeout(t) as deadline:` is three calls (aio.h,
 * "asyncio.timeout"): enter, the block's awaits while all goes well, exit
 * with the block's status, which it may turn into AIO_TIMEOUT. */
static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    char repr[64];
    aio_timeout *deadline = aio_timeout_new(1);
    aio_status status = aio_timeout_enter(deadline);
    if (status == AIO_OK) {
        aio_print("deadline: %s", aio_timeout_repr(deadline, repr, sizeof repr));
        status = aio_await(delay(2), NULL);
        if (status == AIO_CANCELLED) { /* try: catch the CancelledError */
            aio_print("the block caught CancelledError");
            status = AIO_OK;
        }
    }
    status = aio_timeout_exit(deadline, status);
    if (status == AIO_TIMEOUT)
        aio_print("Got a timeout! expired() = %s, %s", py_bool(aio_timeout_expired(deadline)),
                  aio_timeout_repr(deadline, repr, sizeof repr));
    else if (status != AIO_OK)
        return status;

    aio_value first, second;
    deadline = aio_timeout_new(3);
    status = aio_timeout_enter(deadline);
    if (status == AIO_OK)
        status = aio_await(delay(1), &first);
    if (status == AIO_OK)
        status = aio_await(delay(1), &second);
    status = aio_timeout_exit(deadline, status);
    if (status != AIO_OK)
        return status;
    aio_print("in time: %ld, expired() = %s, %s", first.as.i + second.as.i,
              py_bool(aio_timeout_expired(deadline)), aio_timeout_repr(deadline, repr, sizeof repr));

    aio_task *delay_task = aio_create_task(delay(2));
    aio_timeout *limit = aio_timeout_new(1);
    status = aio_timeout_enter(limit);
    if (status == AIO_OK)
        status = aio_await(delay_task, NULL);
    status = aio_timeout_exit(limit, status);
    if (status == AIO_TIMEOUT) {
        aio_print("Got a timeout!");
        aio_print("Was the task cancelled? %s", py_bool(aio_task_cancelled(delay_task)));
    } else if (status != AIO_OK) {
        return status;
    }
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
