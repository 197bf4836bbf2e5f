/* cancel() after the task's last await: it returns a value, yet ends up
 * cancelled. */
#include "scenario.h"

static aio_status returns_at_once(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(aio_current_task());
    aio_print("asked to be cancelled; returning 42 with no further await");
    *result = aio_int(42);
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = spawn("returns_at_once", returns_at_once, aio_none());
    aio_value value;
    aio_status status = aio_await(task, &value);
    if (status == AIO_OK)
        aio_print("result: %ld", value.as.i);
    else if (status == AIO_CANCELLED)
        aio_print("main: cancelled = %s, although it returned", py_bool(aio_task_cancelled(task)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
