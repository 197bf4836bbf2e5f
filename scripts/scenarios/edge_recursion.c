/* Ordinary recursion fits in a task's stack: a coroutine that awaits
 * itself 500 levels deep (a task's stack holds that in every build,
 * sanitizers included: see common/stack.h), sleeping at the bottom so
 * that the loop switches away from and back to the deepest frame, while
 * a second task runs. */
#include "scenario.h"

static aio_status down(const aio_value *args, aio_value *result)
{
    long n = args[0].as.i;
    if (n == 0) {
        aio_status status = aio_await(aio_sleep(0.5), NULL);
        *result = aio_int(0);
        return status;
    }
    aio_value below;
    aio_status status = aio_await(coro("down", down, aio_int(n - 1)), &below);
    if (status != AIO_OK)
        return status;
    *result = aio_int(below.as.i + 1);
    return AIO_OK;
}

static aio_status ticker(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(0.25), NULL);
    aio_print("ticker ran while the recursion slept");
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    static const long depths[] = { 200, 500 };
    for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
        aio_task *tick = spawn("ticker", ticker, aio_none());
        aio_task *deep = spawn("down", down, aio_int(depths[i]));
        aio_value depth;
        aio_status status = aio_await(deep, &depth);
        if (status != AIO_OK)
            return status;
        if ((status = aio_await(tick, NULL)) != AIO_OK)
            return status;
        aio_print("depth %ld reached", depth.as.i);
    }
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
