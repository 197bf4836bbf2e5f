/* Section 1-1: a coroutine object.  Making one runs nothing; running it is
 * what `await` (1-3) or a Task (2-1) does later. */
#include <stdio.h>

#include "internal.h"
#include "machinery/arena.h"
#include "machinery/config.h"

static aio_status coro_await(aio_awaitable *self, aio_value *result)
{
    return aio_coro_run((aio_coro *)self, result);
}

/* CPython warns when a coroutine object that never ran is destroyed: its
 * body, and whatever it would have done, silently never happened.  At
 * interpreter exit the warning has no Python frame to name: 3.11 and 3.12
 * say "sys:1", 3.13 says "<sys>:0". */
static void coro_finalize(aio_awaitable *self)
{
    aio_coro *coro = (aio_coro *)self;
    if (coro->state == AIO_CORO_CREATED)
        fprintf(stderr, "%s: RuntimeWarning: coroutine '%s' was never awaited\n",
                aio_python() >= 13 ? "<sys>:0" : "sys:1", coro->name);
}

static const char *coro_describe(const aio_awaitable *self, char *buf, size_t size)
{
    snprintf(buf, size, "%s()", ((const aio_coro *)self)->name);
    return buf;
}

const aio_awaitable_type aio_coro_type = {
    .type_repr = "<class 'coroutine'>",
    .await = coro_await,
    .finalize = coro_finalize,
    .describe = coro_describe,
};

/* A coroutine that never ran stays until exit, and is reported there:
 * "sys:1: RuntimeWarning: ... was never awaited" is what CPython prints
 * at shutdown, after any traceback. */
static bool reclaim(void *object, bool at_exit)
{
    aio_coro *coro = object;
    if (coro->state == AIO_CORO_CREATED && !at_exit)
        return false;
    coro_finalize(&coro->base);
    return true;
}

/* Sized to its arguments: every finished coroutine stays until the loop
 * closes (see "Lifetime" in aio.h), so its size is paid once per call. */
static aio_coro *coro_new(const char *name, aio_coro_fn fn, size_t nargs)
{
    aio_coro *coro = aio_arena_new(sizeof *coro + nargs * sizeof(aio_value), reclaim, aio_coro_type.type_repr);
    coro->base.type = &aio_coro_type;
    coro->name = name;
    coro->fn = fn;
    coro->state = AIO_CORO_CREATED;
    return coro;
}

aio_coro *aio_coro_new(const char *name, aio_coro_fn fn, aio_value arg)
{
    aio_coro *coro = coro_new(name, fn, 1);
    coro->args[0] = arg;
    return coro;
}

aio_coro *aio_coro_new2(const char *name, aio_coro_fn fn, aio_value arg0, aio_value arg1)
{
    aio_coro *coro = coro_new(name, fn, 2);
    coro->args[0] = arg0;
    coro->args[1] = arg1;
    return coro;
}

aio_awaitable *aio_coro_awaitable(aio_coro *coro) { return &coro->base; }

char *aio_coro_repr(const aio_coro *coro, char *buf, size_t size)
{
    snprintf(buf, size, "<coroutine object %s at %p>", coro->name, (const void *)coro);
    return buf;
}

/* A coroutine runs once.  Running its body is an ordinary C call on the
 * current task's stack: when the body awaits something that is not ready,
 * the whole stack is switched out, this frame included. */
aio_status aio_coro_run(aio_coro *coro, aio_value *result)
{
    if (coro->state == AIO_CORO_RUNNING) /* in another task, or further up this one */
        return aio_raise_in("await", AIO_RUNTIME_ERROR, "coroutine is being awaited already");
    if (coro->state == AIO_CORO_CLOSED)
        return aio_raise_in("await", AIO_RUNTIME_ERROR, "cannot reuse already awaited coroutine");
    coro->state = AIO_CORO_RUNNING;
    aio_value value = aio_none();
    aio_status status = coro->fn(coro->args, &value);
    coro->state = AIO_CORO_CLOSED;
    if (result)
        *result = status == AIO_OK ? value : aio_none();
    return status;
}

void aio_coro_close(aio_coro *coro)
{
    coro->state = AIO_CORO_CLOSED;
}
