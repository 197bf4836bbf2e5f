/* Chapter 09 (post 2-5): wait_for gives up after the timeout and cancels
 * the task it waited for. */
#include "aio.h"
#include "delay.h"

/* Its own return slot is `main_result`: `result` is the post's name for
 * the task's value. */
static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    aio_task *delay_task = aio_create_task(delay(2));
    aio_value result;
    aio_status status = aio_await(aio_wait_for(delay_task, 1), &result);
    if (status == AIO_OK) {
        aio_print("%ld", result.as.i);
    } else if (status == AIO_TIMEOUT) {
        aio_print("Got a timeout!");
        aio_print("Was the task cancelled? %s", aio_task_cancelled(delay_task) ? "True" : "False");
    } else {
        return status;
    }
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
