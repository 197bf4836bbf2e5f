/* create_task() is refused on a group not entered, shutting down (a child
 * has failed) or finished, with the group's repr in the message; a group
 * is entered once only.  A child may add a sibling while the parent
 * waits in exit.  The refused coroutine is left as it was, and can still
 * be awaited, before 3.13; 3.13 closes it. */
#include "scenario.h"

static aio_status job(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s: done", args[0].as.s);
    *result = args[0];
    return AIO_OK;
}

static aio_status failer(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s: raises", args[0].as.s);
    return aio_raise(AIO_VALUE_ERROR, args[0].as.s);
}

static aio_status adder(const aio_value *args, aio_value *result)
{
    (void)result;
    char repr[64];
    aio_task_group *group = args[0].as.p;
    aio_task *added;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status == AIO_OK)
        status = aio_task_group_create_task(group, coro("job", job, aio_str("added")), &added);
    if (status == AIO_OK)
        status = aio_await(added, NULL);
    if (status != AIO_OK)
        return status;
    aio_print("adder: its sibling ran: %s", aio_task_group_repr(group, repr, sizeof repr));
    return AIO_OK;
}

/* group.create_task(coro) refused, then `await coro`. */
static aio_status refused(aio_task_group *group)
{
    aio_coro *refused = coro("job", job, aio_str("refused"));
    aio_status status = aio_task_group_create_task(group, refused, NULL);
    if (status == AIO_RUNTIME_ERROR)
        aio_print("main: RuntimeError: %s", aio_exception_message());
    else if (status != AIO_OK)
        return status;
    aio_value value;
    status = aio_await(refused, &value);
    char text[32];
    if (status == AIO_OK)
        aio_print("main: awaiting the refused coroutine gives %s", aio_repr(value, text, sizeof text));
    else if (status == AIO_RUNTIME_ERROR)
        aio_print("main: awaiting the refused coroutine: RuntimeError: %s", aio_exception_message());
    else
        return status;
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[128];
    aio_task_group *group = aio_task_group_new();
    aio_status status = refused(group);
    if (status != AIO_OK)
        return status;
    status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        aio_status again = aio_task_group_enter(group);
        if (again == AIO_RUNTIME_ERROR)
            aio_print("main: RuntimeError: %s", aio_exception_message());
        status = aio_task_group_create_task(group, coro("adder", adder, aio_ptr(group)), NULL);
        status = aio_task_group_exit(group, status);
    }
    if (status != AIO_OK)
        return status;
    aio_print("main: the group waited for both: %s", aio_task_group_repr(group, repr, sizeof repr));
    if ((status = refused(group)) != AIO_OK)
        return status;

    group = aio_task_group_new();
    status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(group, coro("failer", failer, aio_str("f")), NULL);
        if (status == AIO_OK) {
            status = aio_await(aio_sleep(5), NULL);
            if (status == AIO_CANCELLED) {
                aio_status cleanup = refused(group);
                if (cleanup != AIO_OK)
                    status = cleanup;
                else
                    status = aio_raise(AIO_CANCELLED, NULL); /* raise: the CancelledError again */
            }
        }
        status = aio_task_group_exit(group, status);
    }
    if (status == AIO_EXCEPTION_GROUP)
        aio_print("main: %s", aio_exception_group_repr(aio_exception_group_caught(), repr, sizeof repr));
    else if (status != AIO_OK)
        return status;
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
