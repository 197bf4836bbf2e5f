/* A task that catches its cancellation, cleans up with a further await,
 * and re-raises: it ends cancelled, after its cleanup. */
#include "scenario.h"

static aio_status worker(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("worker: caught CancelledError, cleaning up");
    aio_status cleanup = aio_await(aio_sleep(0.5), NULL);
    if (cleanup != AIO_OK)
        return cleanup;
    aio_print("worker: cleaned up, re-raising");
    return status;
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
    if (aio_await(task, NULL) == AIO_CANCELLED)
        aio_print("main: cancelled = %s", py_bool(aio_task_cancelled(task)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
