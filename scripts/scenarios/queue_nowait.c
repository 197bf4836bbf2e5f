/* The forms that never wait: get_nowait() of an empty queue raises
 * QueueEmpty, put_nowait() into a full one QueueFull, neither with a
 * message.  A maxsize of 0, or below, is no limit: full() is never True,
 * and a thousand items, for which the queue grows, come back in order. */
#include "scenario.h"

static void show(aio_queue *queue)
{
    char text[96];
    aio_print("%s: qsize=%zu empty=%s full=%s maxsize=%ld", aio_queue_str(queue, text, sizeof text),
              aio_queue_qsize(queue), py_bool(aio_queue_empty(queue)), py_bool(aio_queue_full(queue)),
              aio_queue_maxsize(queue));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_queue *queue = aio_queue_new(2);
    show(queue);
    aio_value item;
    aio_status status = aio_queue_get_nowait(queue, &item);
    if (status == AIO_QUEUE_EMPTY)
        aio_print("get_nowait() raised %s()", exc_name(status));
    aio_queue_put_nowait(queue, aio_str("x"));
    aio_queue_put_nowait(queue, aio_float(2.5));
    show(queue);
    status = aio_queue_put_nowait(queue, aio_str("z"));
    if (status == AIO_QUEUE_FULL)
        aio_print("put_nowait() raised %s()", exc_name(status));
    aio_queue_get_nowait(queue, &item);
    char repr[32];
    aio_print("get_nowait() = %s", aio_repr(item, repr, sizeof repr));
    show(queue);
    for (long maxsize = 0; maxsize >= -1; maxsize--) {
        aio_queue *unlimited = aio_queue_new(maxsize);
        for (long i = 1; i <= 1000; i++)
            aio_queue_put_nowait(unlimited, aio_int(i));
        aio_print("maxsize=%ld: qsize=%zu full=%s", maxsize, aio_queue_qsize(unlimited),
                  py_bool(aio_queue_full(unlimited)));
        /* Grown from 4 slots to 1024 on the way: every item kept, in order. */
        bool in_order = true;
        for (long i = 1; i <= 1000; i++)
            in_order = aio_queue_get_nowait(unlimited, &item) == AIO_OK && item.kind == AIO_INT && item.as.i == i &&
                       in_order;
        aio_print("get_nowait() gave 1 to 1000 in order: %s", py_bool(in_order));
    }
    aio_queue *small = aio_queue_new(0);
    aio_queue_put_nowait(small, aio_none());
    aio_queue_put_nowait(small, aio_str("it's"));
    show(small);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
