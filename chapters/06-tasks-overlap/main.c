/* Chapter 06 (post 2-2): three tasks that each sleep 3 s take 3 s in all. */
#include "aio.h"
#include "delay.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *sleep_for_three = aio_create_task(delay(3));
    aio_task *sleep_again = aio_create_task(delay(3));
    aio_task *sleep_once_more = aio_create_task(delay(3));

    /* The first await lets all three start; by the time the first one is
     * done, the other two are done too, so the later awaits do not wait. */
    aio_status status = aio_await(sleep_for_three, NULL);
    if (status == AIO_OK)
        status = aio_await(sleep_again, NULL);
    if (status == AIO_OK)
        status = aio_await(sleep_once_more, NULL);
    return status;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
