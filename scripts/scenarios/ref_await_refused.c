/* Three awaits that asyncio refuses.  A task that awaits itself gives the
 * loop control once (the ticker runs), then gets RuntimeError naming it.
 * A coroutine that another task is running cannot be awaited as well; one
 * that has finished cannot be awaited again. */
#include "scenario.h"

static aio_status ticker(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    for (int i = 0; i < 3; i++) {
        aio_print("tick %d", i);
        aio_await(aio_sleep(0), NULL);
    }
    return AIO_OK;
}

static aio_status await_self(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("await_self: awaits itself");
    aio_status status = aio_await(aio_current_task(), NULL);
    if (status == AIO_RUNTIME_ERROR)
        aio_print("await_self: %s: %s", exc_name(status), aio_exception_message());
    return AIO_OK;
}

static aio_status nap(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_status status = aio_await(aio_sleep(1), NULL);
    *result = aio_str("rested");
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    spawn("ticker", ticker, aio_none());
    spawn("await_self", await_self, aio_none());
    aio_await(aio_sleep(0.5), NULL);
    aio_coro *coro = aio_coro_new("nap", nap, aio_none());
    aio_task *task = aio_create_task(coro);
    aio_await(aio_sleep(0), NULL);
    aio_status status = aio_await(coro, NULL);
    if (status == AIO_RUNTIME_ERROR)
        aio_print("main: %s: %s", exc_name(status), aio_exception_message());
    aio_value value;
    status = aio_await(task, &value);
    char text[64];
    aio_print("main: the task gives %s", status == AIO_OK ? aio_repr(value, text, sizeof text) : exc_name(status));
    status = aio_await(coro, NULL);
    if (status == AIO_RUNTIME_ERROR)
        aio_print("main: %s: %s", exc_name(status), aio_exception_message());
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
