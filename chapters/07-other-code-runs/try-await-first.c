/* Experiment for chapter 07: await the first task before the other code. */
#include "aio.h"
#include "delay.h"

static aio_status hello_every_second_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    for (int i = 0; i < 2; i++) {
        aio_status status = aio_await(aio_sleep(1), NULL);
        if (status != AIO_OK)
            return status;
        aio_print("I'm running other code while I'm waiting!");
    }
    return AIO_OK;
}

static aio_coro *hello_every_second(void)
{
    return aio_coro_new("hello_every_second", hello_every_second_body, aio_none());
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *first_delay = aio_create_task(delay(3));
    aio_task *second_delay = aio_create_task(delay(3));
    aio_status status = aio_await(first_delay, NULL); /* try: moved up, before hello_every_second() */
    if (status == AIO_OK)
        status = aio_await(hello_every_second(), NULL);
    if (status == AIO_OK)
        status = aio_await(second_delay, NULL);
    return status;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
