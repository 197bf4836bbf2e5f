/* A Future made with no loop running, after asyncio.run() has returned.
 * run() set the event loop as it began, and set it back to None as it
 * ended, so get_event_loop() neither finds a loop nor makes one: Future()
 * raises RuntimeError, on 3.11 as on 3.12 and 3.13, with no
 * DeprecationWarning before it.  Uncaught, it ends the program, status 1
 * (aio_future_new() returns no status: the error ends the program). */
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
    int status = run_main(main_body);
    if (status != 0)
        return status;
    aio_print("asyncio.run() has returned");
    aio_future *late = aio_future_new();
    aio_print("not reached: done = %s", py_bool(aio_future_done(late)));
    return 0;
}
