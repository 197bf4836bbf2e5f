/* FIRST_EXCEPTION.  A child fails while the others are mid-sleep: wait
 * returns at once, with the failure in done and the others pending, still
 * running.  It raises nothing, and its callback looked at the exception,
 * so nothing reports it.  A cancelled child is no exception: wait goes on
 * until all are done.  And a failure that is the last to finish is not
 * looked at (the count reached zero first): it is reported at the end. */
#include <string.h>

#include "scenario.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s: woke", args[0].as.s);
    *result = args[0];
    return AIO_OK;
}

static aio_status failer(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s: raises", args[0].as.s);
    return aio_raise(AIO_VALUE_ERROR, args[0].as.s);
}

static aio_task *start(const char *fn_name, aio_coro_fn fn, const char *name, long seconds)
{
    return aio_create_task(aio_coro_new2(fn_name, fn, aio_str(name), aio_int(seconds)));
}

/* [task.get_name() for task in sorted(done, key=tasks.index)]: wait gives
 * each set in the order passed; the name is read from the repr. */
static const char *names(aio_value sets, bool done, char *buf, size_t size)
{
    aio_text text = { buf, size, 0 };
    size_t count = done ? aio_wait_done_count(sets) : aio_wait_pending_count(sets);
    aio_text_add(&text, "[", 1);
    for (size_t i = 0; i < count; i++) {
        char repr[160];
        aio_future_repr(done ? aio_wait_done(sets, i) : aio_wait_pending(sets, i), repr, sizeof repr);
        const char *name = strstr(repr, "name='") + 6;
        aio_text_printf(&text, "%s'%.*s'", i > 0 ? ", " : "", (int)strcspn(name, "'"), name);
    }
    aio_text_add(&text, "]", 1);
    return buf;
}

static aio_status report(aio_status status, aio_value sets)
{
    if (status != AIO_OK)
        return status;
    char done[64], pending[64];
    aio_print("main: done %s, pending %s", names(sets, true, done, sizeof done),
              names(sets, false, pending, sizeof pending));
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value sets;
    aio_task *tasks[] = { start("sleeper", sleeper, "a", 3), start("failer", failer, "b", 1),
                          start("sleeper", sleeper, "c", 2) };
    aio_status status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_FIRST_EXCEPTION, tasks[0], tasks[1], tasks[2]), &sets);
    if ((status = report(status, sets)) != AIO_OK)
        return status;
    if ((status = aio_await(aio_sleep(2), NULL)) != AIO_OK)
        return status;
    bool all_done = true;
    for (size_t i = 0; i < 3; i++)
        all_done = all_done && aio_task_done(tasks[i]);
    aio_print("main: all done: %s", py_bool(all_done));

    aio_task *d = start("sleeper", sleeper, "d", 1), *e = start("sleeper", sleeper, "e", 2);
    aio_print("main: d.cancel() = %s", py_bool(aio_task_cancel(d)));
    status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_FIRST_EXCEPTION, d, e), &sets);
    if ((status = report(status, sets)) != AIO_OK)
        return status;

    aio_task *f = start("sleeper", sleeper, "f", 1), *g = start("failer", failer, "g", 2);
    status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_FIRST_EXCEPTION, f, g), &sets);
    return report(status, sets);
}

int main(void) { return run_main(main_body); }
