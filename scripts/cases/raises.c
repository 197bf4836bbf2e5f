/* Awaits that raise something other than CancelledError, one of each
 * kind of awaitable, for the trace (AIO_TRACE=1): a coroutine that raises
 * without pausing and one that raises after a sleep, a Future already
 * finished with an exception and one that another task fails while it
 * is awaited, and a Task that raised.  scripts/trace.bats says how the
 * trace must read them. */
#include "aio.h"

static aio_status fails_at_once(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return aio_raise(AIO_VALUE_ERROR, "at once");
}

static aio_status fails_later(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(0.25), NULL);
    return status != AIO_OK ? status : aio_raise(AIO_TIMEOUT, NULL);
}

static aio_status fails_future(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep(0.25), NULL);
    if (status == AIO_OK)
        status = aio_future_set_exception(args[0].as.p, AIO_ERROR, "set later");
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_coro_new("fails_at_once", fails_at_once, aio_none()), NULL);
    if (status != AIO_VALUE_ERROR)
        return AIO_ERROR;
    status = aio_await(aio_coro_new("fails_later", fails_later, aio_none()), NULL);
    if (status != AIO_TIMEOUT)
        return AIO_ERROR;

    aio_future *done = aio_future_new();
    aio_future_set_exception(done, AIO_RUNTIME_ERROR, "set before");
    if (aio_await(done, NULL) != AIO_RUNTIME_ERROR)
        return AIO_ERROR;

    aio_future *pending = aio_future_new();
    aio_task *setter = aio_create_task(aio_coro_new("fails_future", fails_future, aio_ptr(pending)));
    if (aio_await(pending, NULL) != AIO_ERROR || aio_await(setter, NULL) != AIO_OK)
        return AIO_ERROR;

    aio_task *failing = aio_create_task(aio_coro_new("fails_later", fails_later, aio_none()));
    if (aio_await(failing, NULL) != AIO_TIMEOUT)
        return AIO_ERROR;
    aio_print("every await raised what it should");
    return AIO_OK;
}

int main(void) { return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL)); }
