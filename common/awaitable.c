/* Section 4: Awaitable, the base that coroutines, Futures and Tasks share;
 * and where the objects are made and, in the end, freed. */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

static aio_awaitable *tracked; /* newest first */
static bool exit_hook_installed;

static bool collecting_at_exit;

static void collect_all_at_exit(void)
{
    collecting_at_exit = true;
    aio_collect_since(NULL);
}

/* A coroutine that never ran stays until exit, and is reported there:
 * "sys:1: RuntimeWarning: ... was never awaited" is what CPython prints
 * at shutdown, after any traceback. */
static bool kept_until_exit(const aio_awaitable *object)
{
    return !collecting_at_exit && object->type == &aio_coro_type
        && ((const aio_coro *)object)->state == AIO_CORO_CREATED;
}

void *aio_object_new(size_t size, const aio_awaitable_type *type)
{
    aio_config_load(); /* a bad AIO_* setting must stop us before anything runs */
    aio_awaitable *object = calloc(1, size);
    if (!object)
        aio_fatal("MemoryError: no memory for a new %s", type->type_repr);
    if (!exit_hook_installed) {
        /* What is left at exit is freed there, as CPython's interpreter
         * shutdown does; that is also when it warns about coroutines that
         * were never awaited. */
        atexit(collect_all_at_exit);
        exit_hook_installed = true;
    }
    object->type = type;
    object->next_tracked = tracked;
    tracked = object;
    return object;
}

aio_awaitable *aio_tracked_newest(void) { return tracked; }

void aio_collect_since(aio_awaitable *mark)
{
    aio_awaitable *kept = NULL, **kept_tail = &kept;
    while (tracked && tracked != mark) {
        aio_awaitable *object = tracked;
        tracked = object->next_tracked;
        if (kept_until_exit(object)) {
            *kept_tail = object;
            kept_tail = &object->next_tracked;
        } else {
            object->type->release(object);
        }
    }
    *kept_tail = tracked;
    tracked = kept;
}

bool aio_is_future(const aio_awaitable *awaitable)
{
    return awaitable->type == &aio_future_type || awaitable->type == &aio_task_type;
}

aio_awaitable *aio_awaitable_self(aio_awaitable *awaitable) { return awaitable; }
