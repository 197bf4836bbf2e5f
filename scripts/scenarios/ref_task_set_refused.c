/* A Task settles its own Future when its coroutine ends: set_result() and
 * set_exception() on it are refused, and whoever awaits it gets what the
 * coroutine returns, not a value pushed in from outside. */
#include "scenario.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    *result = aio_str("slept");
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = spawn("sleeper", sleeper, aio_none());
    aio_await(aio_sleep(0), NULL);
    aio_status status = aio_future_set_result(aio_task_future(task), aio_str("injected"));
    if (status == AIO_RUNTIME_ERROR)
        aio_print("set_result: %s: %s", exc_name(status), aio_exception_message());
    status = aio_future_set_exception(aio_task_future(task), AIO_VALUE_ERROR, "injected");
    if (status == AIO_RUNTIME_ERROR)
        aio_print("set_exception: %s: %s", exc_name(status), aio_exception_message());
    aio_print("done = %s", py_bool(aio_task_done(task)));
    aio_value value;
    status = aio_await(task, &value);
    char text[64];
    aio_print("await gives %s", outcome(status, value, text, sizeof text) + (status == AIO_OK ? 3 : 0));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
