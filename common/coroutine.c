/* Section 1-1: a coroutine object.  Making one runs nothing; running it is
 * what `await` (1-3) or a Task (2-1) does later. */
#include <stdio.h>

#include "internal.h"
#include "machinery/object.h"
#include "machinery/config.h"

static aio_status coro_run(aio_coro *coro, aio_value *result, bool done_with);

/* `await coro`: once it has run, nobody is left who needs it (unless
 * something holds it: the trace does, await.c), so it may go at once. */
static aio_status coro_await(aio_awaitable *self, aio_value *result)
{
    return coro_run((aio_coro *)self, result, true);
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

/* A coroutine goes as soon as it has finished and nothing holds it
 * (machinery/object.h).  One that never ran stays until exit, and is
 * reported there: "sys:1: RuntimeWarning: ... was never awaited" is what
 * CPython prints at shutdown, after any traceback.  It will never run, so
 * it lets go of its arguments now. */
static bool settled(const void *object) { return ((const aio_coro *)object)->state == AIO_CORO_CLOSED; }

static inline void drop_args(aio_coro *coro)
{
    for (unsigned i = 0; i < coro->nargs; i++)
        aio_value_drop(coro->args[i]);
    coro->nargs = 0;
}

static bool reclaim(void *object, bool at_exit)
{
    aio_coro *coro = object;
    drop_args(coro);
    if (coro->state == AIO_CORO_CLOSED)
        return true; /* nothing to say */
    if (coro->state == AIO_CORO_CREATED && !at_exit)
        return false;
    coro_finalize(&coro->base);
    return true;
}

const aio_object_kind aio_coro_kind = { "coroutine", settled, reclaim };

/* Sized to its arguments, which it holds (an object passed in stays alive
 * while the coroutine may still read it). */
static aio_coro *coro_new(const char *name, aio_coro_fn fn, size_t nargs, const aio_value *args)
{
    aio_coro *coro = aio_object_alloc_unowned(sizeof *coro + nargs * sizeof(aio_value), &aio_coro_kind,
                                              aio_coro_type.type_repr);
    coro->base.type = &aio_coro_type;
    coro->name = name;
    coro->fn = fn;
    coro->state = AIO_CORO_CREATED;
    coro->nargs = (unsigned)nargs;
    for (size_t i = 0; i < nargs; i++) {
        coro->args[i] = args[i];
        aio_value_hold(args[i]);
    }
    return coro;
}

aio_coro *aio_coro_new(const char *name, aio_coro_fn fn, aio_value arg)
{
    return coro_new(name, fn, 1, &arg);
}

aio_coro *aio_coro_new2(const char *name, aio_coro_fn fn, aio_value arg0, aio_value arg1)
{
    aio_value args[] = { arg0, arg1 };
    return coro_new(name, fn, 2, args);
}

/* What a handle to a coroutine that is gone stands for: one that finished
 * (a coroutine goes only once it has), so that awaiting it again is the
 * RuntimeError it always was (machinery/handles.h). */
aio_coro *aio_coro_spent(void)
{
    static aio_coro spent = { .base = { &aio_coro_type }, .name = "spent", .state = AIO_CORO_CLOSED };
    return &spent;
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
aio_status aio_coro_run(aio_coro *coro, aio_value *result) { return coro_run(coro, result, false); }

/* The body has returned: hand over what it made and returned, and close. */
static AIO_NOINLINE aio_status coro_end(aio_coro *coro, aio_status status, aio_value *result, bool done_with)
{
    if (status != AIO_OK)
        coro->value = (aio_value){ .kind = AIO_NONE };
    aio_frame_leave(&coro->frame, coro->value);
    if (result)
        *result = coro->value;
    coro->state = AIO_CORO_CLOSED;
    if (done_with && aio_object_unneeded(coro)) {
        drop_args(coro); /* what the sweep would do (reclaim()), now */
        aio_object_free(coro);
    } else {
        aio_object_settled(coro);
    }
    return status;
}

/* done_with: the caller will not touch `coro` again, so that once it has
 * finished it may go at once (machinery/object.h, aio_object_unneeded()).
 * This frame stays on the stack while the body runs, and a suspended
 * task's copy of the stack carries it on every switch: so the coroutine
 * holds its frame and its result, not this function, and the end is a
 * function of its own, keeping in registers only what is needed after. */
static aio_status coro_run(aio_coro *coro, aio_value *result, bool done_with)
{
    if (coro->state == AIO_CORO_RUNNING) /* in another task, or further up this one */
        return aio_raise_in("await", AIO_RUNTIME_ERROR, "coroutine is being awaited already");
    if (coro->state == AIO_CORO_CLOSED)
        return aio_raise_in("await", AIO_RUNTIME_ERROR, "cannot reuse already awaited coroutine");
    coro->state = AIO_CORO_RUNNING;
    coro->runner = aio_current_task();
    /* None, spelled out: aio_none() is a call into value.c. */
    coro->value = (aio_value){ .kind = AIO_NONE };
    /* What the body makes belongs to this call, as a Python function's
     * locals do: it is let go when the body returns, bar what it returns. */
    aio_frame_enter(&coro->frame);
    aio_status status = coro->fn(coro->args, &coro->value);
    return coro_end(coro, status, result, done_with);
}

void aio_coro_close(aio_coro *coro)
{
    coro->state = AIO_CORO_CLOSED;
    aio_object_settled(coro);
}
