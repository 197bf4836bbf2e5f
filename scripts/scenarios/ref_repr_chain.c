/* A Task's repr shows what it waits for, and when that is a Task, that
 * Task's repr in turn: a chain of tasks nests all the way down.  CPython
 * has no limit of its own but its recursion limit; the C side stops at 240
 * objects deep. */
#include <string.h>

#include "scenario.h"

static size_t count(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(text, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

static aio_status link(const aio_value *args, aio_value *result)
{
    (void)result;
    long depth = args[0].as.i;
    aio_future *fut = args[1].as.p;
    if (depth == 1)
        return aio_await(fut, NULL);
    aio_coro *next = aio_coro_new2("link", link, aio_int(depth - 1), aio_ptr(fut));
    return aio_await(aio_create_task(next), NULL);
}

static aio_status chain(long depth)
{
    aio_future *fut = aio_future_new();
    aio_task *top = aio_create_task(aio_coro_new2("link", link, aio_int(depth), aio_ptr(fut)));
    for (long i = 0; i < depth + 1; i++) {
        aio_status status = aio_await(aio_sleep(0), NULL);
        if (status != AIO_OK)
            return status;
    }
    static char text[16384];
    aio_future_repr(aio_task_future(top), text, sizeof text);
    if (depth < 5)
        aio_print("%s", text);
    else
        aio_print("%ld tasks: %zu characters, %zu Tasks and %zu Future in full, %zu elided", depth, strlen(text),
                  count(text, "<Task "), count(text, "<Future pending>"), count(text, "..."));
    aio_future_cancel(fut);
    aio_status status = aio_await(top, NULL);
    return status == AIO_CANCELLED ? AIO_OK : status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    static const long depths[] = { 3, 64, 239 };
    for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
        aio_status status = chain(depths[i]);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
