/* Cancelling a task that awaits a Future cancels that Future too. */
#include "scenario.h"

static aio_status waiter(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await((aio_future *)args[0].as.p, NULL);
    if (status == AIO_CANCELLED)
        aio_print("waiter: CancelledError at its await of the Future");
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *future = aio_future_new();
    aio_task *task = spawn("waiter", waiter, aio_ptr(future));
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("cancel: %s", py_bool(aio_task_cancel(task)));
    aio_print("the Future is cancelled at once: %s", py_bool(aio_future_cancelled(future)));
    aio_print("the task is not done yet: %s", py_bool(aio_task_done(task)));
    if (aio_await(task, NULL) == AIO_CANCELLED)
        aio_print("main: awaiting the task raised CancelledError");
    aio_print("task cancelled: %s", py_bool(aio_task_cancelled(task)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
