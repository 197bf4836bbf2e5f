/* The task that is waiting in wait_for is itself cancelled: the inner
 * task is cancelled too, waited for, and CancelledError reaches the
 * outer task. */
#include "scenario.h"

static aio_status inner(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status == AIO_CANCELLED)
        aio_print("inner: cancelled");
    return status;
}

static aio_status outer(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_task **box = args[0].as.p;
    *box = spawn("inner", inner, aio_none());
    aio_status status = aio_await(aio_wait_for(*box, 5), NULL);
    if (status == AIO_CANCELLED)
        aio_print("outer: CancelledError; inner cancelled = %s", py_bool(aio_task_cancelled(*box)));
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    static aio_task *box;
    aio_task *task = spawn("outer", outer, aio_ptr(&box));
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(task);
    if (aio_await(task, NULL) == AIO_CANCELLED)
        aio_print("main: outer cancelled = %s", py_bool(aio_task_cancelled(task)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
