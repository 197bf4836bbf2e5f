/* Switching between stacks with sigsetjmp/siglongjmp.
 *
 * A context is a place execution can come back to: the registers that
 * sigsetjmp saved, plus what AddressSanitizer needs to know about the
 * stack it belongs to, and what ThreadSanitizer needs (each context is
 * a fiber of its own, as a coroutine of a thread is).  The loop has one
 * context (on the main stack) and each task has one (on its own stack). */
#ifndef AIO_SWITCH_H
#define AIO_SWITCH_H

#include <setjmp.h>
#include <stddef.h>

typedef struct aio_context {
    const void *sp;           /* its stack pointer when it last switched out */
    const void *stack_bottom; /* for ASan: the stack this context runs on */
    size_t stack_size;
    void *fake_stack;         /* for ASan: its fake stack while switched out */
    void *tsan_fiber;         /* for TSan: its fiber (NULL: not made yet) */
    sigjmp_buf env;           /* last: sigsetjmp(env, 0) touches only its first 72 bytes or so */
} aio_context;

/* Describe the stack a context will run on (ASan needs it to switch). */
void aio_context_init(aio_context *ctx, void *stack_lo, size_t stack_size);

/* Start `entry(arg)` on the stack whose top is `top`, and come back here
 * when something switches to `from`.  `entry` must never return: it ends
 * with aio_context_exit(). */
void aio_context_start(aio_context *from, aio_context *to, void *top,
                       void (*entry)(void *), void *arg);

/* Save where we are in `from` and continue wherever `to` was saved.
 * from->sp records how far down the stack `from` reaches now: everything
 * it needs lies between there and the top (machinery/stack.c copies it). */
void aio_context_switch(aio_context *from, aio_context *to);

/* The same, as a macro: sigsetjmp() runs in the caller's own frame, and
 * only the jump itself is a call (aio_context_jump(), in switch.c, which
 * holds every siglongjmp).  The loop's own switches use it (task.c): the
 * function above adds a call and a return on each side of every switch,
 * and a return just after a jump costs far more than its instructions,
 * since the CPU predicts where it goes from the calls it saw, and those
 * were the other context's (measured: about a fifth of a bare round
 * trip).  The price is sigsetjmp's rule, which the caller takes on: once
 * the switch comes back, it must use no local variable it has changed
 * since it began.  (Chapter 00, which counts rounds in a local, uses the
 * function.) */
#define AIO_CONTEXT_SWITCH(from, to)                  \
    do {                                              \
        aio_context *aio_from_ = (from);              \
        if (sigsetjmp(aio_from_->env, 0) == 0)        \
            aio_context_jump(aio_from_, (to));        \
        aio_context_arrived(aio_from_);               \
    } while (0)

/* The two halves of AIO_CONTEXT_SWITCH(): record from->sp and jump to
 * `to`; and, back in `from`, tell AddressSanitizer (nothing otherwise). */
_Noreturn void aio_context_jump(aio_context *from, aio_context *to);
#if defined(__SANITIZE_ADDRESS__)
#define AIO_SWITCH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AIO_SWITCH_ASAN 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define AIO_SWITCH_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define AIO_SWITCH_TSAN 1
#endif
#endif
/* Under ASan or TSan, arriving back must be told to the sanitizer. */
#if defined(AIO_SWITCH_ASAN) || defined(AIO_SWITCH_TSAN)
void aio_context_arrived(aio_context *from);
#else
#define aio_context_arrived(from) ((void)(from))
#endif

/* Leave the current context for good (its stack is about to be reused). */
_Noreturn void aio_context_exit(aio_context *to);

#endif
