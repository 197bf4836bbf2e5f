/* A chain of coroutines inside one task is cancelled at its deepest
 * await; every level runs its cleanup, innermost first. */
#include "scenario.h"

static aio_status level(const aio_value *args, aio_value *result)
{
    (void)result;
    long n = args[0].as.i;
    aio_status status = n == 3 ? aio_await(aio_sleep(10), NULL)
                               : aio_await(coro("level", level, aio_int(n + 1)), NULL);
    /* Python's `finally:` runs whatever the await raised */
    aio_print("level %ld cleans up", n);
    aio_status cleanup = aio_await(aio_sleep(0.1), NULL);
    if (cleanup != AIO_OK)
        return cleanup;
    aio_print("level %ld is clean", n);
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = spawn("level", level, aio_int(1));
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(task);
    if (aio_await(task, NULL) == AIO_CANCELLED)
        aio_print("main: the whole chain was cancelled");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
