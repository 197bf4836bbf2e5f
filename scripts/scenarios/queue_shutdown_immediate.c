/* Queue.shutdown(immediate=True), new in 3.13: the items still in the
 * queue are dropped, each counted as done, and get() raises QueueShutDown
 * at once.  join() still waits for the item a worker is working on; its
 * task_done() releases it.  Before 3.13 the worker works through every
 * item, and is cancelled once join() returns. */
#include "scenario.h"

static char text[96];

static const char *str(aio_queue *queue) { return aio_queue_str(queue, text, sizeof text); }

static aio_status worker(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_queue *queue = args[0].as.p;
    for (;;) {
        aio_value item;
        aio_status status = aio_await(aio_queue_get(queue), &item);
        if (status == AIO_QUEUE_SHUT_DOWN) {
            aio_print("worker: get() raised %s(), %s", exc_name(status), str(queue));
            return AIO_OK;
        }
        if (status != AIO_OK)
            return status;
        aio_print("worker: got %ld", item.as.i);
        if ((status = aio_await(aio_sleep(2), NULL)) != AIO_OK)
            return status;
        aio_print("worker: done with %ld", item.as.i);
        if ((status = aio_queue_task_done(queue)) != AIO_OK)
            return status;
    }
}

static aio_status joiner(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_queue *queue = args[0].as.p;
    aio_status status = aio_await(aio_queue_join(queue), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("joiner: joined, %s", str(queue));
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_queue *queue = aio_queue_new(0);
    for (long item = 1; item <= 3; item++)
        aio_queue_put_nowait(queue, aio_int(item));
    aio_task *w = spawn("worker", worker, aio_ptr(queue));
    aio_task *j = spawn("joiner", joiner, aio_ptr(queue));
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: %s", str(queue));
    if (aio_queue_has_shutdown()) {
        aio_queue_shutdown(queue, true);
        aio_print("main: shutdown(immediate=True), %s", str(queue));
        status = aio_queue_put_nowait(queue, aio_int(4));
        if (status == AIO_QUEUE_SHUT_DOWN)
            aio_print("put_nowait(4) raised %s()", exc_name(status));
    }
    if ((status = aio_await(j, NULL)) != AIO_OK)
        return status;
    aio_print("main: %s", str(queue));
    aio_task_cancel(w);
    status = aio_await(w, NULL);
    if (status == AIO_CANCELLED)
        aio_print("main: worker cancelled");
    else if (status == AIO_OK)
        aio_print("main: worker returned");
    else
        return status;
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
