/* Section 1-4: asyncio.sleep.  A Future, and a timer that sets its result;
 * awaiting the Future is what suspends the task.  sleep(0) instead yields
 * once, letting everything else that is ready run first. */
#include <math.h>

#include "internal.h"
#include "loop.h"
#include "machinery/config.h"

/* futures._set_result_unless_cancelled */
static void wake_sleeper(void *arg)
{
    aio_future *future = arg;
    if (!aio_future_cancelled(future))
        aio_future_set_result(future, aio_none());
}

static aio_status sleep_body(const aio_value *args, aio_value *result)
{
    double seconds = args[0].as.f;
    (void)result;
    /* 3.13 refuses a NaN.  Before, NaN <= 0 is false, so a NaN takes the
     * timer's path below (scenario sleep_nan). */
    if (isnan(seconds) && aio_python() >= 13)
        return aio_raise_in("asyncio.sleep()", AIO_VALUE_ERROR, "Invalid delay: NaN (not a number)");
    if (seconds <= 0)
        return aio_task_yield(NULL);
    if (!aio_loop_is_running()) /* get_running_loop(): a Task closed after its loop */
        return aio_raise_in("asyncio.sleep()", AIO_RUNTIME_ERROR, "no running event loop");

    aio_future *future = aio_future_new_sized(sizeof *future, "sleep's Future");
    /* A timer for loop.time() + NaN is one the loop finds due on its next
     * look, as one for now is (wait_for.c, due_now_if_nan()). */
    aio_handle *timer = aio_call_later(isnan(seconds) ? 0 : seconds, wake_sleeper, future);
    aio_status status = aio_await(future, NULL);
    aio_timer_cancel(timer); /* Python's `finally: h.cancel()`: a no-op if it fired */
    return status;
}

aio_coro *aio_sleep(double seconds)
{
    return aio_coro_new("sleep", sleep_body, aio_float(seconds));
}
