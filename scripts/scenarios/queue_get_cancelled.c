/* A getter cancelled in the step in which put_nowait() woke it: its
 * getter Future is done already, so the cancel lands at its await
 * instead, and get() cannot take the item; it wakes the next getter in
 * line, which takes it, so that nothing put is lost.  A getter cancelled
 * while it still waits has its Future cancelled: _wakeup_next() skips it. */
#include "scenario.h"

static char text[96];

static const char *str(aio_queue *queue) { return aio_queue_str(queue, text, sizeof text); }

static aio_status getter(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_queue *queue = args[1].as.p;
    aio_value item;
    aio_status status = aio_await(aio_queue_get(queue), &item);
    if (status == AIO_CANCELLED) {
        aio_print("%s: cancelled, %s", args[0].as.s, str(queue));
        return status;
    }
    if (status != AIO_OK)
        return status;
    char repr[32];
    aio_print("%s: got %s, %s", args[0].as.s, aio_repr(item, repr, sizeof repr), str(queue));
    return AIO_OK;
}

static aio_task *start(const char *name, aio_queue *queue)
{
    return aio_create_task(aio_coro_new2("getter", getter, aio_str(name), aio_ptr(queue)));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_queue *queue = aio_queue_new(0);
    aio_task *a = start("a", queue);
    start("b", queue);
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: %s", str(queue));
    aio_queue_put_nowait(queue, aio_int(1));
    bool cancelled = aio_task_cancel(a);
    aio_print("main: put 1, a.cancel() = %s, %s", py_bool(cancelled), str(queue));
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("main: a.cancelled() = %s, %s", py_bool(aio_task_cancelled(a)), str(queue));

    aio_task *c = start("c", queue);
    start("d", queue);
    if ((status = aio_await(aio_sleep(0), NULL)) != AIO_OK)
        return status;
    cancelled = aio_task_cancel(c);
    aio_print("main: c.cancel() = %s, %s", py_bool(cancelled), str(queue));
    aio_queue_put_nowait(queue, aio_int(2));
    aio_print("main: put 2, %s", str(queue));
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("main: c.cancelled() = %s, %s", py_bool(aio_task_cancelled(c)), str(queue));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
