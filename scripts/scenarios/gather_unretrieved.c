/* A gather whose first child fails, and that nobody awaits: its exception
 * is reported as never retrieved, under the class's own name.  The second
 * child's failure is not: gather's callback looked at it. */
#include "scenario.h"

static aio_status fail(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep((double)args[0].as.i), NULL);
    if (status != AIO_OK)
        return status;
    return aio_raise(AIO_VALUE_ERROR, args[1].as.s);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *gathering = aio_gather(aio_coro_new2("fail", fail, aio_int(1), aio_str("lost")),
                                       aio_coro_new2("fail", fail, aio_int(2), aio_str("seen by gather")));
    aio_status status = aio_await(aio_sleep(3), NULL);
    if (status != AIO_OK)
        return status;
    char repr[96];
    aio_print("main: %s", aio_future_repr(gathering, repr, sizeof repr));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
