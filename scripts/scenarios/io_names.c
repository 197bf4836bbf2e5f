/* The loop's socket calls are coroutines named as CPython names them:
 * aio_sock_recv() makes a BaseSelectorEventLoop.sock_recv, as
 * loop.sock_recv() does.  That is the name in their repr, and the one a
 * coroutine never awaited is reported by at exit. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "scenario.h"

static aio_coro *kept_for_exit; /* never read past aio_run(): aio.h, "Lifetime" */
static char buffer[10];

/* The coroutine's repr up to its address. */
static void print_name(aio_coro *coro)
{
    char repr[128];
    aio_coro_repr(coro, repr, sizeof repr);
    char *at = strstr(repr, " at ");
    if (at)
        *at = '\0';
    aio_print("%s>", repr);
}

static int non_blocking(int fd) { return fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0 || non_blocking(pair[0]) != 0)
        return aio_raise(AIO_OS_ERROR, "socketpair() failed");
    kept_for_exit = aio_sock_recv(pair[0], buffer, sizeof buffer);
    print_name(kept_for_exit);
    aio_coro *send = aio_sock_sendall(pair[0], "x", 1);
    print_name(send);
    aio_status status = aio_await(send, NULL);
    if (status != AIO_OK)
        return status;

    struct sockaddr_in address = { .sin_family = AF_INET };
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof address;
    int listener = socket(AF_INET, SOCK_STREAM, 0), client = socket(AF_INET, SOCK_STREAM, 0);
    if (listener < 0 || client < 0 || bind(listener, (struct sockaddr *)&address, sizeof address) != 0 ||
        listen(listener, 8) != 0 || getsockname(listener, (struct sockaddr *)&address, &len) != 0 ||
        non_blocking(listener) != 0 || non_blocking(client) != 0)
        return aio_raise(AIO_OS_ERROR, "a listening socket on 127.0.0.1 failed");
    aio_coro *connect = aio_sock_connect(client, (struct sockaddr *)&address, sizeof address);
    aio_coro *accept = aio_sock_accept(listener);
    print_name(connect);
    print_name(accept);
    aio_value conn;
    if ((status = aio_await(connect, NULL)) != AIO_OK || (status = aio_await(accept, &conn)) != AIO_OK)
        return status;
    char got[10];
    ssize_t n = recv(pair[1], got, sizeof got, 0);
    aio_print("sent b'%.*s', accepted a connection: %s", (int)(n > 0 ? n : 0), got, conn.as.i >= 0 ? "True" : "False");
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
