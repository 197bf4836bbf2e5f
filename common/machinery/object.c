/* MAP_ANONYMOUS and MAP_NORESERVE are not in POSIX 2008; ask for them. */
#define _DEFAULT_SOURCE
#define _DARWIN_C_SOURCE

#include "object.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include "config.h"
#include "status.h"

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif
#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0
#endif

/* A freed object's body is made inaccessible to the tools that can tell,
 * so that a use after free inside common/ is reported by make check; its
 * header stays readable, for the generation check of a stale handle. */
#if defined(__SANITIZE_ADDRESS__)
#define AIO_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AIO_ASAN 1
#endif
#endif
#ifdef AIO_ASAN
#include <sanitizer/asan_interface.h>
#define body_gone(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define body_back(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#elif defined(__has_include)
#if __has_include(<valgrind/memcheck.h>) && !defined(AIO_NO_VALGRIND)
#include <valgrind/memcheck.h>
/* Asked once (reserve()): a client request costs a dozen instructions,
 * and every allocation and free makes one. */
static bool on_valgrind;
#define body_gone(p, n) (on_valgrind ? (void)VALGRIND_MAKE_MEM_NOACCESS((p), (n)) : (void)0)
#define body_back(p, n) (on_valgrind ? (void)VALGRIND_MAKE_MEM_UNDEFINED((p), (n)) : (void)0)
#define AIO_OBJECT_VALGRIND 1
#endif
#endif
#ifndef body_gone
#define body_gone(p, n) ((void)(p), (void)(n))
#define body_back(p, n) ((void)(p), (void)(n))
#endif

typedef struct aio_object_header object;

enum { LIVE = AIO_OBJECT_LIVE, OWNED = AIO_OBJECT_OWNED, ON_SWEEP = AIO_OBJECT_ON_SWEEP };

#define HEADER AIO_OBJECT_HEADER
#define SLAB_BYTES ((size_t)64 * 1024)
#define MAX_SLOT ((size_t)4096)
#define CLASSES (MAX_SLOT / 16)
#define MAX_KINDS 8
/* x86-64 and AArch64 user addresses fit in 48 bits: the top 16 carry the tag. */
#define TAG_SHIFT AIO_HANDLE_TAG_SHIFT
#define ADDRESS_MASK (((uintptr_t)1 << TAG_SHIFT) - 1)

typedef struct slab_info {
    const aio_object_kind *kind; /* NULL: not handed out yet */
    uint32_t slot;               /* bytes per object, header included */
    uint32_t inverse;            /* 2^32 / slot, rounded up: offset / slot without a division */
    uint16_t pool;               /* its free list: kind index * CLASSES + class */
} slab_info;

typedef struct pool {
    object *free;
    char *bump, *end; /* what is left of its newest slab */
} pool;

aio_object_span aio_objects_span;

static struct {
    char *lo, *hi, *next_slab; /* the reserved range, and its unused part */
    slab_info *slabs;
    const aio_object_kind *kinds[MAX_KINDS];
    pool pools[MAX_KINDS * CLASSES];
    uint64_t seq;
    uint32_t run, runs;   /* the run now going on (0: none), and how many began */
    size_t alive;
    /* May be dead: look at them at the end of the iteration.  An array, not
     * a list through `link`: an object on it may still be returned by a
     * coroutine in the same iteration, and its caller's frame then links
     * it into its own list (aio_frame_leave()). */
    struct {
        object **at;
        size_t len, cap;
    } sweep;
    struct block *blocks, *program_blocks; /* aio_run_memory() of this run, and of none */
    bool ending_run;      /* aio_objects_run_end() at work: no sweeping */
} mem;

static void *body_of(object *o) { return (char *)o + HEADER; }
static object *header_of(const void *body) { return (object *)((char *)body - HEADER); }
/* Unsigned: a signed division by SLAB_BYTES would cost a sign fix-up. */
static const slab_info *slab_of(const void *p) { return &mem.slabs[(size_t)((const char *)p - mem.lo) / SLAB_BYTES]; }

/* The object whose body begins at `p`, if p is exactly that; else NULL.
 * Anything outside the slabs handed out (a static, the stack, malloc()ed
 * memory, a string) is not ours. */
static object *object_at(const void *p)
{
    const char *c = p;
    if (c < mem.lo || c >= mem.next_slab)
        return NULL;
    const slab_info *s = slab_of(c);
    if (!s->kind)
        return NULL;
    /* Exactly where a body begins?  The slot is offset / slot; with
     * offsets under 2^16 and slots of at most 4 KiB the product is exact. */
    uint32_t offset = (uint32_t)((size_t)(c - mem.lo) % SLAB_BYTES);
    uint32_t slot = (uint32_t)(((uint64_t)offset * s->inverse) >> 32);
    if (offset != slot * s->slot + HEADER)
        return NULL;
    object *o = header_of(c);
    return o->flags & LIVE ? o : NULL;
}

/* The header of an object of ours at `p`, which the caller knows to be a
 * body's start if it is in the slabs at all (what common/ hands out). */
static object *known_object(const void *p)
{
    const char *c = p;
    return c >= mem.lo && c < mem.next_slab ? header_of(c) : NULL;
}

static const void *untagged(const void *p) { return (const void *)((uintptr_t)p & ADDRESS_MASK); }

/* Reserve the range once: 4 GiB, or a quarter of the address space the
 * process may have (ulimit -v).  It is reserved inaccessible (PROT_NONE)
 * and each slab made writable as it is handed out, so that only the slabs
 * in use cost memory, a stray pointer past them faults, and valgrind's
 * leak check scans those slabs, not 4 GiB.  Where the system refuses, take
 * less. */
static void reserve(void)
{
    size_t size = (size_t)4 << 30;
    struct rlimit limit;
    if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur / 4 < size)
        size = (size_t)(limit.rlim_cur / 4) / SLAB_BYTES * SLAB_BYTES;
    for (; size >= 16 * SLAB_BYTES; size /= 2) {
        void *p = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED)
            continue;
        if (((uintptr_t)p + size) >> TAG_SHIFT)
            aio_fatal("object memory was mapped above 2^48, where handles keep their tag");
        mem.slabs = calloc(size / SLAB_BYTES, sizeof *mem.slabs);
        if (!mem.slabs)
            aio_fatal("MemoryError: no memory for the object table");
#ifdef AIO_OBJECT_VALGRIND
        on_valgrind = RUNNING_ON_VALGRIND;
#endif
        mem.lo = mem.next_slab = p;
        mem.hi = mem.lo + size;
        aio_objects_span = (aio_object_span){ mem.lo, mem.next_slab };
        return;
    }
    aio_fatal("MemoryError: cannot reserve address space for objects");
}

static unsigned kind_index(const aio_object_kind *kind)
{
    unsigned i = 0;
    while (i < MAX_KINDS && mem.kinds[i] && mem.kinds[i] != kind)
        i++;
    if (i == MAX_KINDS)
        aio_fatal("internal: more than %d kinds of object", MAX_KINDS);
    mem.kinds[i] = kind;
    return i;
}

static void finalize_all_at_exit(void);

/* A slot from a new slab, or the rest of the newest: off the fast path. */
static AIO_NOINLINE object *carve(pool *pl, unsigned p, size_t slot, const aio_object_kind *kind,
                                  const char *what)
{
    if ((size_t)(pl->end - pl->bump) < slot) {
        if ((size_t)(mem.hi - mem.next_slab) < SLAB_BYTES ||
            mprotect(mem.next_slab, SLAB_BYTES, PROT_READ | PROT_WRITE) != 0)
            aio_fatal("MemoryError: no memory for a new %s (%zu objects alive)", what, mem.alive);
        slab_info *s = &mem.slabs[(size_t)(mem.next_slab - mem.lo) / SLAB_BYTES];
        *s = (slab_info){ kind, (uint32_t)slot, (uint32_t)((((uint64_t)1 << 32) + slot - 1) / slot), (uint16_t)p };
        pl->bump = mem.next_slab;
        pl->end = pl->bump + SLAB_BYTES - SLAB_BYTES % slot;
        mem.next_slab += SLAB_BYTES;
        aio_objects_span.end = mem.next_slab;
    }
    object *o = (object *)pl->bump;
    pl->bump += slot;
    o->gen = 1;
    return o;
}

static AIO_COLD void first_object(void)
{
    aio_config_load(); /* a bad AIO_* setting must stop us before anything runs */
    reserve();
    atexit(finalize_all_at_exit);
}

/* Zero a new object's body with a call to memset().  Knowing that the
 * size is at most MAX_SLOT, gcc would write `rep stos` in place instead,
 * which for the hundred bytes of a coroutine takes twice as long as the
 * call (x86-64, measured); the empty asm hides what it knows. */
static void zero_body(void *body, size_t n)
{
#if defined(__GNUC__) || defined(__clang__)
    __asm__("" : "+r"(n));
#endif
    memset(body, 0, n);
}

/* The pool for objects of `kind` and `size`.  The last one asked for is
 * remembered: on every switch the same kind and size come again (the
 * coroutine each sleep(0) makes), and the lookup costs more than the rest. */
static unsigned pool_for(size_t size, const aio_object_kind *kind, const char *what)
{
    static const aio_object_kind *last_kind;
    static size_t last_size;
    static unsigned last_pool;
    if (kind == last_kind && size == last_size)
        return last_pool;
    size_t slot = (HEADER + size + 15) & ~(size_t)15;
    if (slot > MAX_SLOT)
        aio_fatal("internal: a %s of %zu bytes is larger than an object may be", what, size);
    last_kind = kind;
    last_size = size;
    last_pool = kind_index(kind) * CLASSES + (unsigned)(slot / 16 - 1);
    return last_pool;
}

static object *take_slot(size_t size, const aio_object_kind *kind, const char *what)
{
    if (!mem.lo)
        first_object();
    unsigned p = pool_for(size, kind, what);
    size_t slot = (p % CLASSES + 1) * 16;
    pool *pl = &mem.pools[p];
    object *o = pl->free;
    if (o)
        pl->free = o->link;
    else
        o = carve(pl, p, slot, kind, what);
    body_back(body_of(o), slot - HEADER);
    zero_body(body_of(o), slot - HEADER);
    o->link = NULL;
    o->seq = ++mem.seq;
    o->refs = 0;
    o->run = mem.run;
    o->flags = LIVE;
    mem.alive++;
    return o;
}

void *aio_object_alloc(size_t size, const aio_object_kind *kind, const char *what)
{
    object *o = take_slot(size, kind, what);
    o->flags |= OWNED;
    if (aio_frames) { /* inside a coroutine: its frame's, until it returns */
        o->link = aio_frames->owned;
        aio_frames->owned = o;
    } /* else the run's (or the program's), until it ends */
    return body_of(o);
}

void *aio_object_alloc_unowned(size_t size, const aio_object_kind *kind, const char *what)
{
    return body_of(take_slot(size, kind, what));
}

static void release_slot(object *o)
{
    const slab_info *s = slab_of(o);
    o->flags = 0;
    mem.alive--;
    body_gone(body_of(o), s->slot - HEADER);
    if (++o->gen == 0)
        return; /* its generations are used up: retire it, so no old tag can match again */
    o->link = mem.pools[s->pool].free;
    mem.pools[s->pool].free = o;
}

static AIO_NOINLINE void grow_sweep(void)
{
    size_t cap = mem.sweep.cap ? mem.sweep.cap * 2 : 1024;
    object **at = cap <= SIZE_MAX / sizeof *at ? realloc(mem.sweep.at, cap * sizeof *at) : NULL;
    if (!at)
        aio_fatal("MemoryError: no memory for the list of objects the loop will look at");
    mem.sweep.at = at;
    mem.sweep.cap = cap;
}

/* Nobody may need `o` any more: have the sweep look at it. */
static void consider(object *o)
{
    if (mem.ending_run || (o->flags & (OWNED | ON_SWEEP)) || o->refs)
        return;
    o->flags |= ON_SWEEP;
    if (mem.sweep.len == mem.sweep.cap)
        grow_sweep();
    mem.sweep.at[mem.sweep.len++] = o;
}

void aio_object_settled(void *body)
{
    object *o = object_at(body);
    if (o)
        consider(o);
}

void aio_object_free(void *body)
{
    if (!mem.ending_run) /* else aio_objects_run_end() has it in its list, and frees it */
        release_slot(header_of(body));
}

object *aio_object_hold_slow(const void *p)
{
    object *o = object_at(untagged(p));
    if (o)
        o->refs++;
    return o;
}

void aio_object_drop_last(object *o)
{
    if (o->refs == 0)
        aio_fatal("internal: a %s let go more often than it was held", slab_of(o)->kind->what);
    if (--o->refs == 0)
        consider(o);
}

void aio_object_drop_slow(const void *p)
{
    object *o = object_at(untagged(p));
    if (!o)
        return;
    if (o->refs == 0)
        aio_fatal("internal: a %s let go more often than it was held", slab_of(o)->kind->what);
    if (--o->refs == 0)
        consider(o);
}

void aio_object_sweep(void)
{
    while (mem.sweep.len) { /* newest first; what finalizing lets go of joins it */
        object *o = mem.sweep.at[--mem.sweep.len];
        o->flags &= (uint8_t)~ON_SWEEP;
        const aio_object_kind *kind = slab_of(o)->kind;
        if (!(o->flags & LIVE) || (o->flags & OWNED) || o->refs || !kind->settled(body_of(o)))
            continue;
        if (kind->finalize(body_of(o), false))
            release_slot(o); /* what it let go of joins the sweep list */
        else
            o->flags |= OWNED, o->run = 0; /* kept until exit */
    }
}

/* ---- frames ------------------------------------------------------------- */

static void adopt(aio_frame *frame, object *o)
{
    o->flags |= OWNED;
    if (frame) {
        o->link = frame->owned;
        frame->owned = o;
    }
}

aio_frame *aio_frames;

void aio_frame_enter(aio_frame *frame)
{
    frame->parent = aio_frames;
    frame->owned = NULL;
    aio_frames = frame;
}

void aio_frame_leave(aio_frame *frame, aio_value result)
{
    aio_frames = frame->parent;
    if (!frame->owned && result.kind != AIO_PTR)
        return; /* made nothing, returns no object: nothing to hand over or let go */
    object *returned = result.kind == AIO_PTR ? object_at(untagged(result.as.p)) : NULL;
    for (object *o = frame->owned, *next; o; o = next) {
        next = o->link;
        o->flags &= (uint8_t)~OWNED;
        if (o == returned)
            adopt(frame->parent, o); /* the caller has it now */
        else
            consider(o);
    }
    /* Returned, but made elsewhere and held by nothing else: the caller has
     * it, even if it was waiting for the sweep (the sweep then skips it). */
    if (returned && !(returned->flags & OWNED))
        adopt(frame->parent, returned);
}

/* ---- runs --------------------------------------------------------------- */

void aio_objects_run_begin(void) { mem.run = ++mem.runs; }

static int newest_first(const void *a, const void *b)
{
    uint64_t x = (*(object *const *)a)->seq, y = (*(object *const *)b)->seq;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* Every live object made in `run` (any run: UINT32_MAX), newest first. */
static object **live_objects(uint32_t run, size_t *count)
{
    *count = 0;
    if (!mem.lo || mem.alive == 0)
        return NULL;
    object **all = malloc(mem.alive * sizeof *all);
    if (!all)
        aio_fatal("MemoryError: no memory to list the objects alive");
    for (char *slab = mem.lo; slab < mem.next_slab; slab += SLAB_BYTES) {
        const slab_info *s = slab_of(slab);
        for (char *p = slab; s->kind && p + s->slot <= slab + SLAB_BYTES; p += s->slot) {
            object *o = (object *)p;
            if ((o->flags & LIVE) && (run == UINT32_MAX || o->run == run))
                all[(*count)++] = o;
        }
    }
    qsort(all, *count, sizeof *all, newest_first);
    return all;
}

void **aio_objects_of_run(size_t *count)
{
    object **all = live_objects(mem.run, count);
    void **bodies = *count ? malloc(*count * sizeof *bodies) : NULL;
    if (*count && !bodies)
        aio_fatal("MemoryError: no memory to list the objects alive");
    for (size_t i = 0; i < *count; i++) /* oldest first */
        bodies[i] = body_of(all[*count - 1 - i]);
    free(all);
    return bodies;
}

typedef struct block {
    struct block *next;
    _Alignas(max_align_t) unsigned char bytes[];
} block;

void *aio_run_memory(size_t size, const char *what)
{
    block *b = malloc(sizeof *b + size);
    if (!b)
        aio_fatal("MemoryError: no memory for %s", what);
    block **list = mem.run ? &mem.blocks : &mem.program_blocks; /* the latter: until exit */
    b->next = *list;
    *list = b;
    return b->bytes;
}

void aio_objects_run_end(void)
{
    aio_object_sweep();
    size_t count;
    object **all = live_objects(mem.run, &count);
    mem.ending_run = true;
    for (size_t i = 0; i < count; i++) {
        object *o = all[i];
        if (slab_of(o)->kind->finalize(body_of(o), false))
            release_slot(o);
        else
            o->flags = LIVE | OWNED, o->run = 0; /* kept until exit */
    }
    mem.ending_run = false;
    mem.sweep.len = 0; /* whatever finalizing let go of is gone already, or kept */
    free(all);
    while (mem.blocks) {
        block *b = mem.blocks;
        mem.blocks = b->next;
        free(b);
    }
    mem.run = 0;
}

/* What is left at exit is finalized there, as CPython's shutdown does. */
static void finalize_all_at_exit(void)
{
    size_t count;
    object **all = live_objects(UINT32_MAX, &count);
    mem.ending_run = true;
    for (size_t i = 0; i < count; i++)
        slab_of(all[i])->kind->finalize(body_of(all[i]), true);
    free(all);
}

/* ---- handles ------------------------------------------------------------ */

void *aio_object_handle_slow(const void *body)
{
    object *o = known_object(body);
    if (!o)
        return (void *)body;
    return (void *)((uintptr_t)body | (uintptr_t)o->gen << TAG_SHIFT);
}

void *aio_object_from_handle_slow(const void *handle, const aio_object_kind **kind)
{
    uintptr_t bits = (uintptr_t)handle;
    uint16_t tag = (uint16_t)(bits >> TAG_SHIFT);
    if (kind)
        *kind = NULL;
    if (tag == 0)
        return (void *)handle;
    const char *p = (const char *)(bits & ADDRESS_MASK);
    if (p < mem.lo || p >= mem.next_slab)
        aio_fatal("%p is not a handle of this loop: a pointer that was never one, or damaged", handle);
    object *o = known_object(p); /* a handle is only ever made of a body's start */
    if (o->gen == tag && (o->flags & LIVE))
        return (void *)p;
    if (kind)
        *kind = slab_of(p)->kind;
    return NULL;
}

_Noreturn void aio_object_gone(const void *handle, const char *what, const char *api)
{
    (void)handle;
    aio_fatal("%s was given a %s that is gone: a handle does not keep its object alive, and this "
              "one was reclaimed (done when the coroutine that made it returned, or made during an "
              "asyncio.run() that has ended)", api, what);
}
