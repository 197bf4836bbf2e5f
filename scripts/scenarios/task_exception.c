/* An exception raised in a task: awaiting the task re-raises it, and
 * result() and exception() report it; the task is done, not cancelled. */
#include "scenario.h"

static aio_status failing(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status != AIO_OK)
        return status;
    return aio_raise(AIO_VALUE_ERROR, "went wrong");
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = spawn("failing", failing, aio_none());
    aio_status status = aio_await(task, NULL);
    if (status == AIO_VALUE_ERROR)
        aio_print("await: %s: %s", exc_name(status), aio_exception_message());
    aio_print("done = %s, cancelled = %s", py_bool(aio_task_done(task)), py_bool(aio_task_cancelled(task)));
    aio_status exception;
    aio_future_exception(aio_task_future(task), &exception);
    aio_print("exception() = %s('%s')", exc_name(exception), aio_future_exception_message(aio_task_future(task)));
    status = aio_task_result(task, NULL);
    aio_print("result() raises %s: %s", exc_name(status), aio_exception_message());
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
