/* main returns while four tasks still sleep: run() cancels them all and
 * waits.  Each answers the cancel its own way; only the two that end with
 * an exception other than CancelledError are reported, each by name.
 * CPython cancels them in no defined order, so they print nothing here. */
#include <string.h>

#include "scenario.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    const char *name = args[0].as.s, *answer = args[1].as.s;
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status != AIO_CANCELLED)
        return status;
    if (strcmp(answer, "ValueError") == 0)
        return aio_raise(AIO_VALUE_ERROR, name);
    if (strcmp(answer, "TimeoutError") == 0)
        return aio_raise(AIO_TIMEOUT, name);
    if (strcmp(answer, "a return") == 0) {
        *result = aio_str(name);
        return AIO_OK;
    }
    return status;
}

static void start(const char *name, const char *answer)
{
    aio_create_task(aio_coro_new2("sleeper", sleeper, aio_str(name), aio_str(answer)));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    start("a", "ValueError");
    start("b", "CancelledError");
    start("c", "a return");
    start("d", "TimeoutError");
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: returns with four tasks asleep");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
