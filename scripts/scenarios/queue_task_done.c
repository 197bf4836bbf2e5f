/* task_done() counts against put(), not get(): once more than there were
 * items put, it raises ValueError('task_done() called too many times'),
 * in main or in the task that calls it; before the get() it is accepted. */
#include "scenario.h"

static char text[96];

static const char *str(aio_queue *queue) { return aio_queue_str(queue, text, sizeof text); }

static aio_status twice(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_queue *queue = args[0].as.p;
    aio_value item;
    aio_status status = aio_await(aio_queue_get(queue), &item);
    if (status != AIO_OK)
        return status;
    if ((status = aio_queue_task_done(queue)) != AIO_OK)
        return status;
    aio_print("twice: got '%s', one task_done(), %s", item.as.s, str(queue));
    return aio_queue_task_done(queue);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_queue *queue = aio_queue_new(0);
    aio_status status = aio_queue_task_done(queue);
    if (status == AIO_VALUE_ERROR)
        aio_print("task_done() raised ValueError('%s')", aio_exception_message());
    aio_queue_put_nowait(queue, aio_str("a"));
    aio_queue_task_done(queue);
    aio_print("task_done() before get() is accepted: %s", str(queue));
    aio_value item;
    aio_queue_get_nowait(queue, &item);
    aio_print("get_nowait() = '%s'", item.as.s);
    status = aio_queue_task_done(queue);
    if (status == AIO_VALUE_ERROR)
        aio_print("task_done() raised ValueError('%s')", aio_exception_message());
    aio_queue_put_nowait(queue, aio_str("b"));
    status = aio_await(spawn("twice", twice, aio_ptr(queue)), NULL);
    if (status == AIO_VALUE_ERROR)
        aio_print("the task raised ValueError('%s'), %s", aio_exception_message(), str(queue));
    else if (status != AIO_OK)
        return status;
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
