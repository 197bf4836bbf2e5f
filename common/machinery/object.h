/* Object memory and lifetime.  Python frees an object when nothing refers
 * to it any more.  C cannot see who refers to what, so the loop follows
 * one rule instead, close to what Python's reference counts give:
 *
 *   An object lives while anything the loop can see needs it:
 *     - the coroutine call that made it has not returned (its "frame";
 *       objects made outside any coroutine belong to the aio_run() that
 *       made them, or, made before any run, to the program);
 *     - it is not settled: a Future or Task not yet done, a coroutine
 *       not yet finished;
 *     - a loop callback, a done callback or a coroutine holds it as its
 *       argument, or a coroutine returned it (it then passes to the
 *       caller's frame).
 *   When none of these holds any more, it is finalized and its memory is
 *   reused, at the end of the loop iteration.  A coroutine is settled once
 *   it has finished, and belongs to no frame: it goes as soon as it is done.
 *
 * Handles.  What a chapter holds (aio_coro *, aio_future *, aio_task *, an
 * aio_awaitable * of ours) carries the generation of the memory it points
 * to in its top 16 bits (machinery/handles.h).  Memory reused for a new
 * object gets a new generation, so a handle that outlived its object is
 * recognised and refused, never silently taken for the new one.  Inside
 * common/, pointers are plain: handles are checked once, on the way in.
 *
 * The memory itself comes from one reserved range of address space, in
 * slabs that each hold objects of one size and kind, with a free list per
 * size: a pointer is one of ours if it falls in that range. */
#ifndef AIO_OBJECT_H
#define AIO_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "value.h"

/* A rare path kept out of a hot function, so that the hot one saves fewer
 * registers and, on a task's stack, has a smaller frame to copy. */
#if defined(__GNUC__) || defined(__clang__)
#define AIO_COLD __attribute__((noinline, cold))
#define AIO_NOINLINE __attribute__((noinline))
#else
#define AIO_COLD
#define AIO_NOINLINE
#endif

/* A hint to the cache: the memory at `p` will be read soon.  It changes
 * nothing a program does (a prefetch never faults, whatever the address),
 * only how long the read waits when it comes. */
#if defined(__GNUC__) || defined(__clang__)
#define AIO_PREFETCH(p) __builtin_prefetch((const void *)(p))
#else
#define AIO_PREFETCH(p) ((void)(p))
#endif
/* The cache lines of [p + from, p + to), computed as integers: the range
 * may reach past the object at p, which is harmless for a hint. */
static inline void aio_prefetch_span(const void *p, long from, long to)
{
    for (long i = from; i < to; i += 64)
        AIO_PREFETCH((uintptr_t)p + (uintptr_t)i);
}

/* Before each object, where its user cannot see it.  (Here, not in
 * object.c, only for the inline fast paths at the end of this file.) */
typedef struct aio_object_header {
    struct aio_object_header *link; /* its frame's list, or the free list */
    uint64_t seq;                   /* creation order */
    uint32_t refs;                  /* holds by callbacks, coroutine arguments, Future results */
    uint32_t run;                   /* the aio_run() that made it; 0: outside every run */
    uint16_t gen;                   /* generation of this memory: the tag of its handles */
    uint8_t flags;                  /* AIO_OBJECT_LIVE, ... */
} aio_object_header;
#define AIO_OBJECT_HEADER ((sizeof(aio_object_header) + 15) & ~(size_t)15)
#define AIO_OBJECT_LIVE 1
#define AIO_OBJECT_OWNED 2    /* a frame, a run or the program owns it */
#define AIO_OBJECT_ON_SWEEP 4 /* on the sweep's list */
/* x86-64 and AArch64 user addresses fit in 48 bits: the top 16 carry the tag. */
#define AIO_HANDLE_TAG_SHIFT 48

/* What the loop must know of a kind of object.  Slabs hold one kind. */
typedef struct aio_object_kind {
    const char *what;                    /* "coroutine", "Future": for messages */
    bool (*settled)(const void *object); /* may it die once nobody needs it? */
    /* Last words (reports, warnings).  Return false to be kept until exit
     * instead (a coroutine never awaited, reported there); at_exit: the
     * program is ending, it must go. */
    bool (*finalize)(void *object, bool at_exit);
} aio_object_kind;

/* `size` zeroed bytes for a new object of `kind`, owned by the frame now
 * running.  Stops the program when memory has run out (`what` names the
 * object then: "<class 'coroutine'>"). */
void *aio_object_alloc(size_t size, const aio_object_kind *kind, const char *what);
/* The same, owned by nothing: it goes once settled and unheld. */
void *aio_object_alloc_unowned(size_t size, const aio_object_kind *kind, const char *what);

/* Hold and let go of whatever `p` or `value` points to, if it is one of
 * our objects (anything else: nothing happens).  Loop handles, done
 * callbacks and coroutine arguments hold what they point to. */
static inline void aio_object_hold(const void *p);
static inline void aio_object_drop(const void *p);
/* The same two for a holder that keeps what the hold found: the header
 * of the object held (NULL: not one of ours), so that letting go does not
 * look for the object again (a loop handle, on every call_soon()). */
static inline struct aio_object_header *aio_object_hold_header(const void *p);
static inline void aio_object_drop_header(struct aio_object_header *held);
static inline void aio_value_hold(aio_value value);
static inline void aio_value_drop(aio_value value);

/* `object` may just have settled (a Future became done): look at it at
 * the end of the iteration. */
void aio_object_settled(void *object);
/* Nothing needs `object` (one of ours, settled) but the caller: no frame
 * owns it, nothing holds it.  Then the caller may finalize it itself and
 * hand it to aio_object_free() at once, as Python's reference count would
 * free it, instead of leaving it to the sweep at the end of the iteration
 * (a finished coroutine that its await has just run: the switch
 * benchmark's sleep(0) makes one per switch). */
static inline bool aio_object_unneeded(const void *object);
void aio_object_free(void *object);
/* Finalize and reuse what nobody needs any more (the loop calls it once
 * per iteration). */
void aio_object_sweep(void);

/* ---- frames: a coroutine call owns what it makes ---------------------- */
typedef struct aio_frame {
    struct aio_frame *parent;
    struct aio_object_header *owned; /* newest first */
} aio_frame;

/* Around a coroutine's body (coroutine.c): objects made in between belong
 * to `frame`; on leaving, an object the body returned passes to the
 * caller's frame, the rest are let go. */
void aio_frame_enter(aio_frame *frame);
void aio_frame_leave(aio_frame *frame, aio_value result);
/* Each task has its own chain of frames: the task switch swaps it in
 * (NULL: the loop itself, outside every task) and reads it back. */
static inline aio_frame *aio_frame_swap(aio_frame *chain);

/* ---- runs -------------------------------------------------------------- */
/* aio_run() begins: objects made from now on belong to this run. */
void aio_objects_run_begin(void);
/* The run's live objects, oldest first (malloc()ed; NULL when none). */
void **aio_objects_of_run(size_t *count);
/* aio_run() ends: every object made during it is finalized, newest first,
 * and its memory reused; those kept (never-awaited coroutines) stay until
 * exit. */
void aio_objects_run_end(void);

/* `size` bytes that live until this run ends (or, outside any run, until
 * exit): for text that exceptions point to, such as a message made from
 * a repr.  Stops the program when memory has run out. */
void *aio_run_memory(size_t size, const char *what);

/* ---- handles (machinery/handles.h) ------------------------------------- */
/* A handle for `object`: its address, tagged with its generation. */
static inline void *aio_object_handle(const void *object);
/* The object a handle stands for, or NULL if it is gone (a plain pointer,
 * untagged, is taken as it is).  *kind says what the gone object was, if
 * the caller wants to say so. */
static inline void *aio_object_from_handle(const void *handle, const aio_object_kind **kind);
/* A clear one-line refusal of a handle whose object is gone. */
_Noreturn void aio_object_gone(const void *handle, const char *what, const char *api);

/* ---- the inline fast paths -------------------------------------------------
 * Every call_soon() holds its argument, and every handle is checked on the
 * way in: the common cases (not an object at all; a live handle) cost a
 * compare or two here, and only the rest goes to object.c. */
typedef struct aio_object_span {
    const char *lo, *end; /* the slabs handed out so far */
} aio_object_span;
extern aio_object_span aio_objects_span;
extern aio_frame *aio_frames; /* the running task's frames, innermost first */
aio_object_header *aio_object_hold_slow(const void *p);
void aio_object_drop_slow(const void *p);
void aio_object_drop_last(aio_object_header *held);
void *aio_object_handle_slow(const void *object);
void *aio_object_from_handle_slow(const void *handle, const aio_object_kind **kind);

static inline bool aio_object_in_span(const void *p)
{
    const char *c = (const char *)((uintptr_t)p & (((uintptr_t)1 << AIO_HANDLE_TAG_SHIFT) - 1));
    return c >= aio_objects_span.lo && c < aio_objects_span.end;
}

static inline void aio_object_hold(const void *p)
{
    if (aio_object_in_span(p))
        aio_object_hold_slow(p);
}

static inline void aio_object_drop(const void *p)
{
    if (aio_object_in_span(p))
        aio_object_drop_slow(p);
}

static inline aio_object_header *aio_object_hold_header(const void *p)
{
    return aio_object_in_span(p) ? aio_object_hold_slow(p) : NULL;
}

/* A dead one is skipped: aio_run()'s end reclaims every object of the run,
 * held or not, before the loop lets go of the handles left queued. */
static inline void aio_object_drop_header(aio_object_header *held)
{
    if (!held || !(held->flags & AIO_OBJECT_LIVE))
        return;
    if (held->refs > 1)
        held->refs--;
    else
        aio_object_drop_last(held);
}

static inline aio_frame *aio_frame_swap(aio_frame *chain)
{
    aio_frame *was = aio_frames;
    aio_frames = chain;
    return was;
}

static inline bool aio_object_unneeded(const void *object)
{
    const aio_object_header *h = (const aio_object_header *)((const char *)object - AIO_OBJECT_HEADER);
    return h->refs == 0 && !(h->flags & (AIO_OBJECT_OWNED | AIO_OBJECT_ON_SWEEP));
}

static inline void aio_value_hold(aio_value value)
{
    if (value.kind == AIO_PTR)
        aio_object_hold(value.as.p);
}

static inline void aio_value_drop(aio_value value)
{
    if (value.kind == AIO_PTR)
        aio_object_drop(value.as.p);
}

static inline void *aio_object_handle(const void *object)
{
    if (!aio_object_in_span(object))
        return (void *)object;
    const aio_object_header *h = (const aio_object_header *)((const char *)object - AIO_OBJECT_HEADER);
    return (void *)((uintptr_t)object | (uintptr_t)h->gen << AIO_HANDLE_TAG_SHIFT);
}

static inline void *aio_object_from_handle(const void *handle, const aio_object_kind **kind)
{
    uintptr_t bits = (uintptr_t)handle;
    uint16_t tag = (uint16_t)(bits >> AIO_HANDLE_TAG_SHIFT);
    if (tag != 0 && aio_object_in_span(handle)) {
        const char *p = (const char *)(bits & (((uintptr_t)1 << AIO_HANDLE_TAG_SHIFT) - 1));
        const aio_object_header *h = (const aio_object_header *)(p - AIO_OBJECT_HEADER);
        if (h->gen == tag && (h->flags & AIO_OBJECT_LIVE)) {
            if (kind)
                *kind = NULL;
            return (void *)p;
        }
    }
    return aio_object_from_handle_slow(handle, kind);
}

#endif
