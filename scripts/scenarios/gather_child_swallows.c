/* The gather is cancelled while one child swallows its cancellation: it
 * cleans up for half a second and returns a value.  Without
 * return_exceptions, the child that did take the cancel ends the gather
 * at once, with CancelledError.  With it, gather waits for both, and then
 * raises CancelledError anyway, since a cancel was asked for, although no
 * child ended cancelled in the second round. */
#include "scenario.h"

static aio_status stubborn(const aio_value *args, aio_value *result)
{
    const char *name = args[0].as.s;
    aio_status status = aio_await(aio_sleep(5), NULL);
    if (status == AIO_CANCELLED) {
        aio_print("%s: caught the cancel, cleaning up", name);
        status = aio_await(aio_sleep(0.5), NULL);
        if (status != AIO_OK)
            return status;
        aio_print("%s: returns anyway", name);
        *result = aio_str(args[1].as.s);
        return AIO_OK;
    }
    if (status != AIO_OK)
        return status;
    *result = args[0];
    return AIO_OK;
}

static aio_status meek(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep(5), NULL);
    if (status != AIO_OK)
        return status;
    *result = args[0];
    return AIO_OK;
}

/* f"{name} kept going", made where it is known: a literal outlives us. */
static aio_coro *stubborn_named(const char *name, const char *kept_going)
{
    return aio_coro_new2("stubborn", stubborn, aio_str(name), aio_str(kept_going));
}

static aio_status try_to_cancel(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_future *gathering = args[0].as.p;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: cancel() = %s", py_bool(aio_future_cancel(gathering)));
    aio_value list;
    status = aio_await(gathering, &list);
    if (status == AIO_OK)
        aio_print("main: got %s", list.as.s);
    else if (status == AIO_CANCELLED)
        aio_print("main: gather raised CancelledError at %.1f", aio_loop_time());
    else
        return status;
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *s = aio_create_task(stubborn_named("s", "s kept going"));
    aio_future *gathering = aio_gather(s, coro("meek", meek, aio_str("m")));
    aio_status status = aio_await(coro("try_to_cancel", try_to_cancel, aio_ptr(gathering)), NULL);
    if (status != AIO_OK)
        return status;
    aio_value value;
    status = aio_await(s, &value);
    if (status != AIO_OK)
        return status;
    char text[32];
    aio_print("main: s gave %s", aio_repr(value, text, sizeof text));
    gathering = aio_gather_return_exceptions(stubborn_named("t", "t kept going"), stubborn_named("u", "u kept going"));
    return aio_await(coro("try_to_cancel", try_to_cancel, aio_ptr(gathering)), NULL);
}

int main(void) { return run_main(main_body); }
