/* Experiment for chapter 08: cancel after 2 s instead of 5. */
#include "aio.h"
#include "delay.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *long_task = aio_create_task(delay(10));
    int seconds_elapsed = 0;

    while (!aio_task_done(long_task)) {
        aio_print("Task not finished, checking again in a second.");
        aio_status status = aio_await(aio_sleep(1), NULL);
        if (status != AIO_OK)
            return status;
        seconds_elapsed += 1;
        if (seconds_elapsed == 2) /* try: 2 instead of 5 */
            aio_task_cancel(long_task);
    }

    aio_status status = aio_await(long_task, NULL);
    if (status == AIO_CANCELLED)
        aio_print("Our task was cancelled.");
    else if (status != AIO_OK)
        return status;
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
