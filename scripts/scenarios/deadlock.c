/* main awaits a Future that nothing will ever set.  CPython waits for
 * ever; the loop reports a deadlock and exits with status 1. */
#include "scenario.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *never = aio_future_new();
    aio_print("main: waiting for a Future nobody will set");
    aio_status status = aio_await(never, NULL);
    aio_print("never printed");
    return status;
}

int main(void) { return run_main(main_body); }
