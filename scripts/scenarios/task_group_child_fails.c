/* A child fails while the others are mid-sleep: the group cancels the
 * one still asleep and the body, waits for them, and raises the failure
 * in an ExceptionGroup.  A child that finished first keeps its result. */
#include "scenario.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    aio_print("%s: sleeps %ld s", args[0].as.s, args[1].as.i);
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
    if (status == AIO_CANCELLED)
        aio_print("%s: cancelled", args[0].as.s);
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

static aio_coro *call(const char *fn_name, aio_coro_fn fn, const char *name, long seconds)
{
    return aio_coro_new2(fn_name, fn, aio_str(name), aio_int(seconds));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[128];
    aio_task *me = aio_current_task(), *a = NULL, *b = NULL, *d = NULL;
    aio_task_group *group = aio_task_group_new();
    aio_status status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(group, call("sleeper", sleeper, "a", 3), &a);
        if (status == AIO_OK)
            status = aio_task_group_create_task(group, call("failer", failer, "b", 2), &b);
        if (status == AIO_OK)
            status = aio_task_group_create_task(group, call("sleeper", sleeper, "d", 1), &d);
        if (status == AIO_OK) {
            aio_print("main: %s", aio_task_group_repr(group, repr, sizeof repr));
            status = aio_await(aio_sleep(5), NULL);
            if (status == AIO_CANCELLED)
                aio_print("main: the body is cancelled: %s, cancelling() = %d",
                          aio_task_group_repr(group, repr, sizeof repr), aio_task_cancelling(me));
            else if (status == AIO_OK)
                aio_print("main: never printed");
        }
        status = aio_task_group_exit(group, status);
    }
    if (status == AIO_EXCEPTION_GROUP)
        aio_print("main: caught %s", aio_exception_group_repr(aio_exception_group_caught(), repr, sizeof repr));
    else if (status != AIO_OK)
        return status;
    aio_print("main: %s, cancelling() = %d", aio_task_group_repr(group, repr, sizeof repr), aio_task_cancelling(me));
    aio_value value;
    aio_status exception;
    aio_task_result(d, &value);
    aio_future_exception(aio_task_future(b), &exception);
    aio_print("main: a.cancelled() = %s, d.result() = '%s', b.exception() = %s('%s')", py_bool(aio_task_cancelled(a)),
              value.as.s, exc_name(exception), aio_future_exception_message(aio_task_future(b)));
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("main: goes on");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
