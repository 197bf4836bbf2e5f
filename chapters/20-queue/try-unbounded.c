/* Experiment for chapter 20: a queue with no limit. */
#include "aio.h"

#define COUNT 3 /* items per producer */

/* f"{name}{n}": an item must outlive the step that made it (aio.h,
 * "asyncio.Queue"), so the names are made once, here. */
static const char *const NAMES[] = { "a", "b" };
static const char *const ITEMS[][COUNT] = { { "a1", "a2", "a3" }, { "b1", "b2", "b3" } };

static aio_status producer_body(const aio_value *args, aio_value *result)
{
    (void)result;
    long which = args[0].as.i;
    aio_queue *queue = args[1].as.p;
    for (int n = 0; n < COUNT; n++) {
        aio_status status = aio_await(aio_sleep(1), NULL); /* making an item takes a second */
        if (status != AIO_OK)
            return status;
        const char *item = ITEMS[which][n];
        if (aio_queue_full(queue))
            aio_print("%s: the queue is full, %s waits", NAMES[which], item);
        status = aio_await(aio_queue_put(queue, aio_str(item)), NULL);
        if (status != AIO_OK)
            return status;
        aio_print("%s: put %s, qsize=%zu", NAMES[which], item, aio_queue_qsize(queue));
    }
    return AIO_OK;
}

static aio_coro *producer(long which, aio_queue *queue)
{
    return aio_coro_new2("producer", producer_body, aio_int(which), aio_ptr(queue));
}

static aio_status consumer_body(const aio_value *args, aio_value *result)
{
    (void)result;
    const char *name = args[0].as.s;
    aio_queue *queue = args[1].as.p;
    for (;;) {
        aio_value item;
        aio_status status = aio_await(aio_queue_get(queue), &item);
        if (status != AIO_OK)
            return status;
        aio_print("%s: got %s", name, item.as.s);
        status = aio_await(aio_sleep(3), NULL); /* working on it takes three */
        if (status != AIO_OK)
            return status;
        aio_print("%s: done with %s", name, item.as.s);
        status = aio_queue_task_done(queue);
        if (status != AIO_OK)
            return status;
    }
}

static aio_coro *consumer(const char *name, aio_queue *queue)
{
    return aio_coro_new2("consumer", consumer_body, aio_str(name), aio_ptr(queue));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    static const char *const workers[] = { "worker-1", "worker-2" };
    char text[80];
    aio_queue *queue = aio_queue_new(0); /* try: no maxsize */
    aio_task *consumers[2], *producers[2];
    for (int i = 0; i < 2; i++)
        consumers[i] = aio_create_task(consumer(workers[i], queue));
    for (int i = 0; i < 2; i++)
        producers[i] = aio_create_task(producer(i, queue));
    for (int i = 0; i < 2; i++) {
        aio_status status = aio_await(producers[i], NULL);
        if (status != AIO_OK)
            return status;
    }
    aio_print("producers finished: %s", aio_queue_str(queue, text, sizeof text));
    aio_status status = aio_await(aio_queue_join(queue), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("joined: %s", aio_queue_str(queue, text, sizeof text));
    for (int i = 0; i < 2; i++)
        aio_task_cancel(consumers[i]);
    for (int i = 0; i < 2; i++) {
        status = aio_await(consumers[i], NULL);
        if (status == AIO_CANCELLED)
            aio_print("%s cancelled: %s", workers[i], aio_task_cancelled(consumers[i]) ? "True" : "False");
        else if (status != AIO_OK)
            return status;
    }
    aio_print("at the end: %s", aio_queue_repr(queue, text, sizeof text));
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
