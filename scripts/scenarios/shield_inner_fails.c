/* The shielded task fails: awaiting the shield raises its exception.  A
 * shield of a Future that is already done is that Future itself. */
#include "scenario.h"

static aio_status failing(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status != AIO_OK)
        return status;
    return aio_raise(AIO_VALUE_ERROR, "inner broke");
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = spawn("failing", failing, aio_none());
    aio_status status = aio_await(aio_shield(task), NULL);
    if (status == AIO_VALUE_ERROR)
        aio_print("main: %s: %s", exc_name(status), aio_exception_message());
    aio_print("shield(done) is done: %s", py_bool(aio_shield(task) == aio_task_future(task)));
    aio_status exception;
    aio_future_exception(aio_task_future(task), &exception);
    aio_print("task: cancelled = %s, exception = %s('%s')", py_bool(aio_task_cancelled(task)),
              exc_name(exception), aio_future_exception_message(aio_task_future(task)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
