/* Claim C42 (post 2-5): wait_for returns a coroutine to await.  In 3.11 it
 * is a coroutine function: calling it starts nothing, so its timeout is
 * counted from the moment it is awaited, not from the call. */

#include "delay.h" /* the post's delay, as the chapters use it */
#include "scenario.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = aio_create_task(delay(2));
    aio_coro *waiter = aio_wait_for(task, 1);
    aio_print("wait_for(task, timeout=1) gave %s", aio_type(waiter));
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main awaits the wait_for coroutine");
    status = aio_await(waiter, NULL);
    if (status != AIO_TIMEOUT)
        return status == AIO_OK ? AIO_ERROR : status;
    aio_print("Got a timeout! Was the task cancelled? %s", py_bool(aio_task_cancelled(task)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
