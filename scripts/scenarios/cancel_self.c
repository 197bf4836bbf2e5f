/* A task that cancels itself keeps running until an await that yields. */
#include "scenario.h"

static aio_status selfish(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("cancel myself: %s", py_bool(aio_task_cancel(aio_current_task())));
    aio_print("still running after cancel()");
    aio_future *done = aio_future_new();
    aio_future_set_result(done, aio_int(1));
    aio_value value;
    aio_status status = aio_await(done, &value);
    if (status != AIO_OK)
        return status;
    aio_print("awaiting a done Future gives %ld, and no CancelledError", value.as.i);
    status = aio_await(aio_sleep(0), NULL);
    if (status == AIO_CANCELLED)
        aio_print("CancelledError at the first await that gives up control");
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = spawn("selfish", selfish, aio_none());
    if (aio_await(task, NULL) == AIO_CANCELLED)
        aio_print("main: task cancelled = %s", py_bool(aio_task_cancelled(task)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
