/* A putter cancelled while the queue is full.  Cancelled in the step in
 * which get_nowait() woke it, it cannot take the free place: it wakes the
 * next putter in line, whose item goes in.  Cancelled while it still
 * waits, its Future is cancelled and its item never goes in. */
#include "scenario.h"

static char text[96];

static const char *str(aio_queue *queue) { return aio_queue_str(queue, text, sizeof text); }

static aio_status putter(const aio_value *args, aio_value *result)
{
    (void)result;
    const char *name = args[0].as.s;
    aio_queue *queue = args[1].as.p;
    long item = name[0] - 'p' + 1; /* p puts 1, q 2, r 3 */
    aio_status status = aio_await(aio_queue_put(queue, aio_int(item)), NULL);
    if (status == AIO_CANCELLED) {
        aio_print("%s: cancelled, %s", name, str(queue));
        return status;
    }
    if (status != AIO_OK)
        return status;
    aio_print("%s: put %ld, %s", name, item, str(queue));
    return AIO_OK;
}

static aio_task *start(const char *name, aio_queue *queue)
{
    return aio_create_task(aio_coro_new2("putter", putter, aio_str(name), aio_ptr(queue)));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_queue *queue = aio_queue_new(1);
    aio_queue_put_nowait(queue, aio_int(0));
    aio_task *p = start("p", queue);
    start("q", queue);
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: %s", str(queue));
    aio_value item;
    aio_queue_get_nowait(queue, &item);
    bool cancelled = aio_task_cancel(p);
    aio_print("main: got %ld, p.cancel() = %s, %s", item.as.i, py_bool(cancelled), str(queue));
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("main: %s", str(queue));

    aio_task *r = start("r", queue);
    if ((status = aio_await(aio_sleep(0), NULL)) != AIO_OK)
        return status;
    cancelled = aio_task_cancel(r);
    aio_print("main: r.cancel() = %s, %s", py_bool(cancelled), str(queue));
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_queue_get_nowait(queue, &item);
    aio_print("main: got %ld, %s", item.as.i, str(queue));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
