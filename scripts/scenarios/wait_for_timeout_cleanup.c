/* On timeout, wait_for cancels the inner coroutine and waits until its
 * cleanup has finished; only then does TimeoutError reach the caller. */
#include "scenario.h"

static aio_status slow(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("slow: cancelled by the timeout, cleaning up for 0.5 s");
    aio_status cleanup = aio_await(aio_sleep(0.5), NULL);
    if (cleanup != AIO_OK)
        return cleanup;
    aio_print("slow: cleanup finished");
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_wait_for(coro("slow", slow, aio_none()), 1), NULL);
    if (status == AIO_TIMEOUT)
        aio_print("main: TimeoutError, after the cleanup");
    return status == AIO_TIMEOUT ? AIO_OK : status;
}

int main(void) { return run_main(main_body); }
