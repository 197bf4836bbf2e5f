/* The task in the group is cancelled from outside: in the body, or while
 * its exit waits for the children.  The group cancels the children, waits
 * for them, and lets the CancelledError go on, not an ExceptionGroup.
 * When a child fails in the same iteration, the ExceptionGroup wins; 3.13
 * then cancels the task anew, so that its next await is cancelled. */
#include "scenario.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
    if (status == AIO_CANCELLED)
        aio_print("%s: cancelled", args[0].as.s);
    if (status != AIO_OK)
        return status;
    aio_print("%s: woke", args[0].as.s);
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

static aio_status canceller(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("canceller: cancel() = %s", py_bool(aio_task_cancel(args[0].as.p)));
    return AIO_OK;
}

static aio_coro *call(const char *fn_name, aio_coro_fn fn, const char *name, long seconds)
{
    return aio_coro_new2(fn_name, fn, aio_str(name), aio_int(seconds));
}

/* The three blocks: children, and whether the body itself sleeps. */
static aio_status group_of(aio_coro *first, aio_coro *second, bool body_sleeps)
{
    aio_task_group *group = aio_task_group_new();
    aio_status status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(group, first, NULL);
        if (status == AIO_OK && second)
            status = aio_task_group_create_task(group, second, NULL);
        if (status == AIO_OK && body_sleeps)
            status = aio_await(aio_sleep(5), NULL);
        status = aio_task_group_exit(group, status);
    }
    return status;
}

static aio_status in_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return group_of(call("sleeper", sleeper, "a", 5), NULL, true);
}

static aio_status in_exit(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return group_of(call("sleeper", sleeper, "b", 5), NULL, false);
}

static aio_status with_failure(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return group_of(call("failer", failer, "c", 1), call("sleeper", sleeper, "d", 5), true);
}

static aio_status run(const char *name, aio_coro_fn body)
{
    aio_task *task = aio_create_task(aio_coro_new(name, body, aio_none()));
    aio_create_task(aio_coro_new2("canceller", canceller, aio_ptr(task), aio_int(1)));
    aio_status status = aio_await(task, NULL);
    if (status == AIO_CANCELLED)
        aio_print("main: %s raised CancelledError, cancelled() = %s", name, py_bool(aio_task_cancelled(task)));
    else if (status != AIO_OK)
        return status;
    return AIO_OK;
}

static aio_status cancelled_with_failure(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[128];
    aio_task *me = aio_current_task();
    aio_create_task(aio_coro_new2("canceller", canceller, aio_ptr(me), aio_int(1)));
    aio_status status = aio_await(aio_coro_new("with_failure", with_failure, aio_none()), NULL);
    if (status == AIO_EXCEPTION_GROUP)
        aio_print("main: %s, cancelling() = %d",
                  aio_exception_group_repr(aio_exception_group_caught(), repr, sizeof repr), aio_task_cancelling(me));
    else if (status != AIO_OK)
        return status;
    status = aio_await(aio_sleep(0), NULL);
    if (status == AIO_OK)
        aio_print("main: the next await goes on");
    else if (status == AIO_CANCELLED)
        aio_print("main: the next await is cancelled");
    else
        return status;
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = run("in_body", in_body);
    if (status == AIO_OK)
        status = run("in_exit", in_exit);
    if (status == AIO_OK)
        status = aio_await(aio_create_task(aio_coro_new("cancelled_with_failure", cancelled_with_failure, aio_none())),
                           NULL);
    return status;
}

int main(void) { return run_main(main_body); }
