/* Setting a Future that is already done raises InvalidStateError, with
 * CPython's message; cancel() on a done Future returns False. */
#include "scenario.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *future = aio_future_new();
    aio_future_set_result(future, aio_int(1));
    aio_status status = aio_future_set_result(future, aio_int(2));
    aio_print("set_result again: %s: %s", exc_name(status), aio_exception_message());
    status = aio_future_set_exception(future, AIO_VALUE_ERROR, NULL);
    aio_print("set_exception again: %s: %s", exc_name(status), aio_exception_message());
    aio_print("cancel() on a done Future: %s", py_bool(aio_future_cancel(future)));
    char repr[64];
    aio_print("still %s", aio_future_repr(future, repr, sizeof repr));
    aio_future *gone = aio_future_new();
    bool first = aio_future_cancel(gone);
    aio_print("cancel() a pending one: %s, twice: %s", py_bool(first), py_bool(aio_future_cancel(gone)));
    status = aio_future_set_result(gone, aio_int(3));
    aio_print("set_result on a cancelled one: %s", aio_exception_message());
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
