/* Claim C15 (post 1-4): asyncio.sleep is itself a coroutine.  Calling it
 * makes a coroutine object and sleeps not at all; awaiting it sleeps. */
#include "scenario.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_coro *nap = aio_sleep(1);
    aio_print("asyncio.sleep(1) gave %s", aio_type(nap));
    aio_print("nothing has slept yet");
    aio_status status = aio_await(nap, NULL);
    if (status == AIO_OK)
        aio_print("after await: one second later");
    return status;
}

int main(void) { return run_main(main_body); }
