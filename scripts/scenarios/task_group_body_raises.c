/* The body raises: the group cancels its children, waits for them, and
 * raises the body's exception inside an ExceptionGroup.  SystemExit and
 * KeyboardInterrupt from the body come out as they are, once the children
 * are done.  A child that raises GeneratorExit, no Exception, makes it a
 * BaseExceptionGroup. */
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

static aio_status exits(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s: raises GeneratorExit", args[0].as.s);
    return aio_raise(AIO_GENERATOR_EXIT, NULL);
}

static aio_coro *sleeping(const char *name, long seconds)
{
    return aio_coro_new2("sleeper", sleeper, aio_str(name), aio_int(seconds));
}

/* args[0]: the exception the body raises; args[1]: its repr. */
static aio_status body_raises(const aio_value *args, aio_value *result)
{
    (void)result;
    char repr[64];
    aio_task_group *group = aio_task_group_new();
    aio_status status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(group, sleeping("child", 5), NULL);
        if (status == AIO_OK)
            status = aio_await(aio_sleep(1), NULL);
        if (status == AIO_OK) {
            aio_print("body: raises %s: %s", args[1].as.s, aio_task_group_repr(group, repr, sizeof repr));
            aio_status raised = (aio_status)args[0].as.i;
            status = aio_raise(raised, raised == AIO_VALUE_ERROR ? "body" : raised == AIO_SYSTEM_EXIT ? "3" : NULL);
        }
        status = aio_task_group_exit(group, status);
    }
    return status;
}

static aio_coro *raising(aio_status exception, const char *repr)
{
    return aio_coro_new2("body_raises", body_raises, aio_int(exception), aio_str(repr));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[128];
    aio_status status = aio_await(raising(AIO_VALUE_ERROR, "ValueError('body')"), NULL);
    if (status == AIO_EXCEPTION_GROUP)
        aio_print("main: %s", aio_exception_group_repr(aio_exception_group_caught(), repr, sizeof repr));
    else if (status != AIO_OK)
        return status;
    status = aio_await(raising(AIO_SYSTEM_EXIT, "SystemExit(3)"), NULL);
    if (status == AIO_SYSTEM_EXIT)
        aio_print("main: SystemExit as it is, code %s", aio_exception_message());
    else if (status != AIO_OK)
        return status;
    status = aio_await(raising(AIO_KEYBOARD_INTERRUPT, "KeyboardInterrupt()"), NULL);
    if (status == AIO_KEYBOARD_INTERRUPT)
        aio_print("main: KeyboardInterrupt as it is");
    else if (status != AIO_OK)
        return status;

    aio_task_group *group = aio_task_group_new();
    status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(group, coro("exits", exits, aio_str("x")), NULL);
        if (status == AIO_OK)
            status = aio_task_group_create_task(group, sleeping("y", 5), NULL);
        status = aio_task_group_exit(group, status);
    }
    if (status == AIO_BASE_EXCEPTION_GROUP) {
        aio_print("main: %s", aio_exception_group_repr(aio_exception_group_caught(), repr, sizeof repr));
        aio_print("main: %s: %s", exc_name(status), aio_exception_message());
    } else if (status != AIO_OK) {
        return status;
    }
    aio_print("main: cancelling() = %d", aio_task_cancelling(aio_current_task()));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
