/* Ctrl-C cancels main, and main answers the cancellation its own way.
 * run() turns only a CancelledError into KeyboardInterrupt: main that
 * raises something else instead has that exception raised by run(), and
 * main that returns has its value returned. */
#include <signal.h>

#include "scenario.h"

static aio_status main1(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    raise(SIGINT);
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("main1: cancelled, raising ValueError instead");
    return aio_raise(AIO_VALUE_ERROR, "not a KeyboardInterrupt");
}

static aio_status main2(const aio_value *args, aio_value *result)
{
    (void)args;
    raise(SIGINT);
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("main2: cancelled, returning 42 instead");
    *result = aio_int(42);
    return AIO_OK;
}

int main(void)
{
    /* As from a terminal: a background job may have inherited SIGINT
     * ignored, and run() leaves an ignored SIGINT alone. */
    signal(SIGINT, SIG_DFL);
    aio_status status = aio_run(aio_coro_new("main1", main1, aio_none()), NULL);
    aio_print("run 1: %s", exc_name(status));
    aio_value value;
    char text[48];
    status = aio_run(aio_coro_new("main2", main2, aio_none()), &value);
    aio_print("run 2: %s", outcome(status, value, text, sizeof text));
    return 0;
}
