/* Section 4: Awaitable, the base that coroutines, Futures and Tasks share.
 * An awaitable is anything whose type has an `await` slot; the types are
 * a small family tree (the `base` slot), which isinstance() walks. */
#include "internal.h"
#include "machinery/object.h"

aio_awaitable *aio_awaitable_self(aio_awaitable *awaitable) { return awaitable; }

/* An awaitable that came in from outside common/ inside an array, where
 * the front door's macros cannot reach it (machinery/handles.h): check
 * its handle here.  A plain pointer (an awaitable of your own) passes. */
aio_awaitable *aio_awaitable_arg(const aio_awaitable *handle, const char *api)
{
    const aio_object_kind *kind;
    aio_awaitable *awaitable = aio_object_from_handle(handle, &kind);
    if (awaitable || !handle)
        return awaitable;
    if (kind == &aio_coro_kind) /* a coroutine goes only once finished */
        return &aio_coro_spent()->base;
    aio_object_gone(handle, "awaitable", api);
}

bool aio_is_instance(const aio_awaitable *awaitable, const aio_awaitable_type *type)
{
    for (const aio_awaitable_type *t = awaitable->type; t; t = t->base)
        if (t == type)
            return true;
    return false;
}

/* What the loop must know of our objects (machinery/object.h): a Future
 * or Task may go once it is done and nothing needs it; any other object
 * of ours (a Timeout) once nothing needs it. */
static bool settled(const void *object)
{
    const aio_awaitable *awaitable = object;
    return !aio_is_future(awaitable) || aio_future_done((const aio_future *)awaitable);
}

static bool finalize(void *object, bool at_exit)
{
    aio_awaitable *awaitable = object;
    (void)at_exit;
    if (awaitable->type->finalize)
        awaitable->type->finalize(awaitable);
    return true;
}

static const aio_object_kind awaitable_kind = { "object", settled, finalize };

void *aio_object_new(size_t size, const aio_awaitable_type *type)
{
    aio_awaitable *object = aio_object_alloc(size, &awaitable_kind, type->type_repr);
    object->type = type;
    return object;
}
