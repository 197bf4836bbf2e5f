/* Section 4: Awaitable, the base that coroutines, Futures and Tasks share.
 * An awaitable is anything whose type has an `await` slot; the types are
 * a small family tree (the `base` slot), which isinstance() walks. */
#include "internal.h"
#include "machinery/arena.h"

aio_awaitable *aio_awaitable_self(aio_awaitable *awaitable) { return awaitable; }

bool aio_is_instance(const aio_awaitable *awaitable, const aio_awaitable_type *type)
{
    for (const aio_awaitable_type *t = awaitable->type; t; t = t->base)
        if (t == type)
            return true;
    return false;
}

static bool finalize(void *object, bool at_exit)
{
    aio_awaitable *awaitable = object;
    (void)at_exit;
    if (awaitable->type->finalize)
        awaitable->type->finalize(awaitable);
    return true;
}

void *aio_object_new(size_t size, const aio_awaitable_type *type)
{
    aio_awaitable *object = aio_arena_new(size, finalize, type->type_repr);
    object->type = type;
    return object;
}
