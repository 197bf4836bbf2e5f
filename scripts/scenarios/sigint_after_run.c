/* Once asyncio.run() has returned, Ctrl-C is no longer the loop's: run()
 * gives SIGINT back the handler it found, and a SIGINT during a plain
 * time.sleep() after it ends the program, status 130.  With no signal,
 * the sleep just ends.  scripts/sigint.bats sends the real signal. */
#include <signal.h>
#include <string.h>

#include "scenario.h"

static struct sigaction sigint_handler(void)
{
    struct sigaction now;
    memset(&now, 0, sizeof now);
    sigaction(SIGINT, NULL, &now);
    return now;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("main: done");
    return AIO_OK;
}

int main(void)
{
    struct sigaction before = sigint_handler();
    int status = run_main(main_body);
    if (status != 0)
        return status;
    aio_print("after run: SIGINT has the handler it had before: %s",
              py_bool(sigint_handler().sa_handler == before.sa_handler));
    aio_print("after run: sleeping 10 s");
    aio_time_sleep(10);
    aio_print("after run: woke up");
    return 0;
}
