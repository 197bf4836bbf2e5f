/* Experiment for chapter 08: delay catches its CancelledError and returns.
 * The post's delay lives in common/delay.c; this one is a copy with the
 * catch added, so delay.h is not included. */
#include "aio.h"

static aio_status delay_body(const aio_value *args, aio_value *result)
{
    long delay_seconds = args[0].as.i;
    aio_print("sleeping for %ld second(s)", delay_seconds);
    aio_status status = aio_await(aio_sleep((double)delay_seconds), NULL);
    if (status == AIO_CANCELLED) { /* try: catch the cancellation inside the task... */
        aio_print("delay caught CancelledError and returns 0");
        *result = aio_int(0);
        return AIO_OK; /* try: ...and return normally */
    }
    if (status != AIO_OK)
        return status;
    aio_print("finished sleeping for %ld second(s)", delay_seconds);
    *result = aio_int(delay_seconds);
    return AIO_OK;
}

static aio_coro *delay(long delay_seconds)
{
    return aio_coro_new("delay", delay_body, aio_int(delay_seconds));
}

static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    aio_task *long_task = aio_create_task(delay(10));
    int seconds_elapsed = 0;

    while (!aio_task_done(long_task)) {
        aio_print("Task not finished, checking again in a second.");
        aio_status status = aio_await(aio_sleep(1), NULL);
        if (status != AIO_OK)
            return status;
        seconds_elapsed += 1;
        if (seconds_elapsed == 5)
            aio_task_cancel(long_task);
    }

    aio_value result;
    aio_status status = aio_await(long_task, &result); /* try: keep what it returns */
    if (status == AIO_CANCELLED)
        aio_print("Our task was cancelled.");
    else if (status != AIO_OK)
        return status;
    else /* try: report a normal ending too */
        aio_print("Our task returned %ld; cancelled? %s", result.as.i,
                  aio_task_cancelled(long_task) ? "True" : "False");
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
