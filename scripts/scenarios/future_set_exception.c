/* A Future finished with an exception: awaiting it raises that exception,
 * and exception() returns it. */
#include "scenario.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *future = aio_future_new();
    aio_future_set_exception(future, AIO_VALUE_ERROR, "bad input");
    aio_print("done = %s, cancelled = %s", py_bool(aio_future_done(future)), py_bool(aio_future_cancelled(future)));
    aio_status status = aio_await(future, NULL);
    if (status == AIO_VALUE_ERROR)
        aio_print("await raised %s: %s", exc_name(status), aio_exception_message());
    aio_status exception;
    aio_future_exception(future, &exception);
    aio_print("exception() = %s('%s')", exc_name(exception), aio_future_exception_message(future));
    char repr[96];
    aio_print("repr: %s", aio_future_repr(future, repr, sizeof repr));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
