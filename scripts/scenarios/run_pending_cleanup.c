/* main returns while a task is still sleeping: aio_run cancels it and
 * lets its cleanup, await included, finish before closing the loop. */
#include "scenario.h"

static aio_status background(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("background: cancelled by asyncio.run, cleaning up");
    aio_status cleanup = aio_await(aio_sleep(0.5), NULL);
    if (cleanup != AIO_OK)
        return cleanup;
    aio_print("background: cleanup finished");
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    spawn("background", background, aio_none());
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: returning with a task still pending");
    return AIO_OK;
}

int main(void)
{
    int code = run_main(main_body);
    aio_print("after asyncio.run");
    return code;
}
