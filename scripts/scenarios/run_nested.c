/* aio_run() inside a running loop raises RuntimeError; the coroutine
 * handed to it is never awaited. */
#include "scenario.h"

static aio_status nothing(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_run(coro("nothing", nothing, aio_none()), NULL);
    if (status == AIO_RUNTIME_ERROR)
        aio_print("main: RuntimeError: %s", aio_exception_message());
    aio_print("main: the loop is still running");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
