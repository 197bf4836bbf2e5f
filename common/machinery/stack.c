/* MAP_ANONYMOUS and MAP_NORESERVE are not in POSIX 2008; ask for them. */
#define _DEFAULT_SOURCE
#define _DARWIN_C_SOURCE

#include "stack.h"

#include "object.h"

#include "status.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* valgrind cannot tell a stack switch from a wild stack-pointer jump
 * unless each stack is registered; the header is optional. */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>) && !defined(AIO_NO_VALGRIND)
#include <valgrind/memcheck.h>
#include <valgrind/valgrind.h>
#define AIO_HAVE_VALGRIND 1
#endif
#endif

#if defined(__SANITIZE_ADDRESS__)
#define AIO_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AIO_ASAN 1
#endif
#endif
#ifdef AIO_ASAN
#include <sanitizer/asan_interface.h>
#endif

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif
#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0 /* without it, the kernel may count untouched stack pages as committed */
#endif

/* The region below the stack: PROT_NONE, a guard.  A frame bigger than
 * this region could skip it and land in memory below, so its size is set
 * by how far a frame can reach below the stack pointer before touching
 * memory.  With -fstack-clash-protection (the Makefile adds it where the
 * compiler has it) a large frame is probed page by page from the top, so
 * its first touch is always within a page of the stack's end; but GCC on
 * AArch64 assumes a 64 KiB guard and leaves frames under that size
 * unprobed.  64 KiB covers both, and a compiler without the option for
 * any frame up to 64 KiB.  It costs address space only. */
#define AIO_STACK_GUARD (64 * 1024)

/* A few bytes below the stack pointer read at the switch go along too.
 * Nothing there is needed (the switch is a call, and only a leaf function
 * keeps data below its stack pointer, in x86-64's red zone): a margin. */
#define BELOW_SP 32

static struct {
    char *memory;        /* guard + stack, one mapping */
    char *lo;            /* the stack's lowest usable byte */
    size_t in_use;
    aio_stack *occupant; /* whose frames the stack holds now, if anyone's */
    bool handler_installed;
    const aio_stack *running;
#ifdef AIO_HAVE_VALGRIND
    unsigned valgrind_id;
    bool on_valgrind;
#endif
} pool;

static void write_str(const char *s) { ssize_t ignored = write(2, s, strlen(s)); (void)ignored; }

static _Noreturn void overflowed(const aio_stack *stack)
{
    char kib[24];
    size_t n = AIO_STACK_SIZE / 1024, i = sizeof kib - 1;
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
    if (s && addr >= pool.lo - AIO_STACK_GUARD && addr < pool.lo)
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

static bool map_stack(void)
{
    size_t length = AIO_STACK_GUARD + AIO_STACK_SIZE;
    char *memory = mmap(NULL, length, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (memory == MAP_FAILED)
        return false;
    if (mprotect(memory, AIO_STACK_GUARD, PROT_NONE) != 0) {
        munmap(memory, length);
        return false;
    }
    pool.memory = memory;
    pool.lo = memory + AIO_STACK_GUARD;
    aio_stack_mapped = (aio_stack_span){ memory, pool.lo + AIO_STACK_SIZE };
#ifdef AIO_HAVE_VALGRIND
    pool.valgrind_id = VALGRIND_STACK_REGISTER(pool.lo, pool.lo + AIO_STACK_SIZE);
    pool.on_valgrind = RUNNING_ON_VALGRIND;
#endif
    return true;
}

bool aio_stack_claim(aio_stack *st, const char *owner)
{
    if (!pool.handler_installed)
        install_overflow_handler();
    if (!pool.memory && !map_stack())
        return false;
    /* Field by field: gcc writes a compound literal of this size with
     * `rep stos`, slow to start, and every create_task() claims. */
    st->lo = pool.lo;
    st->size = AIO_STACK_SIZE;
    st->owner = owner;
    st->context = NULL;
    st->saved = NULL;
    st->saved_size = st->saved_capacity = 0;
    pool.in_use++;
    return true;
}

void aio_stack_unclaim(aio_stack *stack)
{
    if (pool.occupant == stack)
        pool.occupant = NULL;
    if (pool.running == stack)
        pool.running = NULL;
    free(stack->saved);
    stack->saved = NULL;
    stack->saved_size = stack->saved_capacity = 0;
    pool.in_use--;
}

aio_stack *aio_stack_acquire(const char *owner)
{
    aio_stack *st = malloc(sizeof *st);
    if (!st) {
        errno = ENOMEM;
        return NULL;
    }
    if (!aio_stack_claim(st, owner)) {
        free(st);
        return NULL;
    }
    return st;
}

void aio_stack_release(aio_stack *stack)
{
    aio_stack_unclaim(stack);
    free(stack);
}

void *aio_stack_top(const aio_stack *stack)
{
    uintptr_t top = (uintptr_t)(stack->lo + stack->size);
    return (void *)(top & ~(uintptr_t)63);
}

/* The copies read and write stack memory that AddressSanitizer keeps
 * poisoned between a frame's variables (its red zones), so they must not
 * be instrumented; and the frames copied back are not the ones whose
 * poison is in the shadow memory, so the whole stack is unpoisoned. */
#ifdef AIO_ASAN
__attribute__((no_sanitize("address")))
static void copy_bytes(char *to, const char *from, size_t n)
{
    for (size_t i = 0; i < n; i++)
        to[i] = from[i];
}
#define stack_reused() ASAN_UNPOISON_MEMORY_REGION(pool.lo, AIO_STACK_SIZE)
#else
#define copy_bytes memcpy
#define stack_reused() ((void)0)
#endif
/* valgrind marks the stack below the stack pointer unaddressable as frames
 * return; frames copied in, or the few bytes below a stack pointer copied
 * out, are addressable again (and as defined as the bytes they came from). */
#ifdef AIO_HAVE_VALGRIND
/* Only under valgrind: a client request costs a dozen instructions, and
 * each switch would make two. */
#define addressable(p, n) (pool.on_valgrind ? (void)VALGRIND_MAKE_MEM_UNDEFINED((p), (n)) : (void)0)
#else
#define addressable(p, n) ((void)(p), (void)(n))
#endif

static void move_out(aio_stack *stack)
{
    char *top = aio_stack_top(stack);
    const char *from = (const char *)stack->context->sp - BELOW_SP;
    if (from < stack->lo)
        from = stack->lo;
    size_t size = (size_t)(top - from);
    if (size > stack->saved_capacity) {
        char *bigger = realloc(stack->saved, size);
        if (!bigger)
            aio_fatal("MemoryError: no memory to save %s's stack (%zu bytes)", stack->owner, size);
        stack->saved = bigger;
        stack->saved_capacity = size;
    }
    addressable(from, (size_t)((const char *)stack->context->sp - from));
    copy_bytes(stack->saved, from, size);
    stack->saved_size = size;
}

void aio_stack_occupy(aio_stack *stack, const aio_context *context)
{
    pool.running = stack;
    stack->context = context;
    if (pool.occupant == stack)
        return; /* its frames never left */
    if (pool.occupant)
        move_out(pool.occupant);
    stack_reused();
    if (stack->saved_size) {
        char *top = aio_stack_top(stack);
        addressable(top - stack->saved_size, stack->saved_size);
        copy_bytes(top - stack->saved_size, stack->saved, stack->saved_size);
        stack->saved_size = 0;
    }
    pool.occupant = stack;
}

void aio_stack_prefetch(const aio_stack *stack)
{
    if (stack->saved_size)
        aio_prefetch_span(stack->saved, 0, (long)stack->saved_size);
}

aio_stack_span aio_stack_mapped;

_Noreturn void aio_stack_refused(const void *p, const char *api)
{
    aio_fatal("%s was given %p, a pointer into %s's stack: the loop keeps it past the next "
                  "await, when that task's frames have been moved off the stack; pass static or "
                  "malloc()ed memory instead", api, p, pool.running ? pool.running->owner : "a task");
}

void aio_stack_set_running(const aio_stack *stack) { pool.running = stack; }

void aio_stack_pool_destroy(void)
{
    if (pool.in_use != 0 || !pool.memory)
        return;
#ifdef AIO_HAVE_VALGRIND
    VALGRIND_STACK_DEREGISTER(pool.valgrind_id);
#endif
    munmap(pool.memory, AIO_STACK_GUARD + AIO_STACK_SIZE);
    pool.memory = pool.lo = NULL;
    aio_stack_mapped = (aio_stack_span){ NULL, NULL };
    pool.occupant = NULL;
}

size_t aio_stack_in_use(void) { return pool.in_use; }
