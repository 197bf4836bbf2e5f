/* cancel() arrives in the same loop iteration in which the task's sleep
 * finished: the request waits in must_cancel for the task's next step. */
#include "scenario.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status == AIO_OK)
        aio_print("sleeper: woke normally");
    else if (status == AIO_CANCELLED)
        aio_print("sleeper: cancelled, although its sleep had finished");
    return status;
}

static aio_status canceller(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_task **victim = args[0].as.p;
    aio_status status = aio_await(aio_sleep(1), NULL); /* armed first, so it fires first */
    if (status != AIO_OK)
        return status;
    aio_print("canceller: cancel() = %s", py_bool(aio_task_cancel(*victim)));
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    static aio_task *victim;
    aio_task *other = spawn("canceller", canceller, aio_ptr(&victim));
    victim = spawn("sleeper", sleeper, aio_none());
    aio_status status = aio_await(other, NULL);
    if (status != AIO_OK)
        return status;
    if (aio_await(victim, NULL) == AIO_CANCELLED)
        aio_print("main: sleeper cancelled = %s", py_bool(aio_task_cancelled(victim)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
