/* sleep() with a zero or negative delay yields exactly once, like
 * sleep(0); it never raises.  (CPython treats any delay <= 0 that way.) */
#include "scenario.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    (void)result;
    for (int lap = 0; lap < 2; lap++) {
        aio_print("%s lap %d", args[0].as.s, lap);
        aio_status status = aio_await(aio_sleep(args[1].as.f), NULL);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *tasks[] = {
        aio_create_task(aio_coro_new2("sleeper", sleeper, aio_str("zero"), aio_float(0))),
        aio_create_task(aio_coro_new2("sleeper", sleeper, aio_str("minus"), aio_float(-1))),
        aio_create_task(aio_coro_new2("sleeper", sleeper, aio_str("tiny"), aio_float(0.001))),
    };
    for (int i = 0; i < 3; i++) {
        aio_status status = aio_await(tasks[i], NULL);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
