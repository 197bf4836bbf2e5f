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
    size_t n = stack->size / 1024, i = sizeof kib - 1;
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
    if (s && s->guarded && addr >= s->lo - pool.page && addr < s->lo)
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

/* The spare page under an unguarded stack is never touched except by an
 * overflow, so if the kernel has backed it with memory, the stack ran past
 * its end.  `resident` is mincore()'s answer for that page. */
static void check_spare_page(aio_stack *stack, unsigned char resident)
{
    if (!stack->guarded && stack->used && (resident & 1))
        overflowed(stack);
    stack->used = false;
}

static void check_one(aio_stack *stack)
{
    unsigned char resident = 0;
#ifdef __linux__
    if (mincore(stack->lo - pool.page, pool.page, &resident) != 0)
        resident = 0;
#endif
    check_spare_page(stack, resident);
}

static void check_slab(slab *s)
{
    size_t slot_pages = (pool.page + AIO_STACK_SIZE) / pool.page;
    unsigned char resident[SLAB_STACKS * ((AIO_STACK_SIZE / 4096) + 1)];
    size_t pages = s->length / pool.page;
    memset(resident, 0, sizeof resident);
#ifdef __linux__
    if (pages > sizeof resident || mincore(s->memory, s->length, resident) != 0)
        memset(resident, 0, sizeof resident);
#endif
    for (size_t i = 0; i < SLAB_STACKS; i++)
        check_spare_page(&s->stacks[i], resident[i * slot_pages]);
}

static bool add_slab(void)
{
    size_t slot = pool.page + AIO_STACK_SIZE;
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
        st->lo = guard + pool.page;
        st->size = AIO_STACK_SIZE;
        st->guarded = pool.guards_left > 0 && mprotect(guard, pool.page, PROT_NONE) == 0;
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
    if (!st->guarded && st->used)
        check_one(st); /* its last owner may have overflowed it */
    st->used = true;
    snprintf(st->owner, sizeof st->owner, "%s", owner);
    *((volatile char *)aio_stack_top(st) - 1) = 0; /* commit the top page now */
    pool.in_use++;
    return st;
}

void aio_stack_release(aio_stack *stack)
{
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
    for (slab *s = pool.slabs; s; s = s->next)
        check_slab(s);
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
