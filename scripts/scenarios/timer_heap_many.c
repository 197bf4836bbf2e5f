/* Sixty-four sleeps with scattered deadlines, many of them equal: they
 * wake in deadline order, equal ones in creation order.  Enough timers at
 * once that the heap is four levels deep. */
#include "scenario.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep((double)args[0].as.i / 100), NULL);
    if (status == AIO_OK)
        aio_print("sleeper %ld woke (%ld ms)", args[1].as.i, args[0].as.i * 10);
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *tasks[64];
    for (long i = 0; i < 64; i++)
        tasks[i] = aio_create_task(aio_coro_new2("sleeper", sleeper, aio_int(i * 37 % 17), aio_int(i)));
    for (int i = 0; i < 64; i++) {
        aio_status status = aio_await(tasks[i], NULL);
        if (status != AIO_OK)
            return status;
    }
    aio_print("all woke");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
