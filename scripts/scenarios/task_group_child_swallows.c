/* A child swallows its cancellation: the group waits until it has really
 * finished, a second later, and keeps its result; the ExceptionGroup holds
 * only the failure.  Meanwhile the child reads its parent's cancelling():
 * 3.11 and 3.12 take the group's cancel back as soon as exit begins, 3.13
 * only once every child is done.  A child that fails while the parent
 * waits in exit leaves that cancel behind on 3.11 and 3.12. */
#include "scenario.h"

static aio_status swallower(const aio_value *args, aio_value *result)
{
    aio_task *parent = args[0].as.p;
    aio_status status = aio_await(aio_sleep(5), NULL);
    if (status == AIO_CANCELLED)
        aio_print("swallower: swallows its cancel; parent's cancelling() = %d", aio_task_cancelling(parent));
    else if (status != AIO_OK)
        return status;
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("swallower: returns 42; parent's cancelling() = %d", aio_task_cancelling(parent));
    *result = aio_int(42);
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

static aio_coro *failing(const char *name, long seconds)
{
    return aio_coro_new2("failer", failer, aio_str(name), aio_int(seconds));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[128];
    aio_task *me = aio_current_task(), *kept = NULL;
    aio_task_group *group = aio_task_group_new();
    aio_status status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(group, coro("swallower", swallower, aio_ptr(me)), &kept);
        if (status == AIO_OK)
            status = aio_task_group_create_task(group, failing("a", 1), NULL);
        if (status == AIO_OK)
            status = aio_await(aio_sleep(5), NULL);
        status = aio_task_group_exit(group, status);
    }
    if (status == AIO_EXCEPTION_GROUP)
        aio_print("main: %s", aio_exception_group_repr(aio_exception_group_caught(), repr, sizeof repr));
    else if (status != AIO_OK)
        return status;
    aio_value value;
    aio_task_result(kept, &value);
    aio_print("main: swallower's result() = %ld, cancelled() = %s", value.as.i, py_bool(aio_task_cancelled(kept)));
    aio_print("main: cancelling() = %d", aio_task_cancelling(me));

    group = aio_task_group_new();
    status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(group, failing("b", 1), NULL);
        if (status == AIO_OK)
            status = aio_task_group_create_task(group, coro("swallower", swallower, aio_ptr(me)), NULL);
        status = aio_task_group_exit(group, status);
    }
    if (status == AIO_EXCEPTION_GROUP)
        aio_print("main: %s", aio_exception_group_repr(aio_exception_group_caught(), repr, sizeof repr));
    else if (status != AIO_OK)
        return status;
    aio_print("main: cancelling() = %d", aio_task_cancelling(me));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
