/* Ctrl-C during asyncio.run(): main is cancelled, its clean-up runs, and
 * run() ends with KeyboardInterrupt.  With no signal, main just finishes.
 * scripts/sigint.bats sends the real signal. */
#include "scenario.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("main: sleeping 10 s");
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status == AIO_OK)
        aio_print("main: woke up");
    aio_print("main: clean-up in finally");
    return status;
}

int main(void) { return run_main(main_body); }
