/* Ctrl-C twice: the first cancels main, whose clean-up takes a while; the
 * second ends the program at once, by SIGINT, without waiting for that
 * clean-up, as asyncio.run()'s handler does.  With no signal, main just
 * finishes.  scripts/sigint.bats sends the real signals. */
#include "scenario.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("main: sleeping 10 s");
    aio_status status = aio_await(aio_sleep(10), NULL);
    aio_print("main: clean-up, 10 s more");
    aio_status cleanup = aio_await(aio_sleep(10), NULL);
    if (cleanup != AIO_OK)
        return cleanup;
    aio_print("main: clean-up done");
    return status;
}

int main(void) { return run_main(main_body); }
