/* Chapter 14 (the warning box in post 1-4, once tasks exist): time.sleep
 * blocks the only thread, so the whole loop stops and every other task
 * is late.  With AIO_DEBUG=1 the loop says which step was slow, as
 * asyncio's debug mode does. */
#include "aio.h"

static aio_status ticker(const aio_value *args, aio_value *result)
{
    (void)result;
    for (int tick = 1; tick <= 3; tick++) {
        aio_status status = aio_await(aio_sleep(0.5), NULL); /* due every 0.5 s */
        if (status != AIO_OK)
            return status;
        aio_print("%s tick %d", args[0].as.s, tick);
    }
    return AIO_OK;
}

static aio_status blocker(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(0.2), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("blocker: calls time.sleep(1), which blocks the whole loop");
    aio_time_sleep(1); /* never do this in a coroutine: no await, no switch */
    aio_print("blocker: back after 1 s; every other task is late");
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *tasks[] = {
        aio_create_task(aio_coro_new("ticker", ticker, aio_str("A"))),
        aio_create_task(aio_coro_new("ticker", ticker, aio_str("B"))),
        aio_create_task(aio_coro_new("blocker", blocker, aio_none())),
    };
    for (size_t i = 0; i < sizeof tasks / sizeof tasks[0]; i++) {
        aio_status status = aio_await(tasks[i], NULL);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
