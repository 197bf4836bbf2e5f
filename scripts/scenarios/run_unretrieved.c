/* A task fails and nobody ever looks at its exception: it is reported
 * on stderr when the loop closes, as CPython does when it collects it. */
#include "scenario.h"

static aio_status boom(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(0.1), NULL);
    if (status != AIO_OK)
        return status;
    return aio_raise(AIO_VALUE_ERROR, "boom");
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    spawn("boom", boom, aio_none());
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: done, without awaiting the failed task");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
