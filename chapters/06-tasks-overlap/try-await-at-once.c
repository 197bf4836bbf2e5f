/* Experiment for chapter 06: await each task right after creating it. */
#include "aio.h"
#include "delay.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *sleep_for_three = aio_create_task(delay(3));
    aio_status status = aio_await(sleep_for_three, NULL); /* try: awaited before the next task exists */
    if (status != AIO_OK)
        return status;
    aio_task *sleep_again = aio_create_task(delay(3));
    status = aio_await(sleep_again, NULL); /* try */
    if (status != AIO_OK)
        return status;
    aio_task *sleep_once_more = aio_create_task(delay(3));
    return aio_await(sleep_once_more, NULL); /* try */
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
