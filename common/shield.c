/* Section 2-5: asyncio.shield.  The caller awaits an outer Future that
 * mirrors the inner one.  Cancelling the outer Future (which is what
 * wait_for does on timeout) cancels only the mirror: the inner work goes
 * on, and its result is simply no longer delivered there. */
#include "internal.h"

/* The two callbacks are CPython's closures: each is handed, as its
 * argument, the other Future, and holds it until it has run. */
static void inner_done(aio_future *inner, void *arg)
{
    aio_future *outer = arg;
    if (aio_future_cancelled(outer)) {
        aio_status ignored;
        if (!aio_future_cancelled(inner))
            aio_future_exception(inner, &ignored); /* nobody is listening: mark it seen */
        return;
    }
    aio_status exception = AIO_OK;
    if (aio_future_cancelled(inner))
        aio_future_cancel(outer);
    else if (aio_future_exception(inner, &exception) == AIO_OK && exception != AIO_OK)
        aio_future_set_exception(outer, exception, inner->raised.message);
    else
        aio_future_set_result(outer, inner->result);
}

static void outer_done(aio_future *outer, void *arg)
{
    aio_future *inner = arg;
    if (!aio_future_done(inner))
        aio_future_remove_done_callback(inner, inner_done, outer);
}

aio_future *aio_shield_awaitable(aio_awaitable *awaitable)
{
    aio_future *inner = aio_ensure_future(awaitable);
    if (aio_future_done(inner))
        return inner;
    aio_future *outer = aio_future_new_sized(sizeof *outer, "shield's Future");
    aio_future_add_done_callback(inner, inner_done, outer);
    aio_future_add_done_callback(outer, outer_done, inner);
    return outer;
}
