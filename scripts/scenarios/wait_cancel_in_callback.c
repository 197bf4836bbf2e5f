/* Cancels that land while the callbacks run.  Round 1: a finishes, and
 * wait's callback sets its waiter; then ours cancels the task in wait()
 * before it resumes.  cancel() is True, and the task gets CancelledError
 * though the waiter was set; b runs on.  Round 2: ours cancels b instead,
 * after wait's callback: wait resumes before b's cancellation has reached
 * b, so b is pending, not done.  Round 3: two children finish in one step:
 * both callbacks run before wait resumes, and FIRST_COMPLETED has both. */
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

/* waiting(tasks), for two tasks: args are their handles. */
static aio_status waiting(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_value sets;
    aio_status status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_FIRST_COMPLETED, (aio_task *)args[0].as.p,
                                           (aio_task *)args[1].as.p), &sets);
    if (status == AIO_CANCELLED)
        aio_print("waiting: cancelled, though wait's waiter was set");
    if (status != AIO_OK)
        return status;
    char done[64], pending[64];
    aio_print("waiting: done %s, pending %s", names(sets, true, done, sizeof done),
              names(sets, false, pending, sizeof pending));
    return AIO_OK;
}

static aio_coro *waiting_on(aio_task *x, aio_task *y)
{
    return aio_coro_new2("waiting", waiting, aio_ptr(x), aio_ptr(y));
}

static void cancel_task(aio_future *done, void *task)
{
    (void)done;
    aio_print("callback on a: task.cancel() = %s", py_bool(aio_task_cancel(task)));
}

static void cancel_d(aio_future *done, void *d)
{
    (void)done;
    aio_print("callback on c: d.cancel() = %s", py_bool(aio_task_cancel(d)));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *a = start("a", 1), *b = start("b", 2);
    aio_task *task = aio_create_task(waiting_on(a, b));
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_future_add_done_callback(aio_task_future(a), cancel_task, task);
    status = aio_await(task, NULL);
    if (status == AIO_CANCELLED)
        aio_print("main: task cancelled; b.done() = %s", py_bool(aio_task_done(b)));
    else if (status != AIO_OK)
        return status;
    if ((status = aio_await(b, NULL)) != AIO_OK)
        return status;

    aio_task *c = start("c", 1), *d = start("d", 2);
    task = aio_create_task(waiting_on(c, d));
    if ((status = aio_await(aio_sleep(0), NULL)) != AIO_OK)
        return status;
    aio_future_add_done_callback(aio_task_future(c), cancel_d, d);
    if ((status = aio_await(task, NULL)) != AIO_OK)
        return status;
    aio_print("main: d.cancelled() = %s", py_bool(aio_task_cancelled(d)));

    aio_task *e = start("e", 1), *f = start("f", 1);
    return aio_await(waiting_on(e, f), NULL);
}

int main(void) { return run_main(main_body); }
