/* asyncio.sleep() with a NaN delay.  NaN <= 0 is false, so it is not the
 * sleep(0) path: 3.11 and 3.12 arm a timer for loop.time() + NaN, which
 * the loop finds due on its next look, so the sleeper wakes one loop
 * iteration later than sleep(0) would (the ticks show the iterations).
 * 3.13 refuses the NaN with ValueError before it arms anything. */
#include <math.h>

#include "scenario.h"

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
    aio_task *ticking = spawn("ticker", ticker, aio_none());
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: sleep(0) returned");
    status = aio_await(aio_sleep(NAN), NULL);
    if (status == AIO_VALUE_ERROR)
        aio_print("main: sleep(nan) raised ValueError: %s", aio_exception_message());
    else if (status == AIO_OK)
        aio_print("main: sleep(nan) returned");
    else
        return status;
    return aio_await(ticking, NULL);
}

int main(void) { return run_main(main_body); }
