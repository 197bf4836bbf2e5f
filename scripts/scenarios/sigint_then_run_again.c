/* SIGINT during one asyncio.run() (sent by main itself, so the moment is
 * fixed): main is cancelled and run() raises KeyboardInterrupt, which the
 * program catches.  The next run() starts afresh: its main cancelling
 * itself ends in CancelledError, not in a KeyboardInterrupt left over. */
#include <signal.h>

#include "scenario.h"

static aio_status main1(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("main1: raising SIGINT");
    raise(SIGINT);
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status == AIO_CANCELLED)
        aio_print("main1: cancelled");
    return status;
}

static aio_status main2(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task_cancel(aio_current_task());
    return aio_await(aio_sleep(0), NULL);
}

int main(void)
{
    /* As from a terminal: a background job may have inherited SIGINT
     * ignored, and run() leaves an ignored SIGINT alone. */
    signal(SIGINT, SIG_DFL);
    aio_status status = aio_run(aio_coro_new("main1", main1, aio_none()), NULL);
    aio_print("run 1: %s", exc_name(status));
    status = aio_run(aio_coro_new("main2", main2, aio_none()), NULL);
    aio_print("run 2: %s", exc_name(status));
    return 0;
}
