/* Debug mode names a step that holds the loop for the slow-callback
 * threshold, 0.1 s, or longer; a step just under it goes unnamed.  Each
 * step is timed from the start of its iteration, at a whole loop time, so
 * the sums come out exact in floating point too. */
#include <stdlib.h>

#include "scenario.h"

static aio_status blocker(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_time_sleep(args[0].as.f);
    aio_print("blocker: held the loop for %g s", args[0].as.f);
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(spawn("blocker", blocker, aio_float(0.1)), NULL);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(0.9), NULL);
    if (status == AIO_OK)
        status = aio_await(spawn("blocker", blocker, aio_float(0.099)), NULL);
    return status;
}

int main(void)
{
    /* asyncio.run(main(), debug=True): read before anything runs */
    if (setenv("AIO_DEBUG", "1", 1) != 0)
        return 1;
    return run_main(main_body);
}
