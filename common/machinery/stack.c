/* MAP_ANONYMOUS and MAP_NORESERVE are not in POSIX 2008; ask for them. */
#define _DEFAULT_SOURCE
#define _DARWIN_C_SOURCE

#include "stack.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* valgrind cannot tell a stack switch from a wild stack-pointer jump
 * unless each stack is registered; the header is optional. */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>) && !defined(AIO_NO_VALGRIND)
#include <valgrind/valgrind.h>
#define AIO_HAVE_VALGRIND 1
#endif
#endif

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif
#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0 /* without it, the kernel may count untouched stack pages as committed */
#endif

#define SLAB_STACKS 64

/* The region below each stack: PROT_NONE (a guard) or, past the mapping
 * budget, read-write but never touched except by an overflow (a spare).
 * A frame bigger than this region could skip it and land in the next
 * stack down, so its size is set by how far a frame can reach below the
 * stack pointer before touching memory.  With -fstack-clash-protection
 * (the Makefile adds it where the compiler has it) a large frame is
 * probed page by page from the top, so its first touch is always within
 * a page of the stack's end; but GCC on AArch64 assumes a 64 KiB guard
 * and leaves frames under that size unprobed.  64 KiB covers both, and a
 * compiler without the option for any frame up to 64 KiB.  It costs
 * address space only: the guard is never backed by memory, and the spare
 * is backed only after an overflow. */
#define AIO_STACK_GUARD (64 * 1024)

typedef struct slab {
    char *memory;
    size_t length;
    struct slab *next;
    aio_stack stacks[SLAB_STACKS];
#ifdef AIO_HAVE_VALGRIND
    unsigned valgrind_ids[SLAB_STACKS];
#endif
} slab;

static struct {
    slab *slabs;
    aio_stack *free;
    size_t page;
    size_t guards_left;  /* guard pages we may still add within the mapping budget */
    size_t in_use;
    unsigned long made;  /* stacks made so far: the next one's colour */
    bool budget_known;
    bool handler_installed;
    const aio_stack *running;
} pool;

/* Spend at most half of vm.max_map_count on guard pages (two mappings
 * each); the other half stays for libc, malloc and the program itself.
 * Other systems have no such small cap, so every stack gets a guard. */
static size_t guard_budget(void)
{
#ifdef __linux__
    long max_maps = 65530; /* Linux's default, used where /proc cannot tell */
    FILE *f = fopen("/proc/sys/vm/max_map_count", "r");
    if (f) {
        long value;
        if (fscanf(f, "%ld", &value) == 1 && value > 0)
            max_maps = value;
        fclose(f);
    }
    return (size_t)max_maps / 4;
#else
    return SIZE_MAX;
#endif
}

static void write_str(const char *s) { ssize_t ignored = write(2, s, strlen(s)); (void)ignored; }

static _Noreturn void overflowed(const aio_stack *stack)
{
    char kib[24];
    size_t n = AIO_STACK_SIZE / 1024, i = sizeof kib - 1; /* the size asked for, colour and all */
    kib[i] = '\0';
    do { kib[--i] = (char)('0' + n % 10); n /= 10; } while (n && i);
    write_str("aio: stack overflow in ");
    write_str(stack->owner);
    write_str(": it used up its ");
    write_str(&kib[i]);
    write_str(" KiB stack (deep recursion or a large local array?)\n");
    _exit(1);
}

/* Runs on its own alternate stack: the faulting one has no room left.
 * Only async-signal-safe calls from here on. */
static void on_segv(int sig, siginfo_t *info, void *context)
{
    (void)context;
    const aio_stack *s = pool.running;
    char *addr = info->si_addr;
    if (s && s->guarded && addr >= s->lo - AIO_STACK_GUARD && addr < s->lo)
        overflowed(s);
    /* Not ours: let the default action produce the usual crash. */
    signal(sig, SIG_DFL);
}

static void install_overflow_handler(void)
{
    /* SIGSTKSZ is not a constant in newer glibc; 64 KiB is plenty. */
    static char altstack_memory[64 * 1024];
    stack_t altstack = { .ss_sp = altstack_memory, .ss_size = sizeof altstack_memory };
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_segv;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    if (sigaltstack(&altstack, NULL) == 0) {
        sigaction(SIGSEGV, &action, NULL);
        sigaction(SIGBUS, &action, NULL); /* macOS reports guard-page hits as SIGBUS */
    }
    pool.handler_installed = true;
}

/* The spare region under an unguarded stack is never touched except by an
 * overflow, so if the kernel has backed any page of it with memory, the
 * stack ran past its end.  mincore() says, one byte per page. */
#define SPARE_PAGES_MAX (AIO_STACK_GUARD / 4096) /* room for the smallest page */

static void check_spare_region(const aio_stack *stack)
{
    unsigned char resident[SPARE_PAGES_MAX] = { 0 };
#ifdef __linux__
    if (mincore(stack->lo - AIO_STACK_GUARD, AIO_STACK_GUARD, resident) != 0)
        memset(resident, 0, sizeof resident);
#endif
    for (size_t i = 0; i < AIO_STACK_GUARD / pool.page; i++)
        if (resident[i] & 1)
            overflowed(stack);
}

static bool add_slab(void)
{
    size_t slot = AIO_STACK_GUARD + AIO_STACK_SIZE;
    size_t length = slot * SLAB_STACKS;
    char *memory = mmap(NULL, length, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (memory == MAP_FAILED)
        return false;
    slab *s = calloc(1, sizeof *s);
    if (!s) {
        munmap(memory, length);
        errno = ENOMEM;
        return false;
    }
    s->memory = memory;
    s->length = length;
    s->next = pool.slabs;
    pool.slabs = s;

    /* Push in reverse so that stacks are handed out from low to high. */
    for (int i = SLAB_STACKS - 1; i >= 0; i--) {
        aio_stack *st = &s->stacks[i];
        char *guard = memory + (size_t)i * slot;
        st->lo = guard + AIO_STACK_GUARD;
        st->size = AIO_STACK_SIZE - (pool.made++ % 31) * 128; /* its colour: aio_stack_top() */
        st->guarded = pool.guards_left > 0 && mprotect(guard, AIO_STACK_GUARD, PROT_NONE) == 0;
        if (st->guarded)
            pool.guards_left--;
#ifdef AIO_HAVE_VALGRIND
        s->valgrind_ids[i] = VALGRIND_STACK_REGISTER(st->lo, st->lo + st->size);
#endif
        st->next_free = pool.free;
        pool.free = st;
    }
    return true;
}

aio_stack *aio_stack_acquire(const char *owner)
{
    if (!pool.budget_known) {
        pool.page = (size_t)sysconf(_SC_PAGESIZE);
        pool.guards_left = guard_budget();
        pool.budget_known = true;
    }
    if (!pool.handler_installed)
        install_overflow_handler();
    if (!pool.free && !add_slab())
        return NULL;
    aio_stack *st = pool.free;
    pool.free = st->next_free;
    st->next_free = NULL;
    snprintf(st->owner, sizeof st->owner, "%s", owner);
    *((volatile char *)aio_stack_top(st) - 1) = 0; /* commit the top page now */
    pool.in_use++;
    return st;
}

void aio_stack_release(aio_stack *stack)
{
    /* Check now rather than at the next acquire: the sooner an overflow
     * is named, the less the code after it has run on a damaged
     * neighbour.  One system call per finished task, and only for tasks
     * past the guard budget. */
    if (!stack->guarded)
        check_spare_region(stack);
    stack->next_free = pool.free;
    pool.free = stack;
    pool.in_use--;
}

void *aio_stack_top(const aio_stack *stack)
{
    uintptr_t top = (uintptr_t)(stack->lo + stack->size);
    return (void *)(top & ~(uintptr_t)63);
}

void aio_stack_set_running(const aio_stack *stack) { pool.running = stack; }

void aio_stack_pool_destroy(void)
{
    if (pool.in_use != 0)
        return;
    while (pool.slabs) {
        slab *s = pool.slabs;
        pool.slabs = s->next;
#ifdef AIO_HAVE_VALGRIND
        for (int i = 0; i < SLAB_STACKS; i++)
            VALGRIND_STACK_DEREGISTER(s->valgrind_ids[i]);
#endif
        munmap(s->memory, s->length);
        free(s);
    }
    pool.free = NULL;
    pool.budget_known = false; /* the guards went with the slabs */
}

size_t aio_stack_in_use(void) { return pool.in_use; }
