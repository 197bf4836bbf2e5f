/* Section 1-3: await.  One operation for every awaitable: ask its type
 * for __await__ and run that on the current task's stack.
 *   - a coroutine runs its body right here, as a plain call;
 *   - a Future (or Task) that is done gives its result without yielding;
 *   - a pending one blocks the task until it is done (see future.c). */
#include "internal.h"
#include "machinery/object.h"
#include "machinery/trace.h"

aio_status aio_await_awaitable(aio_awaitable *awaitable, aio_value *result)
{
    if (result)
        *result = (aio_value){ .kind = AIO_NONE }; /* None; aio_none() would be a call */
    /* Python rejects `await` outside `async def` at compile time; the C
     * compiler cannot, so the loop checks at run time instead. */
    if (!aio_current_task())
        return aio_raise_in("await", AIO_RUNTIME_ERROR, "await outside a running task (call it from a coroutine under aio_run())");
    /* Untraced, a tail call to __await__: a frame more under every
     * switch would cost the switch benchmark about 8%. */
    if (!aio_trace_on)
        return awaitable->type->await(awaitable, result);
    aio_value unused = aio_none();
    aio_value *into = result ? result : &unused; /* the trace shows it either way */
    /* The trace names the awaitable after the await, so it holds it: a
     * coroutine that has run may otherwise go at once (coroutine.c). */
    aio_object_hold(awaitable);
    AIO_TRACE(awaits, awaitable);
    aio_status status = awaitable->type->await(awaitable, into);
    AIO_TRACE(awaited, awaitable, status, *into);
    aio_object_drop(awaitable);
    return status;
}

/* tasks._wrap_awaitable: lets a Task drive an awaitable of your own. */
static aio_status await_wrapped(const aio_value *args, aio_value *result)
{
    return aio_await((aio_awaitable *)args[0].as.p, result);
}

aio_future *aio_ensure_future(aio_awaitable *awaitable)
{
    if (aio_is_future(awaitable))
        return (aio_future *)awaitable;
    if (awaitable->type == &aio_coro_type)
        return &aio_create_task((aio_coro *)awaitable)->future;
    return &aio_create_task(aio_coro_new("_wrap_awaitable", await_wrapped, aio_ptr(awaitable)))->future;
}
