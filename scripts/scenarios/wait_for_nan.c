/* wait_for() with a NaN timeout.  NaN <= 0 is false, so it is not the
 * timeout=0 path: the timer is armed for loop.time() + NaN, and since no
 * other timer is pending, the loop finds it due on its next look, and the
 * awaitable is cancelled: TimeoutError, at once.  3.11 runs a coroutine
 * in a Task of its own, 3.12 and 3.13 in the waiting task (the ticks
 * show the loop iterations).  A Task is cancelled.  A Future already
 * done gives its result.  (3.13's loop, if nothing else were ready when
 * it came to wait on that timer, would pass the NaN to select() and die
 * with ValueError: the ticker keeps it busy.) */
#include <math.h>

#include "scenario.h"

static aio_status work(const aio_value *args, aio_value *result)
{
    aio_print("%s: starts", args[0].as.s);
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status == AIO_CANCELLED)
        aio_print("%s: cancelled", args[0].as.s);
    if (status != AIO_OK)
        return status;
    *result = args[0];
    return AIO_OK;
}

static aio_status ticker(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    for (int tick = 0; tick < 4; tick++) {
        aio_print("tick %d", tick);
        aio_status status = aio_await(aio_sleep(0), NULL);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    double nan = NAN;
    aio_task *ticking = spawn("ticker", ticker, aio_none());
    aio_status status = aio_await(aio_wait_for(coro("work", work, aio_str("coroutine")), nan), NULL);
    if (status == AIO_TIMEOUT)
        aio_print("coroutine: TimeoutError");
    else if (status != AIO_OK)
        return status;
    if ((status = aio_await(ticking, NULL)) != AIO_OK)
        return status;

    ticking = spawn("ticker", ticker, aio_none());
    aio_task *task = spawn("work", work, aio_str("task"));
    status = aio_await(aio_wait_for(task, nan), NULL);
    if (status == AIO_TIMEOUT)
        aio_print("task: TimeoutError, cancelled() = %s", py_bool(aio_task_cancelled(task)));
    else if (status != AIO_OK)
        return status;
    if ((status = aio_await(ticking, NULL)) != AIO_OK)
        return status;

    aio_future *done = aio_future_new();
    aio_future_set_result(done, aio_int(5));
    aio_value value;
    if ((status = aio_await(aio_wait_for(done, nan), &value)) != AIO_OK)
        return status;
    aio_print("a done Future: %ld", value.as.i);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
