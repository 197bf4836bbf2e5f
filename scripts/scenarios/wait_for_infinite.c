/* wait_for at the ends of the number line.  timeout=-inf is a timeout
 * already passed, like 0: a task that is running is cancelled and waited
 * for, then TimeoutError; one that swallows the cancel gives its value; a
 * done Future gives its result.  timeout=None (+inf in C) never times out. */
#include "scenario.h"

static aio_status worker(const aio_value *args, aio_value *result)
{
    const char *name = args[0].as.s;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status == AIO_OK) {
        *result = aio_str("finished");
        return AIO_OK;
    }
    if (status != AIO_CANCELLED)
        return status;
    aio_print("%s: cancelled", name);
    if (args[1].as.i) {
        *result = aio_str("stubborn swallowed the cancel");
        return AIO_OK;
    }
    return status;
}

static aio_coro *work(const char *name, bool swallow)
{
    return aio_coro_new2("worker", worker, aio_str(name), aio_int(swallow));
}

static aio_status attempt(const char *what, aio_awaitable *awaitable, double timeout)
{
    aio_value value;
    aio_status status = aio_await(aio_wait_for(awaitable, timeout), &value);
    char text[64];
    if (status == AIO_OK)
        aio_print("%s: %s", what, aio_repr(value, text, sizeof text));
    else if (status == AIO_TIMEOUT)
        aio_print("%s: TimeoutError", what);
    else
        return status;
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    const double minus_inf = -AIO_NO_TIMEOUT;
    aio_task *task = aio_create_task(work("plain", false));
    aio_status status = aio_await(aio_sleep(0), NULL); /* it has started and sleeps */
    if (status == AIO_OK)
        status = attempt("-inf on a running task", aio_as_awaitable(task), minus_inf);
    if (status != AIO_OK)
        return status;
    task = aio_create_task(work("stubborn", true));
    status = aio_await(aio_sleep(0), NULL);
    if (status == AIO_OK)
        status = attempt("-inf on a stubborn task", aio_as_awaitable(task), minus_inf);
    if (status != AIO_OK)
        return status;
    aio_future *done = aio_future_new();
    aio_future_set_result(done, aio_str("ready"));
    status = attempt("-inf on a done Future", aio_as_awaitable(done), minus_inf);
    if (status != AIO_OK)
        return status;
    return attempt("None", aio_as_awaitable(work("patient", false)), AIO_NO_TIMEOUT);
}

int main(void) { return run_main(main_body); }
