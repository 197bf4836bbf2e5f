/* glibc's fortified siglongjmp (__longjmp_chk) aborts when it jumps to a
 * stack frame below the current one on another stack; switching stacks is
 * exactly that, so this one file is built without fortification. */
#undef _FORTIFY_SOURCE

/* The one piece of assembly: point the stack pointer at a fresh stack and
 * call `fn` there.  Everything after that is plain sigsetjmp/siglongjmp,
 * so we never poke at the (opaque, libc-specific) layout of a jmp_buf. */
#if defined(__x86_64__)
static inline const void *stack_pointer(void)
{
    const void *sp;
    __asm__ volatile("mov %%rsp, %0" : "=r"(sp));
    return sp;
}

static _Noreturn void enter_stack(void *top, void (*fn)(void))
{
    /* `call` pushes 8 bytes, leaving the 16-byte alignment the ABI wants at entry. */
    __asm__ volatile("mov %0, %%rsp\n\t"
                     "call *%1\n\t"
                     "ud2"
                     : : "r"(top), "r"(fn) : "memory");
    __builtin_unreachable();
}
#elif defined(__aarch64__)
static inline const void *stack_pointer(void)
{
    const void *sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    return sp;
}

static _Noreturn void enter_stack(void *top, void (*fn)(void))
{
    __asm__ volatile("mov sp, %0\n\t"
                     "blr %1\n\t"
                     "brk #0"
                     : : "r"(top), "r"(fn) : "memory", "x30");
    __builtin_unreachable();
}
#elif defined(__i386__)
#error "aio: no stack-entry port for i386 (switch.c supports x86_64 and aarch64)"
#elif defined(__arm__)
#error "aio: no stack-entry port for 32-bit arm (switch.c supports x86_64 and aarch64)"
#elif defined(__riscv)
#error "aio: no stack-entry port for riscv (switch.c supports x86_64 and aarch64)"
#elif defined(__powerpc__) || defined(__powerpc64__)
#error "aio: no stack-entry port for powerpc (switch.c supports x86_64 and aarch64)"
#elif defined(__s390x__)
#error "aio: no stack-entry port for s390x (switch.c supports x86_64 and aarch64)"
#else
#error "aio: no stack-entry port for this architecture (switch.c supports x86_64 and aarch64)"
#endif

#include "switch.h"

#include <stdlib.h>

/* AddressSanitizer must be told before and after every stack switch, or it
 * reports false stack-buffer errors and warns about __asan_handle_no_return. */
#if defined(__SANITIZE_ADDRESS__)
#define AIO_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AIO_ASAN 1
#endif
#endif

#ifdef AIO_ASAN
#include <sanitizer/common_interface_defs.h>
#define start_switch(save, bottom, size) __sanitizer_start_switch_fiber(save, bottom, size)
#define finish_switch(save, bottom, size) __sanitizer_finish_switch_fiber(save, bottom, size)
#else
#define start_switch(save, bottom, size) ((void)(save), (void)(bottom), (void)(size))
#define finish_switch(save, bottom, size) ((void)(save), (void)(bottom), (void)(size))
#endif

/* ThreadSanitizer follows each context as a fiber of the thread: told
 * before every switch, it finds the jmp_buf of the context it switches to
 * (its siglongjmp check) and orders what one context did before what the
 * next one does.  A fiber that has exited is destroyed from the context
 * it left to, since no fiber may destroy itself. */
#if defined(__SANITIZE_THREAD__)
#define AIO_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define AIO_TSAN 1
#endif
#endif

#ifdef AIO_TSAN
#include <sanitizer/tsan_interface.h>
static void *exited_fiber;
static void fiber_of(aio_context *ctx)
{
    if (!ctx->tsan_fiber)
        ctx->tsan_fiber = __tsan_get_current_fiber();
}
#define fiber_new(ctx) ((ctx)->tsan_fiber = __tsan_create_fiber(0))
#define fiber_switch(from, to) (fiber_of(from), __tsan_switch_to_fiber((to)->tsan_fiber, 0))
#define fiber_exit(to) (exited_fiber = __tsan_get_current_fiber(), __tsan_switch_to_fiber((to)->tsan_fiber, 0))
#define fiber_arrived() (exited_fiber ? (__tsan_destroy_fiber(exited_fiber), exited_fiber = NULL) : NULL)
#else
#define fiber_new(ctx) ((void)(ctx))
#define fiber_switch(from, to) ((void)(from), (void)(to))
#define fiber_exit(to) ((void)(to))
#define fiber_arrived() ((void)0)
#endif

/* What the trampoline needs; set just before entering the new stack and
 * read at once on it, so a single static is enough (one thread). */
static struct {
    aio_context *from;
    void (*entry)(void *);
    void *arg;
} starting;

static _Noreturn void trampoline(void)
{
    aio_context *from = starting.from;
    /* First arrival on this stack: nothing to restore, but ASan tells us
     * the bounds of the stack we came from, which the loop's context needs. */
    finish_switch(NULL, &from->stack_bottom, &from->stack_size);
    starting.entry(starting.arg);
    abort(); /* entry() must leave through aio_context_exit() */
}

void aio_context_init(aio_context *ctx, void *stack_lo, size_t stack_size)
{
    ctx->stack_bottom = stack_lo;
    ctx->stack_size = stack_size;
    ctx->fake_stack = NULL;
    ctx->tsan_fiber = NULL;
    ctx->sp = NULL;
}

/* sigsetjmp(env, 0), never setjmp: BSD's setjmp saves the signal mask with
 * a system call on every switch, and we never change the mask.
 * Only the unmodified parameters are used after sigsetjmp returns a second
 * time, so no local can be clobbered by the jump back. */
void aio_context_start(aio_context *from, aio_context *to, void *top,
                       void (*entry)(void *), void *arg)
{
    if (sigsetjmp(from->env, 0) == 0) {
        starting.from = from;
        starting.entry = entry;
        starting.arg = arg;
        fiber_new(to);
        fiber_switch(from, to);
        start_switch(&from->fake_stack, to->stack_bottom, to->stack_size);
        enter_stack(top, trampoline);
    }
    finish_switch(from->fake_stack, NULL, NULL);
    fiber_arrived();
}

/* Only the unmodified parameters are used after the switch comes back. */
void aio_context_switch(aio_context *from, aio_context *to) { AIO_CONTEXT_SWITCH(from, to); }

/* AIO_CONTEXT_SWITCH() (switch.h) runs sigsetjmp(from->env, 0) in its
 * caller, then this.  The stack pointer read here lies below the caller's
 * frame, so all that `from` needs lies above it. */
_Noreturn void aio_context_jump(aio_context *from, aio_context *to)
{
    from->sp = stack_pointer();
    fiber_switch(from, to);
    start_switch(&from->fake_stack, to->stack_bottom, to->stack_size);
    siglongjmp(to->env, 1);
}

#if defined(AIO_SWITCH_ASAN) || defined(AIO_SWITCH_TSAN)
void aio_context_arrived(aio_context *from)
{
    finish_switch(from->fake_stack, NULL, NULL);
    fiber_arrived();
}
#endif

_Noreturn void aio_context_exit(aio_context *to)
{
    /* NULL: this stack is done, so ASan may drop its fake frames. */
    fiber_exit(to);
    start_switch(NULL, to->stack_bottom, to->stack_size);
    siglongjmp(to->env, 1);
}
