/* Two children fail in the same loop iteration: the first one's done
 * callback aborts the group, the second is collected all the same, and a
 * third fails while it is being cancelled.  The ExceptionGroup holds the
 * three, in the order they failed; except* takes each kind apart. */
#include "scenario.h"

static aio_status failer(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s: raises", args[0].as.s);
    return aio_raise(AIO_VALUE_ERROR, args[0].as.s);
}

static aio_status cleaner(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status == AIO_CANCELLED) {
        aio_print("%s: cancelled, raises TypeError in its clean-up", args[0].as.s);
        return aio_raise(AIO_TYPE_ERROR, args[0].as.s);
    }
    return status;
}

static aio_coro *failing(const char *name, long seconds)
{
    return aio_coro_new2("failer", failer, aio_str(name), aio_int(seconds));
}

/* except* ValueError, then except* TypeError: each takes its own. */
static void print_kind(const aio_exception_group *caught, aio_status kind)
{
    for (size_t i = 0; i < aio_exception_group_count(caught); i++)
        if (aio_exception_group_status(caught, i) == kind)
            aio_print("main: except* %s: %s('%s')", exc_name(kind), exc_name(kind),
                      aio_exception_group_message(caught, i));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[160];
    aio_task_group *group = aio_task_group_new();
    aio_status status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(group, coro("cleaner", cleaner, aio_str("c")), NULL);
        if (status == AIO_OK)
            status = aio_task_group_create_task(group, failing("a", 1), NULL);
        if (status == AIO_OK)
            status = aio_task_group_create_task(group, failing("b", 1), NULL);
        if (status == AIO_OK)
            status = aio_await(aio_sleep(5), NULL);
        status = aio_task_group_exit(group, status);
    }
    if (status == AIO_EXCEPTION_GROUP) {
        print_kind(aio_exception_group_caught(), AIO_VALUE_ERROR);
        print_kind(aio_exception_group_caught(), AIO_TYPE_ERROR);
    } else if (status != AIO_OK) {
        return status;
    }
    aio_print("main: %s", aio_task_group_repr(group, repr, sizeof repr));

    group = aio_task_group_new();
    status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(group, failing("d", 1), NULL);
        if (status == AIO_OK)
            status = aio_task_group_create_task(group, failing("e", 1), NULL);
        status = aio_task_group_exit(group, status);
    }
    if (status == AIO_EXCEPTION_GROUP) {
        aio_print("main: %s", aio_exception_group_repr(aio_exception_group_caught(), repr, sizeof repr));
        aio_print("main: %s", aio_exception_message());
    } else if (status != AIO_OK) {
        return status;
    }
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
