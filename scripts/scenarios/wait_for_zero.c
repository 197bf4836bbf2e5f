/* timeout=0 (or below): a coroutine is wrapped in a task and cancelled
 * before it can start; a Future that is already done gives its result. */
#include "scenario.h"

static aio_status never_runs(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_print("never printed");
    *result = aio_str("unreachable");
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    double timeouts[] = { 0, -1 };
    for (int i = 0; i < 2; i++) {
        aio_status status = aio_await(aio_wait_for(coro("never_runs", never_runs, aio_none()), timeouts[i]), NULL);
        if (status == AIO_TIMEOUT)
            aio_print("timeout=%g: TimeoutError, and the body never ran", timeouts[i]);
    }
    aio_future *done = aio_future_new();
    aio_future_set_result(done, aio_str("ready"));
    aio_value value;
    aio_status status = aio_await(aio_wait_for(done, 0), &value);
    if (status != AIO_OK)
        return status;
    char text[32];
    aio_print("timeout=0 on a done Future: %s", aio_repr(value, text, sizeof text));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
