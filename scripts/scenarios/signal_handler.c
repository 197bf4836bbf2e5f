/* loop.add_signal_handler(): a signal the program sends itself wakes the
 * loop through its self-pipe; the loop reads the pipe in a callback of its
 * own, which queues the handler's callback: it runs two iterations after
 * the signal, behind what call_soon() queued.  Adding again replaces the
 * callback; remove_signal_handler() says whether there was one.  Then the
 * refusals: no such signal (ValueError), SIGKILL and SIGSTOP (RuntimeError). */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "scenario.h"

typedef struct handler {
    const char *label;
    aio_future *future;
} handler;

/* Static: the loop keeps the handler's argument while the task that
 * added it is suspended. */
static handler first = { "first", NULL }, second = { "second", NULL };

static void on_usr1(void *arg)
{
    handler *h = arg;
    aio_print("handler %s: SIGUSR1", h->label);
    if (!aio_future_done(h->future))
        aio_future_set_result(h->future, aio_str(h->label));
}

static void say(void *arg) { aio_print("%s", (const char *)arg); }

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    first.future = aio_future_new();
    aio_status status = aio_add_signal_handler(SIGUSR1, on_usr1, &first);
    if (status != AIO_OK)
        return status;
    aio_call_soon(say, "call_soon before the signal");
    kill(getpid(), SIGUSR1);
    aio_call_soon(say, "call_soon after the signal");
    aio_print("main: sent SIGUSR1 to itself");
    if ((status = aio_await(aio_sleep(0), NULL)) != AIO_OK)
        return status;
    aio_print("main: one iteration later");
    aio_value got;
    if ((status = aio_await(first.future, &got)) != AIO_OK)
        return status;
    aio_print("main: the handler's callback got '%s'", got.as.s);

    second.future = aio_future_new();
    if ((status = aio_add_signal_handler(SIGUSR1, on_usr1, &second)) != AIO_OK)
        return status;
    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGUSR1);
    if ((status = aio_await(second.future, &got)) != AIO_OK)
        return status;
    aio_print("main: after two more, the new callback got '%s'", got.as.s);
    if ((status = aio_await(aio_sleep(0), NULL)) != AIO_OK)
        return status;

    bool removed;
    aio_remove_signal_handler(SIGUSR1, &removed);
    aio_print("remove_signal_handler(SIGUSR1) = %s", py_bool(removed));
    aio_remove_signal_handler(SIGUSR1, &removed);
    aio_print("remove_signal_handler(SIGUSR1) = %s", py_bool(removed));
    struct sigaction now;
    memset(&now, 0, sizeof now);
    sigaction(SIGUSR1, NULL, &now);
    aio_print("SIGUSR1 has its default action again: %s", py_bool(now.sa_handler == SIG_DFL));
    const int refused[] = { 0, 32, 65, -1, SIGKILL, SIGSTOP };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        status = aio_add_signal_handler(refused[i], say, "never");
        aio_print("add_signal_handler(%d): %s: %s", refused[i], exc_name(status), aio_exception_message());
    }
    status = aio_remove_signal_handler(65, &removed);
    aio_print("remove_signal_handler(65): %s: %s", exc_name(status), aio_exception_message());
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
