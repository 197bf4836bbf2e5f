/* A task that catches its cancellation, cleans up with a further await,
 * and returns a value: it is not cancelled. */
#include "scenario.h"

static aio_status worker(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("worker: caught CancelledError, cleaning up");
    status = aio_await(aio_sleep(0.5), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("worker: cleaned up, returning 'partial'");
    *result = aio_str("partial");
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = spawn("worker", worker, aio_none());
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(task);
    aio_value value;
    status = aio_await(task, &value);
    if (status != AIO_OK)
        return status;
    char text[32];
    aio_print("main: result %s, cancelled = %s", aio_repr(value, text, sizeof text), py_bool(aio_task_cancelled(task)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
