/* add_signal_handler(SIGINT) takes Ctrl-C from asyncio.run(): a SIGINT then
 * runs the callback, and main is not cancelled.  Closing the loop removes
 * every handler left: after run(), SIGINT has Python's default handler
 * again and SIGTERM its default action.  Outside a running loop there is
 * no loop to add a handler to. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "scenario.h"

typedef struct handler {
    const char *name;
    aio_future **future;
} handler;

static aio_future *got;
static handler on_int = { "SIGINT", &got }, on_term = { "SIGTERM", &got };

static void on_signal(void *arg)
{
    handler *h = arg;
    aio_print("callback: %s", h->name);
    if (!aio_future_done(*h->future))
        aio_future_set_result(*h->future, aio_str(h->name));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    got = aio_future_new();
    aio_status status = aio_add_signal_handler(SIGINT, on_signal, &on_int);
    if (status == AIO_OK)
        status = aio_add_signal_handler(SIGTERM, on_signal, &on_term);
    if (status != AIO_OK)
        return status;
    kill(getpid(), SIGINT);
    aio_value name;
    if ((status = aio_await(got, &name)) != AIO_OK)
        return status;
    aio_print("main: got %s, and goes on", name.as.s);
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("main: not cancelled: %s", py_bool(!aio_task_cancelled(aio_current_task())));
    return AIO_OK;
}

static struct sigaction handler_of(int sig)
{
    struct sigaction now;
    memset(&now, 0, sizeof now);
    sigaction(sig, NULL, &now);
    return now;
}

int main(void)
{
    int status = run_main(main_body);
    if (status != 0)
        return status;
    /* remove_signal_handler(SIGINT) gives it Python's default handler, the
     * only handler the loop leaves behind: neither SIG_DFL nor SIG_IGN. */
    struct sigaction sigint = handler_of(SIGINT);
    aio_print("after run: SIGINT has Python's default handler: %s",
              py_bool(sigint.sa_handler != SIG_DFL && sigint.sa_handler != SIG_IGN));
    aio_print("after run: SIGTERM has its default action: %s", py_bool(handler_of(SIGTERM).sa_handler == SIG_DFL));
    aio_status error = aio_add_signal_handler(SIGTERM, on_signal, &on_term);
    aio_print("add_signal_handler() with no loop: %s: %s", exc_name(error), aio_exception_message());
    return 0;
}
