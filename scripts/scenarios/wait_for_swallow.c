/* The inner coroutine swallows the cancellation and returns a value:
 * wait_for returns that value instead of raising TimeoutError. */
#include "scenario.h"

static aio_status stubborn(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("stubborn: swallowing the cancellation");
    *result = aio_str("kept going");
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value value;
    aio_status status = aio_await(aio_wait_for(coro("stubborn", stubborn, aio_none()), 1), &value);
    if (status != AIO_OK)
        return status;
    char text[32];
    aio_print("main: no TimeoutError, got %s", aio_repr(value, text, sizeof text));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
