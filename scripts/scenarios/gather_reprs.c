/* The repr of a gather's Future shows its list as reprlib does: six items
 * at most, a long str cut to 30 characters, and a long exception cut to
 * 30 the same way; print() shows the list whole.  Exceptions in the list
 * show as repr() shows them, with or without a message. */
#include "scenario.h"

static aio_status give(const aio_value *args, aio_value *result)
{
    *result = args[0];
    return AIO_OK;
}

static aio_status fail(const aio_value *args, aio_value *result)
{
    (void)result;
    if (args[0].kind == AIO_NONE) /* raise ValueError */
        return AIO_VALUE_ERROR;
    return aio_raise(AIO_VALUE_ERROR, args[0].as.s);
}

static aio_coro *give_int(long i) { return coro("give", give, aio_int(i)); }

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *many = aio_gather(give_int(0), give_int(1), give_int(2), give_int(3), give_int(4), give_int(5),
                                  give_int(6), give_int(7));
    aio_value list;
    aio_status status = aio_await(many, &list);
    if (status != AIO_OK)
        return status;
    char repr[256];
    aio_print("%s", aio_future_repr(many, repr, sizeof repr));
    aio_print("%s", list.as.s);

    aio_future *mixed = aio_gather_return_exceptions(
        coro("give", give, aio_str("a fairly long string, longer than thirty characters")),
        coro("give", give, aio_float(1.5)), coro("give", give, aio_none()),
        coro("fail", fail, aio_str("it's a long message, longer than thirty")),
        coro("fail", fail, aio_none()), coro("fail", fail, aio_str("")));
    status = aio_await(mixed, &list);
    if (status != AIO_OK)
        return status;
    aio_print("%s", aio_future_repr(mixed, repr, sizeof repr));
    aio_print("%s", list.as.s);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
