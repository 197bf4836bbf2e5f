/* Enormous delays keep their order: 2e9 s comes before 3e9 s, whether the
 * sleep or wait_for's timeout has the shorter one, and three sleepers of
 * 3e9, 2e9 and 1e9 s (plus a millisecond) wake shortest first.  Loop time
 * ends near 7e9 s, still within what 64-bit nanoseconds hold. */
#include "scenario.h"

static aio_status nap(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep(args[0].as.f), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s woke", (const char *)args[1].as.p);
    *result = args[1];
    return AIO_OK;
}

static aio_coro *napper(double seconds, const char *label)
{
    return aio_coro_new2("nap", nap, aio_float(seconds), aio_str(label));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char text[48];
    aio_value value;
    aio_status status = aio_await(aio_wait_for(napper(2e9, "2e9 sleeper"), 3e9), &value);
    if (status != AIO_OK)
        return status;
    aio_print("wait_for(sleep 2e9, timeout 3e9) returned %s", aio_repr(value, text, sizeof text));
    status = aio_await(aio_wait_for(napper(3e9, "3e9 sleeper"), 2e9), NULL);
    if (status != AIO_TIMEOUT)
        return status == AIO_OK ? aio_raise(AIO_ERROR, "no timeout") : status;
    aio_print("wait_for(sleep 3e9, timeout 2e9) timed out");
    aio_task *tasks[] = {
        aio_create_task(napper(3e9, "3e+09 s task")),
        aio_create_task(napper(2e9, "2e+09 s task")),
        aio_create_task(napper(1e9 + 0.001, "1e+09 s task")),
    };
    for (size_t i = 0; i < sizeof tasks / sizeof *tasks; i++)
        if ((status = aio_await(tasks[i], NULL)) != AIO_OK)
            return status;
    aio_print("main done");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
