/* The first object of a run is a coroutine that is never awaited; five
 * thousand sleeps pile objects on top of it, over several of the arena's
 * chunks.  When run() reclaims them it keeps that coroutine for the exit,
 * and the exit reports it, once, as CPython reports one that lives until
 * then. */
#include "aio.h"

static aio_coro *kept_for_exit; /* never read past aio_run(): aio.h, "Lifetime" */

static aio_status lazy(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("lazy ran");
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    kept_for_exit = aio_coro_new("lazy", lazy, aio_none());
    for (int i = 0; i < 5000; i++) {
        aio_status status = aio_await(aio_sleep(0), NULL);
        if (status != AIO_OK)
            return status;
    }
    aio_print("main: 5000 sleeps later");
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
