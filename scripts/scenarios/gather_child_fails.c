/* A child fails while the others are mid-sleep: gather raises its
 * exception at once, and the others sleep on to their ends.  A second
 * failure is nobody's: gather marks it retrieved, so nothing reports it.
 * cancel() on a gather that is done returns False and cancels nothing. */
#include "scenario.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    aio_print("%s: sleeps %ld s", args[0].as.s, args[1].as.i);
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
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
    aio_coro *a = call("sleeper", sleeper, "a", 2), *b = call("failer", failer, "b", 1);
    aio_coro *c = call("failer", failer, "c", 3), *d = call("sleeper", sleeper, "d", 1);
    aio_future *gathering = aio_gather(a, b, c, d);
    aio_status status = aio_await(gathering, NULL);
    if (status == AIO_VALUE_ERROR)
        aio_print("main: gather raised ValueError('%s')", aio_exception_message());
    else if (status != AIO_OK)
        return status;
    char repr[96];
    aio_print("main: %s", aio_future_repr(gathering, repr, sizeof repr));
    aio_print("main: cancel() = %s", py_bool(aio_future_cancel(gathering)));
    status = aio_await(aio_sleep(3), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: the others ran to their ends");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
