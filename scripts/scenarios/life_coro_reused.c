/* A coroutine awaited to completion is exhausted for good.  Awaiting it
 * again, even after a thousand more coroutines and ten Tasks have been
 * made and finished since (so that, freed, its memory would long have
 * been reused), raises RuntimeError: cannot reuse already awaited
 * coroutine.  aio_create_task() of it is accepted: the Task is pending,
 * and its first step raises that RuntimeError, which finishes the Task.
 * And aio_run() of it, in a new loop, raises the same.  (Our Task cannot
 * name a coroutine whose memory was reused in its repr, so neither side
 * prints that repr: see common/README.md, "Lifetime".) */
#include <string.h>

#include "scenario.h"

static aio_coro *first;

/* Task.get_name(), read from the repr: "<Task pending name='Task-1' ...>". */
static const char *name_of(aio_task *task, char *buf, size_t size)
{
    char repr[160];
    const char *start = strstr(aio_future_repr(aio_task_future(task), repr, sizeof repr), "name='");
    size_t n = start ? strcspn(start + 6, "'") : 0;
    snprintf(buf, size, "%.*s", (int)n, start ? start + 6 : "");
    return buf;
}

static aio_status nap(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status == AIO_OK)
        *result = args[0];
    return status;
}

static aio_status nothing(const aio_value *args, aio_value *result)
{
    *result = args[0];
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char text[64];
    first = aio_coro_new("nap", nap, aio_str("first"));
    aio_value value;
    aio_status status = aio_await(first, &value);
    if (status != AIO_OK)
        return status;
    aio_print("main: %s", aio_repr(value, text, sizeof text));
    long total = 0;
    for (long i = 0; i < 1000; i++) {
        if ((status = aio_await(aio_coro_new("nothing", nothing, aio_int(i)), &value)) != AIO_OK)
            return status;
        total += value.as.i;
    }
    for (long i = 0; i < 10; i++) {
        if ((status = aio_await(spawn("nothing", nothing, aio_int(i)), &value)) != AIO_OK)
            return status;
        total += value.as.i;
    }
    if ((status = aio_await(aio_sleep(0.5), NULL)) != AIO_OK)
        return status;
    aio_print("main: 1010 more coroutines gave %ld", total);
    status = aio_await(first, NULL);
    if (status == AIO_RUNTIME_ERROR)
        aio_print("main: await again: %s: %s", exc_name(status), aio_exception_message());
    else if (status != AIO_OK)
        return status;
    aio_task *task = aio_create_task(first);
    aio_print("main: the Task is done: %s", py_bool(aio_task_done(task)));
    if ((status = aio_await(aio_sleep(0), NULL)) != AIO_OK)
        return status;
    aio_print("main: the Task is done: %s", py_bool(aio_task_done(task)));
    status = aio_await(task, NULL);
    if (status == AIO_RUNTIME_ERROR)
        aio_print("main: await the task: %s: %s", exc_name(status), aio_exception_message());
    else if (status != AIO_OK)
        return status;
    return AIO_OK;
}

static aio_status name(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char buf[32];
    aio_print("third run: main is %s", name_of(aio_current_task(), buf, sizeof buf));
    return AIO_OK;
}

int main(void)
{
    aio_status status = aio_run(coro("main", main_body, aio_none()), NULL);
    if (status != AIO_OK)
        return aio_exit_code(status);
    status = aio_run(first, NULL);
    if (status == AIO_RUNTIME_ERROR)
        aio_print("asyncio.run(first): %s: %s", exc_name(status), aio_exception_message());
    else if (status != AIO_OK)
        return aio_exit_code(status);
    return aio_exit_code(aio_run(coro("name", name, aio_none()), NULL));
}
