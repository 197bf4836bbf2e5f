/* Futures made while no loop runs, before asyncio.run(): from 3.12 the
 * first one warns that there is no current event loop, and only the
 * first (CPython's get_event_loop() then makes a loop, so the second
 * finds one).  3.11 says nothing. */
#include "scenario.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *inside = aio_future_new();
    aio_print("inside the loop: done = %s", py_bool(aio_future_done(inside)));
    return AIO_OK;
}

int main(void)
{
    aio_future *first = aio_future_new();
    aio_future *second = aio_future_new();
    aio_future_set_result(first, aio_int(1));
    aio_print("first done = %s, second done = %s", py_bool(aio_future_done(first)),
              py_bool(aio_future_done(second)));
    return run_main(main_body);
}
