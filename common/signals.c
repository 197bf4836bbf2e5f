/* loop.add_signal_handler and remove_signal_handler, as unix_events.py
 * builds them.  CPython's C-level handler only records the signal and
 * writes its number to the loop's self-pipe (signal.set_wakeup_fd); the
 * loop reads the pipe in a callback of its own (_read_from_self, then
 * _process_self_data) and queues each signal's Handle with call_soon.
 * Here on_signal() records the signal in a ring and wakes the loop
 * (aio_loop_wakeup()); right after the wait, aio_signals_dispatch() queues
 * process_self_data(), which plays _read_from_self's part, and that one
 * queues the callbacks: each one runs an iteration after the wake-up, as
 * in CPython. */
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "executor.h"
#include "internal.h"
#include "loop.h"
#include "machinery/object.h"
#include "machinery/sigint.h"

#if ATOMIC_INT_LOCK_FREE != 2
#error "the signal handler needs a lock-free atomic unsigned int"
#endif

/* signal.NSIG: one more than the highest signal number (65 on Linux).
 * Strict POSIX hides NSIG; glibc still has _NSIG. */
#if defined(NSIG)
#define SIGNALS NSIG
#elif defined(_NSIG)
#define SIGNALS _NSIG
#else
#define SIGNALS 128 /* more than any system has: sigismember() refuses the rest */
#endif

/* The Handle of each signal that has one (self._signal_handlers). */
typedef struct signal_handler {
    aio_callback callback;
    void *arg;
    bool set;
} signal_handler;

static signal_handler handlers[SIGNALS];
static int handlers_set;

/* What on_signal() has seen and the loop has not read yet, in the order
 * the signals came: a ring, as the pipe's bytes are in CPython.  Only the
 * handler writes `head` and only the loop's thread `tail`; the handler
 * runs on the loop's thread (every other thread blocks signals), so it
 * never runs at the same time as the loop, only in between. */
#define ARRIVED 256
static volatile sig_atomic_t arrived[ARRIVED];
static atomic_uint arrived_head, arrived_tail;
static bool reading_queued;

static void on_signal(int sig)
{
    int saved = errno;
    unsigned head = atomic_load(&arrived_head);
    /* A full ring drops the signal, as a full pipe drops its byte. */
    if (head - atomic_load(&arrived_tail) < ARRIVED) {
        arrived[head % ARRIVED] = sig;
        atomic_store(&arrived_head, head + 1);
    }
    aio_loop_wakeup();
    errno = saved;
}

/* _handle_signal: a signal whose handler has gone since is dropped. */
static void handle_signal(int sig)
{
    if (sig > 0 && sig < SIGNALS && handlers[sig].set)
        aio_call_soon(handlers[sig].callback, handlers[sig].arg);
}

/* _read_from_self and _process_self_data. */
static void process_self_data(void *unused)
{
    (void)unused;
    reading_queued = false;
    unsigned head = atomic_load(&arrived_head);
    for (unsigned tail = atomic_load(&arrived_tail); tail != head; tail++) {
        int sig = arrived[tail % ARRIVED];
        atomic_store(&arrived_tail, tail + 1);
        handle_signal(sig);
    }
}

void aio_signals_dispatch(void)
{
    if (!reading_queued && atomic_load(&arrived_head) != atomic_load(&arrived_tail)) {
        reading_queued = true;
        aio_call_soon(process_self_data, NULL);
    }
}

/* Text for an exception's message, kept until the run ends. */
static const char *message_of(const char *fmt, int value)
{
    char *text = aio_run_memory(96, "a signal's message");
    snprintf(text, 96, fmt, value);
    return text;
}

/* _check_signal: signal.valid_signals() is the set sigfillset() fills
 * (glibc leaves out the two it keeps for threads, 32 and 33). */
static aio_status check_signal(int sig, const char *where)
{
    sigset_t valid;
    sigfillset(&valid);
    if (sig < 1 || sig >= SIGNALS || sigismember(&valid, sig) != 1)
        return aio_raise_in(where, AIO_VALUE_ERROR, message_of("invalid signal number %d", sig));
    return AIO_OK;
}

static struct sigaction action_of(void (*handler)(int))
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    /* signal.siginterrupt(sig, False): SA_RESTART.  The ring is written by
     * one handler at a time: every signal is blocked while one runs. */
    action.sa_flags = SA_RESTART;
    sigfillset(&action.sa_mask);
    return action;
}

aio_status aio_add_signal_handler(int sig, aio_callback callback, void *arg)
{
    static const char where[] = "loop.add_signal_handler()";
    aio_status status = check_signal(sig, where);
    if (status != AIO_OK)
        return status;
    if (!aio_loop_is_running())
        return aio_raise_in(where, AIO_RUNTIME_ERROR, "no running event loop");
    /* set_wakeup_fd() refuses any thread but the main one. */
    if (aio_executor_on_worker())
        return aio_raise_in(where, AIO_RUNTIME_ERROR,
                            "set_wakeup_fd only works in main thread of the main interpreter");
    aio_stack_refuse(arg, "add_signal_handler()");

    struct sigaction action = action_of(on_signal);
    if (sigaction(sig, &action, NULL) != 0) {
        int err = errno;
        if (err == EINVAL) /* SIGKILL, SIGSTOP */
            return aio_raise_in(where, AIO_RUNTIME_ERROR, message_of("sig %d cannot be caught", sig));
        char *text = aio_run_memory(128, "a signal's message");
        snprintf(text, 128, "[Errno %d] %s", err, strerror(err));
        return aio_raise_in(where, AIO_OS_ERROR, text);
    }
    signal_handler *h = &handlers[sig];
    /* The Handle holds its argument, as call_soon() does. */
    aio_object_hold(arg);
    if (h->set) {
        aio_object_drop(h->arg);
    } else {
        h->set = true;
        handlers_set++;
        aio_loop_hold_watch(+1); /* a signal may wake the loop, or never come */
    }
    h->callback = callback;
    h->arg = arg;
    return AIO_OK;
}

static void unset(int sig)
{
    signal_handler *h = &handlers[sig];
    struct sigaction action = action_of(sig == SIGINT ? aio_sigint_default_handler : SIG_DFL);
    sigaction(sig, &action, NULL);
    h->set = false;
    handlers_set--;
    aio_object_drop(h->arg);
    if (aio_loop_is_running())
        aio_loop_hold_watch(-1);
}

aio_status aio_remove_signal_handler(int sig, bool *removed)
{
    if (removed)
        *removed = false;
    aio_status status = check_signal(sig, "loop.remove_signal_handler()");
    if (status != AIO_OK)
        return status;
    if (!handlers[sig].set)
        return AIO_OK;
    unset(sig);
    if (removed)
        *removed = true;
    return AIO_OK;
}

void aio_signals_close(void)
{
    for (int sig = 1; sig < SIGNALS && handlers_set > 0; sig++)
        if (handlers[sig].set)
            unset(sig);
    /* What came too late to be read goes with the loop, as the pipe's
     * bytes do. */
    atomic_store(&arrived_tail, atomic_load(&arrived_head));
    reading_queued = false;
}
