/* Getters are woken first come, first served: three waiting getters take
 * three items in the order they began to wait.  A woken getter finds its
 * item taken by get_nowait() before it ran: it waits again, at the back,
 * behind a getter that came after it. */
#include "scenario.h"

static char text[96];

static const char *str(aio_queue *queue) { return aio_queue_str(queue, text, sizeof text); }

static aio_status getter(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_value item;
    aio_status status = aio_await(aio_queue_get(args[1].as.p), &item);
    if (status != AIO_OK)
        return status;
    aio_print("%s: got %ld", args[0].as.s, item.as.i);
    return AIO_OK;
}

static void start(const char *name, aio_queue *queue)
{
    aio_create_task(aio_coro_new2("getter", getter, aio_str(name), aio_ptr(queue)));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_queue *queue = aio_queue_new(0);
    start("g1", queue);
    start("g2", queue);
    start("g3", queue);
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: %s", str(queue));
    for (long item = 1; item <= 3; item++)
        aio_queue_put_nowait(queue, aio_int(item));
    aio_print("main: %s", str(queue));
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("main: %s", str(queue));

    start("h1", queue);
    start("h2", queue);
    if ((status = aio_await(aio_sleep(0), NULL)) != AIO_OK)
        return status;
    aio_queue_put_nowait(queue, aio_int(4));
    aio_value back;
    aio_queue_get_nowait(queue, &back);
    aio_print("main: put 4, took %ld back, %s", back.as.i, str(queue));
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("main: %s", str(queue));
    aio_queue_put_nowait(queue, aio_int(5));
    aio_queue_put_nowait(queue, aio_int(6));
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("main: %s", str(queue));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
