/* A task catches its own cancellation, then awaits a Future that main
 * cancels: that second CancelledError comes from the Future, and the task
 * has still had only one cancel request. */
#include "scenario.h"

static aio_status worker(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("worker: caught its own cancellation");
    status = aio_await((aio_future *)args[0].as.p, NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("worker: the Future it awaited was cancelled");
    *result = aio_str("done");
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *fut = aio_future_new();
    aio_task *task = spawn("worker", worker, aio_ptr(fut));
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(task);
    status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_future_cancel(fut);
    aio_value value;
    status = aio_await(task, &value);
    if (status != AIO_OK)
        return status;
    char text[32];
    aio_print("main: result %s, cancelled = %s, cancelling = %d", aio_repr(value, text, sizeof text),
              py_bool(aio_task_cancelled(task)), aio_task_cancelling(task));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
