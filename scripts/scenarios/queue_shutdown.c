/* Queue.shutdown(), new in 3.13.  A putter waiting on a full queue is
 * woken and raises QueueShutDown, and so does put_nowait(); the items
 * already in can still be taken, and then get_nowait() raises
 * QueueShutDown, not QueueEmpty.  Getters waiting on an empty queue are
 * woken and raise it too.  Before 3.13 there is no shutdown(): the putter
 * goes in once there is room, and the waiting getters must be cancelled. */
#include "scenario.h"

static char text[96];

static const char *str(aio_queue *queue) { return aio_queue_str(queue, text, sizeof text); }

static aio_status putter(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_queue *queue = args[0].as.p;
    const char *item = args[1].as.s;
    aio_status status = aio_await(aio_queue_put(queue, aio_str(item)), NULL);
    if (status == AIO_QUEUE_SHUT_DOWN) {
        aio_print("put('%s') raised %s(), %s", item, exc_name(status), str(queue));
        return AIO_OK;
    }
    if (status != AIO_OK)
        return status;
    aio_print("put('%s') went in, %s", item, str(queue));
    return AIO_OK;
}

static aio_status getter(const aio_value *args, aio_value *result)
{
    (void)result;
    const char *name = args[0].as.s;
    aio_value item;
    aio_status status = aio_await(aio_queue_get(args[1].as.p), &item);
    if (status == AIO_QUEUE_SHUT_DOWN) {
        aio_print("%s: get() raised %s()", name, exc_name(status));
        return AIO_OK;
    }
    if (status == AIO_CANCELLED)
        aio_print("%s: cancelled", name);
    if (status != AIO_OK)
        return status;
    aio_print("%s: got '%s'", name, item.as.s);
    return AIO_OK;
}

static void get_nowait(aio_queue *queue)
{
    aio_value item;
    aio_status status = aio_queue_get_nowait(queue, &item);
    if (status == AIO_OK)
        aio_print("get_nowait() = '%s', %s", item.as.s, str(queue));
    else
        aio_print("get_nowait() raised %s()", exc_name(status));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("hasattr(Queue, 'shutdown') = %s", py_bool(aio_queue_has_shutdown()));
    aio_queue *full = aio_queue_new(1);
    aio_queue_put_nowait(full, aio_str("a"));
    aio_create_task(aio_coro_new2("putter", putter, aio_ptr(full), aio_str("b")));
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: %s", str(full));
    if (aio_queue_has_shutdown()) {
        aio_queue_shutdown(full, false);
        aio_print("main: shutdown(), %s", str(full));
        status = aio_queue_put_nowait(full, aio_str("c"));
        if (status == AIO_QUEUE_SHUT_DOWN)
            aio_print("put_nowait('c') raised %s()", exc_name(status));
    }
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    get_nowait(full);
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    get_nowait(full);
    get_nowait(full);

    aio_queue *empty = aio_queue_new(0);
    aio_task *getters[] = {
        aio_create_task(aio_coro_new2("getter", getter, aio_str("g1"), aio_ptr(empty))),
        aio_create_task(aio_coro_new2("getter", getter, aio_str("g2"), aio_ptr(empty))),
    };
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("main: %s", str(empty));
    if (aio_queue_has_shutdown())
        aio_queue_shutdown(empty, false);
    else
        for (int i = 0; i < 2; i++)
            aio_task_cancel(getters[i]);
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("main: %s", str(empty));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
