/* Claims C33-C36 (post 2-3, the numbered walk-through): the post says the
 * pending tasks run at main's first await, and hello_every_second only
 * once they are idle.  In fact main goes on into hello_every_second and
 * reaches its first sleep before either task has run a line. */

#include "delay.h" /* the post's delay, as the chapters use it */
#include "scenario.h"

static aio_status hello_every_second(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("hello_every_second starts");
    for (int i = 0; i < 2; i++) {
        aio_print("hello_every_second sleeps 1 s");
        aio_status status = aio_await(aio_sleep(1), NULL);
        if (status != AIO_OK)
            return status;
        aio_print("I'm running other code while I'm waiting!");
    }
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *first_delay = aio_create_task(delay(3));
    aio_task *second_delay = aio_create_task(delay(3));
    aio_print("main created two tasks, awaits hello_every_second()");
    aio_status status = aio_await(coro("hello_every_second", hello_every_second, aio_none()), NULL);
    if (status == AIO_OK)
        status = aio_await(first_delay, NULL);
    if (status == AIO_OK)
        status = aio_await(second_delay, NULL);
    return status;
}

int main(void) { return run_main(main_body); }
