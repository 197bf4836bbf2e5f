#include "sigint.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#include "loop.h"

/* A signal handler may only touch what is lock-free. */
#if ATOMIC_INT_LOCK_FREE != 2
#error "the signal handlers need a lock-free atomic int"
#endif

static volatile sig_atomic_t count, dying;
static atomic_int threads_alive;
static bool installed;
static struct sigaction previous;

/* KeyboardInterrupt raised in the main thread, from a signal handler:
 * the traceback's last line, then death by SIGINT; but first, as Python's
 * exit does, wait for the executor's threads (a thread cannot be
 * stopped), which only the loop's thread can do. */
static void keyboard_interrupt(void)
{
    /* write() is all a signal handler may use to say it. */
    static const char line[] = "KeyboardInterrupt\n";
    ssize_t ignored = write(STDERR_FILENO, line, sizeof line - 1);
    (void)ignored;
    if (atomic_load(&threads_alive) == 0)
        aio_sigint_die();
    dying = 1;
    aio_loop_wakeup();
}

void aio_sigint_default_handler(int signo)
{
    (void)signo;
    int saved = errno;
    keyboard_interrupt();
    errno = saved;
}

/* Runner._on_sigint.  The first SIGINT asks the loop to cancel main (it
 * wakes up at once, through the self-pipe); the next is KeyboardInterrupt. */
static void on_sigint(int signo)
{
    (void)signo;
    int saved = errno;
    if (++count > 1)
        keyboard_interrupt();
    else
        aio_loop_wakeup();
    errno = saved;
}

/* SA_RESTART: the pipe wakes the loop, nothing needs EINTR, and a read()
 * in a chapter is not cut short. */
static struct sigaction action_of(void (*handler)(int))
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    return action;
}

static bool is_default(const struct sigaction *current)
{
    return !(current->sa_flags & SA_SIGINFO)
           && (current->sa_handler == SIG_DFL || current->sa_handler == aio_sigint_default_handler);
}

void aio_sigint_startup(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    struct sigaction current;
    if (sigaction(SIGINT, NULL, &current) != 0 || current.sa_handler != SIG_DFL)
        return; /* ignored, or the program's own handler */
    struct sigaction action = action_of(aio_sigint_default_handler);
    sigaction(SIGINT, &action, NULL);
}

#if defined(__GNUC__) || defined(__clang__)
/* Before main(), as the interpreter does before it runs a line. */
__attribute__((constructor)) static void at_startup(void) { aio_sigint_startup(); }
#endif

void aio_sigint_install(void)
{
    count = 0;
    aio_sigint_startup();
    struct sigaction current;
    if (sigaction(SIGINT, NULL, &current) != 0 || !is_default(&current))
        return;
    struct sigaction action = action_of(on_sigint);
    if (sigaction(SIGINT, &action, &previous) == 0)
        installed = true;
}

void aio_sigint_restore(void)
{
    if (!installed)
        return;
    installed = false;
    struct sigaction current;
    if (sigaction(SIGINT, NULL, &current) == 0 && current.sa_handler == on_sigint)
        sigaction(SIGINT, &previous, NULL);
}

int aio_sigint_count(void) { return count; }

bool aio_sigint_dying(void) { return dying; }

void aio_sigint_threads(int delta) { atomic_fetch_add(&threads_alive, delta); }

int aio_sigint_die(void)
{
    struct sigaction action = action_of(SIG_DFL);
    sigaction(SIGINT, &action, NULL);
    /* Inside the handler SIGINT is blocked: unblock it so raise() lands. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGINT);
    return 128 + SIGINT;
}
