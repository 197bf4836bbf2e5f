/* A timeout when some are done and some are not: wait returns (done,
 * pending) at the deadline and raises nothing, and the pending run on to
 * their ends.  A child whose sleep ends at the deadline itself is pending:
 * wait's timer was armed first, and the child finishes just after wait
 * has split the set.  Then wait() itself cancelled, as a task of its own:
 * it cancels nothing it waited on. */
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

static aio_task *start(const char *name, long seconds)
{
    return aio_create_task(aio_coro_new2("sleeper", sleeper, aio_str(name), aio_int(seconds)));
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

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value sets;
    aio_task *tasks[] = { start("a", 1), start("b", 2), start("c", 3) };
    aio_status status = aio_await(aio_wait(2, AIO_ALL_COMPLETED, tasks[0], tasks[1], tasks[2]), &sets);
    if (status != AIO_OK)
        return status;
    char done[64], pending[64];
    aio_print("main: done %s, pending %s; b.done() = %s", names(sets, true, done, sizeof done),
              names(sets, false, pending, sizeof pending), py_bool(aio_task_done(tasks[1])));
    if ((status = aio_await(aio_sleep(0), NULL)) != AIO_OK)
        return status;
    aio_print("main: a step later, b.done() = %s", py_bool(aio_task_done(tasks[1])));

    aio_task *waiting = aio_create_task(aio_wait(AIO_NO_TIMEOUT, AIO_ALL_COMPLETED, tasks[2]));
    if ((status = aio_await(aio_sleep(0.5), NULL)) != AIO_OK)
        return status;
    aio_print("main: waiting.cancel() = %s", py_bool(aio_task_cancel(waiting)));
    status = aio_await(waiting, NULL);
    if (status == AIO_CANCELLED)
        aio_print("main: wait cancelled; c.cancelled() = %s", py_bool(aio_task_cancelled(tasks[2])));
    else if (status != AIO_OK)
        return status;
    aio_value value;
    if ((status = aio_await(tasks[2], &value)) != AIO_OK)
        return status;
    aio_print("main: c gave %s", value.as.s);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
