/* wait_for gets the result before the timeout: it returns it, and its
 * timer is cancelled, so the loop does not run on to the timeout. */
#include "scenario.h"

static aio_status fetch(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep(args[0].as.f), NULL);
    if (status == AIO_OK)
        *result = args[1];
    return status;
}

static aio_coro *fetch_coro(double seconds, aio_value value)
{
    return aio_coro_new2("fetch", fetch, aio_float(seconds), value);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char text[32];
    aio_value value;
    aio_status status = aio_await(aio_wait_for(fetch_coro(0.5, aio_str("fast")), 1), &value);
    if (status != AIO_OK)
        return status;
    aio_print("coroutine: %s", aio_repr(value, text, sizeof text));

    aio_task *task = aio_create_task(fetch_coro(0.25, aio_int(7)));
    status = aio_await(aio_wait_for(task, 1), &value);
    if (status != AIO_OK)
        return status;
    aio_print("task: %s, cancelled = %s", aio_repr(value, text, sizeof text), py_bool(aio_task_cancelled(task)));

    status = aio_await(aio_wait_for(task, 1), &value);
    if (status != AIO_OK)
        return status;
    aio_print("already done: %s", aio_repr(value, text, sizeof text));

    status = aio_await(aio_wait_for(fetch_coro(2, aio_str("slow")), AIO_NO_TIMEOUT), &value);
    if (status != AIO_OK)
        return status;
    aio_print("no timeout: %s", aio_repr(value, text, sizeof text));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
