/* join() waits for task_done(), not for get(): the queue is empty while
 * the worker still works on its last item.  Everyone waiting in join() is
 * woken by the last task_done(), and a put() after that makes join() wait
 * again.  With nothing unfinished, join() returns without a pause, and no
 * other task runs meanwhile. */
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
        if (status != AIO_OK)
            return status;
        if ((status = aio_await(aio_sleep((double)item.as.i), NULL)) != AIO_OK)
            return status;
        aio_print("worker: done with %ld, %s", item.as.i, str(queue));
        if ((status = aio_queue_task_done(queue)) != AIO_OK)
            return status;
    }
}

static aio_status joiner(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_queue *queue = args[1].as.p;
    aio_status status = aio_await(aio_queue_join(queue), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s: joined, %s", args[0].as.s, str(queue));
    return AIO_OK;
}

static aio_status other(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("other: runs");
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_queue *queue = aio_queue_new(0);
    aio_task *task = spawn("other", other, aio_none());
    aio_status status = aio_await(aio_queue_join(queue), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: joined at once, other.done() = %s", py_bool(aio_task_done(task)));
    if ((status = aio_await(task, NULL)) != AIO_OK)
        return status;

    for (long item = 1; item <= 3; item++)
        aio_queue_put_nowait(queue, aio_int(item));
    aio_task *w = spawn("worker", worker, aio_ptr(queue));
    aio_create_task(aio_coro_new2("joiner", joiner, aio_str("j1"), aio_ptr(queue)));
    aio_create_task(aio_coro_new2("joiner", joiner, aio_str("j2"), aio_ptr(queue)));
    if ((status = aio_await(aio_sleep(3.5), NULL)) != AIO_OK)
        return status;
    aio_print("main: %s", str(queue));
    if ((status = aio_await(aio_queue_join(queue), NULL)) != AIO_OK)
        return status;
    aio_print("main: joined, %s", str(queue));

    aio_queue_put_nowait(queue, aio_int(1));
    aio_print("main: %s", str(queue));
    if ((status = aio_await(aio_queue_join(queue), NULL)) != AIO_OK)
        return status;
    aio_print("main: joined again, %s", str(queue));
    aio_task_cancel(w);
    if ((status = aio_await(aio_sleep(0), NULL)) != AIO_OK)
        return status;
    aio_print("main: %s", str(queue));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
