/* Chapter 05 (post 2-1): create_task schedules a coroutine; it starts
 * only once main gives the loop control, here at its await. */
#include "aio.h"
#include "delay.h"

/* Its own return slot is `main_result`: `result` is the post's name for
 * the task's value. */
static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    aio_task *sleep_for_three = aio_create_task(delay(3));
    aio_print("%s", aio_type(sleep_for_three)); /* delay has not printed yet */

    aio_value result;
    aio_status status = aio_await(sleep_for_three, &result);
    if (status != AIO_OK)
        return status;
    aio_print("%ld", result.as.i);
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
