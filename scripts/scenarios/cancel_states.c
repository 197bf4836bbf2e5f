/* cancel() before a task starts (its body never runs), while it sleeps,
 * and while it awaits another task; a task that catches the cancellation
 * and cleans up with one more await. */
#include "aio.h"

static const char *python_bool(bool b) { return b ? "True" : "False"; }

static aio_status noisy(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_print("%s started", args[0].as.s);
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status == AIO_CANCELLED)
        aio_print("%s cancelled while asleep", args[0].as.s);
    return status;
}

static aio_status stubborn(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("stubborn caught CancelledError, cleaning up");
    status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("stubborn cleaned up");
    *result = aio_str("refused");
    return AIO_OK;
}

static aio_status waiter(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await((aio_task *)args[0].as.p, NULL);
    aio_print("waiter's await raised %s", aio_status_name(status));
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *never = aio_create_task(aio_coro_new("noisy", noisy, aio_str("never")));
    aio_print("cancel before start: %s", python_bool(aio_task_cancel(never)));
    aio_task *sleeper = aio_create_task(aio_coro_new("noisy", noisy, aio_str("sleeper")));
    aio_task *target = aio_create_task(aio_coro_new("noisy", noisy, aio_str("target")));
    aio_task *middle = aio_create_task(aio_coro_new("waiter", waiter, aio_ptr(target)));
    aio_task *refuser = aio_create_task(aio_coro_new("stubborn", stubborn, aio_none()));
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("cancel sleeper: %s", python_bool(aio_task_cancel(sleeper)));
    aio_print("cancel sleeper again: %s", python_bool(aio_task_cancel(sleeper)));
    aio_print("cancel middle: %s", python_bool(aio_task_cancel(middle)));
    aio_print("cancel refuser: %s", python_bool(aio_task_cancel(refuser)));
    aio_print("sleeper done right after cancel? %s", python_bool(aio_task_done(sleeper)));
    aio_task *all[] = { never, sleeper, target, middle, refuser };
    const char *names[] = { "never", "sleeper", "target", "middle", "refuser" };
    for (int i = 0; i < 5; i++) {
        aio_value value;
        status = aio_await(all[i], &value);
        char text[32];
        aio_print("%s: %s, cancelled=%s, value=%s", names[i], status == AIO_OK ? "ok" : aio_status_name(status),
                  python_bool(aio_task_cancelled(all[i])), aio_repr(value, text, sizeof text));
    }
    aio_print("cancel a done task: %s", python_bool(aio_task_cancel(sleeper)));
    return AIO_OK;
}

int main(void) { return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL)); }
