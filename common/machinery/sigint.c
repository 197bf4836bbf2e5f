#include "sigint.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t count, immediate;
static bool installed;
static struct sigaction previous;

static void on_sigint(int signo)
{
    (void)signo;
    if (++count > 1 || immediate) {
        /* Python's traceback would end with this line; write() is all a
         * signal handler may use. */
        static const char line[] = "KeyboardInterrupt\n";
        ssize_t ignored = write(STDERR_FILENO, line, sizeof line - 1);
        (void)ignored;
        aio_sigint_die();
    }
}

void aio_sigint_install(void)
{
    count = 0;
    immediate = 0;
    struct sigaction current;
    if (sigaction(SIGINT, NULL, &current) != 0 || current.sa_handler != SIG_DFL)
        return;
    struct sigaction action;
    memset(&action, 0, sizeof action); /* sa_flags 0: no SA_RESTART, select() must return EINTR */
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGINT, &action, &previous) == 0)
        installed = true;
}

void aio_sigint_restore(void)
{
    if (installed)
        sigaction(SIGINT, &previous, NULL);
    installed = false;
}

int aio_sigint_count(void) { return count; }

void aio_sigint_immediate(void) { immediate = 1; }

int aio_sigint_die(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    /* Inside the handler SIGINT is blocked: unblock it so raise() lands. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGINT);
    return 128 + SIGINT;
}
