/* TaskGroups in TaskGroups.  An inner group in the body fails: it cancels
 * only its own children and the body, and its ExceptionGroup, raised in
 * the outer body, aborts the outer group: a group in the group.  An inner
 * group in a child task fails the same way, through that child.  A body
 * that catches the inner group's error with except* goes on, and the
 * outer group never hears of it. */
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

static aio_coro *call(const char *fn_name, aio_coro_fn fn, const char *name, long seconds)
{
    return aio_coro_new2(fn_name, fn, aio_str(name), aio_int(seconds));
}

/* args[0]: a failing child's name; its sibling's is args[1]. */
static aio_status inner_group(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_task_group *inner = aio_task_group_new();
    aio_status status = aio_task_group_enter(inner);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(inner, call("failer", failer, args[0].as.s, 1), NULL);
        if (status == AIO_OK)
            status = aio_task_group_create_task(inner, call("sleeper", sleeper, args[1].as.s, 5), NULL);
        status = aio_task_group_exit(inner, status);
    }
    return status;
}

static aio_coro *inner(const char *name, const char *sibling)
{
    return aio_coro_new2("inner_group", inner_group, aio_str(name), aio_str(sibling));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[192];
    aio_task_group *outer = aio_task_group_new();
    aio_status status = aio_task_group_enter(outer);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(outer, call("sleeper", sleeper, "outer child", 5), NULL);
        if (status == AIO_OK)
            status = aio_await(inner("in the body", "in the body's sibling"), NULL);
        status = aio_task_group_exit(outer, status);
    }
    if (status == AIO_EXCEPTION_GROUP) {
        const aio_exception_group *caught = aio_exception_group_caught();
        const aio_exception_group *first = aio_exception_group_sub(caught, 0);
        aio_print("main: %s", aio_exception_group_repr(caught, repr, sizeof repr));
        aio_print("main: exceptions[0] is %s, its exceptions[0] %s('%s')", exc_name(aio_exception_group_status(caught, 0)),
                  exc_name(aio_exception_group_status(first, 0)), aio_exception_group_message(first, 0));
    } else if (status != AIO_OK) {
        return status;
    }

    outer = aio_task_group_new();
    status = aio_task_group_enter(outer);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(outer, call("sleeper", sleeper, "outer child", 5), NULL);
        if (status == AIO_OK)
            status = aio_task_group_create_task(outer, inner("in a child", "in a child's sibling"), NULL);
        if (status == AIO_OK)
            status = aio_await(aio_sleep(5), NULL);
        status = aio_task_group_exit(outer, status);
    }
    if (status == AIO_EXCEPTION_GROUP)
        aio_print("main: %s", aio_exception_group_repr(aio_exception_group_caught(), repr, sizeof repr));
    else if (status != AIO_OK)
        return status;

    outer = aio_task_group_new();
    status = aio_task_group_enter(outer);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(outer, call("sleeper", sleeper, "outer child", 2), NULL);
        if (status == AIO_OK) {
            status = aio_await(inner("caught", "caught's sibling"), NULL);
            if (status == AIO_EXCEPTION_GROUP) { /* except* ValueError: all of them are */
                aio_print("main: the body caught %s",
                          aio_exception_group_repr(aio_exception_group_caught(), repr, sizeof repr));
                status = AIO_OK;
            }
        }
        if (status == AIO_OK)
            aio_print("main: the body goes on: %s", aio_task_group_repr(outer, repr, sizeof repr));
        status = aio_task_group_exit(outer, status);
    }
    if (status != AIO_OK)
        return status;
    aio_print("main: the outer group ended well");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
