/* A Queue made before any loop runs is bound to the first loop it waits
 * in, and its Event (what join() waits on) to the first loop that waits on
 * it.  In a second asyncio.run(), the _nowait forms and task_done() still
 * work, but waiting raises RuntimeError: bound to a different event loop. */
#include <ctype.h>
#include <string.h>

#include "scenario.h"

static aio_queue *queue;
static char text[96];

static const char *str(void) { return aio_queue_str(queue, text, sizeof text); }

/* re.sub(r"0x[0-9a-f]+", "0x...", message) */
static const char *masked(const char *message)
{
    static char out[160];
    size_t n = 0;
    for (const char *p = message; *p && n + 6 < sizeof out;) {
        if (p[0] == '0' && p[1] == 'x' && isxdigit((unsigned char)p[2])) {
            memcpy(out + n, "0x...", 5);
            n += 5;
            for (p += 2; isxdigit((unsigned char)*p); p++)
                ;
        } else {
            out[n++] = *p++;
        }
    }
    out[n] = '\0';
    return out;
}

static aio_status drain(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value item;
    aio_status status = aio_await(aio_queue_get(queue), &item);
    if (status != AIO_OK)
        return status;
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_queue_task_done(queue);
    aio_print("drain: done with '%s'", item.as.s);
    return AIO_OK;
}

static aio_status first(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = spawn("drain", drain, aio_none());
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_queue_put_nowait(queue, aio_str("x"));
    if ((status = aio_await(aio_queue_join(queue), NULL)) != AIO_OK)
        return status;
    aio_print("first: joined, %s", str());
    return aio_await(task, NULL);
}

static aio_status second(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_queue_put_nowait(queue, aio_str("y"));
    aio_value item;
    aio_queue_get_nowait(queue, &item);
    aio_print("second: get_nowait() = '%s', %s", item.as.s, str());
    aio_status status = aio_await(aio_queue_get(queue), NULL);
    if (status == AIO_RUNTIME_ERROR)
        aio_print("second: get() raised RuntimeError: %s", masked(aio_exception_message()));
    status = aio_await(aio_queue_join(queue), NULL);
    if (status == AIO_RUNTIME_ERROR)
        aio_print("second: join() raised RuntimeError: %s", masked(aio_exception_message()));
    aio_queue_task_done(queue);
    if ((status = aio_await(aio_queue_join(queue), NULL)) != AIO_OK)
        return status;
    aio_print("second: joined, %s", str());
    return AIO_OK;
}

int main(void)
{
    queue = aio_queue_new(0);
    aio_status status = aio_run(aio_coro_new("first", first, aio_none()), NULL);
    if (status == AIO_OK)
        status = aio_run(aio_coro_new("second", second, aio_none()), NULL);
    return aio_exit_code(status);
}
