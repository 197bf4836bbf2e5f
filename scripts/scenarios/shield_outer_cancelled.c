/* The task awaiting shield(inner) is cancelled: it gets CancelledError at
 * once, while the inner task runs on to its end. */
#include "scenario.h"

static aio_status inner(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("inner: finished anyway");
    *result = aio_str("inner's result");
    return AIO_OK;
}

static aio_status outer(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_task *work = args[0].as.p;
    aio_status status = aio_await(aio_shield(work), NULL);
    if (status == AIO_CANCELLED)
        aio_print("outer: cancelled; inner done = %s", py_bool(aio_task_done(work)));
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *work = spawn("inner", inner, aio_none());
    aio_task *task = spawn("outer", outer, aio_ptr(work));
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(task);
    if (aio_await(task, NULL) == AIO_CANCELLED)
        aio_print("main: outer was cancelled");
    aio_value value;
    status = aio_await(work, &value);
    if (status != AIO_OK)
        return status;
    char text[32];
    aio_print("main: inner gave %s, cancelled = %s", aio_repr(value, text, sizeof text), py_bool(aio_task_cancelled(work)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
