/* Section 1-4: asyncio.sleep.  A Future, and a timer that sets its result;
 * awaiting the Future is what suspends the task.  sleep(0) instead yields
 * once, letting everything else that is ready run first. */
#include <math.h>

#include "internal.h"
#include "loop.h"

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
    if (isnan(seconds))
        return aio_raise_in("asyncio.sleep()", AIO_VALUE_ERROR, "sleep length must be a number, not NaN");
    if (seconds <= 0)
        return aio_task_yield(NULL);
    if (!aio_loop_is_running()) /* get_running_loop(): a Task closed after its loop */
        return aio_raise_in("asyncio.sleep()", AIO_RUNTIME_ERROR, "no running event loop");

    aio_future *future = aio_future_new_sized(sizeof *future, "sleep's Future");
    aio_handle *timer = aio_call_later(seconds, wake_sleeper, future);
    aio_status status = aio_await(future, NULL);
    aio_timer_cancel(timer); /* Python's `finally: h.cancel()`: a no-op if it fired */
    return status;
}

aio_coro *aio_sleep(double seconds)
{
    return aio_coro_new("sleep", sleep_body, aio_float(seconds));
}
