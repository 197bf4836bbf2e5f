/* aio_create_task(c) while coroutine c is being awaited by another task,
 * and is suspended inside, on a Future.  No error: the new Task's first
 * step sends into c, which passes the send down to that Future, still
 * pending, and the Future is handed to the new Task, which waits on it
 * too.  So both tasks wait on the same Future, the awaiter first.  When
 * it is set, the awaiter resumes c, which goes on to its next await (a
 * sleep); the new Task, woken after, finds c waiting on the sleep's
 * Future and waits on that.  When the sleep ends, the awaiter resumes c
 * to its end; the new Task, woken after, sends into a finished coroutine:
 * RuntimeError: cannot reuse already awaited coroutine, and that is how
 * it finishes.  c's own code never sees the second Task. */
#include <string.h>

#include "scenario.h"

/* Task.get_name(), read from the repr: "<Task pending name='Task-1' ...>". */
static const char *name_of(aio_task *task, char *buf, size_t size)
{
    char repr[160];
    const char *start = strstr(aio_future_repr(aio_task_future(task), repr, sizeof repr), "name='");
    size_t n = start ? strcspn(start + 6, "'") : 0;
    snprintf(buf, size, "%.*s", (int)n, start ? start + 6 : "");
    return buf;
}

static aio_status worker(const aio_value *args, aio_value *result)
{
    aio_future *future = args[0].as.p;
    aio_print("worker: awaits the Future");
    aio_value value;
    aio_status status = aio_await(future, &value);
    if (status != AIO_OK)
        return status;
    aio_print("worker: got %ld, sleeps 1 s", value.as.i);
    status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("worker: returns");
    static char text[32];
    snprintf(text, sizeof text, "worker's %ld", value.as.i);
    *result = aio_str(text);
    return AIO_OK;
}

static aio_status awaiter(const aio_value *args, aio_value *result)
{
    aio_coro *coro = args[0].as.p;
    aio_print("awaiter: awaits the coroutine");
    aio_status status = aio_await(coro, result);
    if (status != AIO_OK)
        return status;
    char text[64];
    aio_print("awaiter: got %s", aio_repr(*result, text, sizeof text));
    return AIO_OK;
}

static void report(aio_future *task, void *arg)
{
    (void)arg;
    char repr[256];
    aio_print("done: %s", aio_future_repr(task, repr, sizeof repr));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[256];
    aio_future *future = aio_future_new();
    aio_coro *coro = aio_coro_new("worker", worker, aio_ptr(future));
    aio_task *first = aio_create_task(aio_coro_new("awaiter", awaiter, aio_ptr(coro)));
    aio_future_add_done_callback(aio_task_future(first), report, NULL);
    aio_await(aio_sleep(0), NULL);
    aio_task *second = aio_create_task(coro);
    aio_future_add_done_callback(aio_task_future(second), report, NULL);
    aio_print("main: %s", aio_future_repr(aio_task_future(second), repr, sizeof repr));
    aio_await(aio_sleep(0), NULL);
    aio_print("main: %s", aio_future_repr(aio_task_future(second), repr, sizeof repr));
    aio_await(aio_sleep(1), NULL);
    aio_future_set_result(future, aio_int(42));
    aio_print("main: set the Future");
    aio_await(aio_sleep(0.5), NULL);
    aio_print("main: %s", aio_future_repr(aio_task_future(first), repr, sizeof repr));
    aio_print("main: %s", aio_future_repr(aio_task_future(second), repr, sizeof repr));
    aio_task *tasks[] = {first, second};
    for (int i = 0; i < 2; i++) {
        char name[32], text[64];
        aio_value value;
        aio_status status = aio_await(tasks[i], &value);
        if (status == AIO_OK)
            aio_print("main: %s gives %s", name_of(tasks[i], name, sizeof name), aio_repr(value, text, sizeof text));
        else if (status == AIO_RUNTIME_ERROR)
            aio_print("main: %s raised %s: %s", name_of(tasks[i], name, sizeof name), exc_name(status),
                      aio_exception_message());
        else
            return status;
    }
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
