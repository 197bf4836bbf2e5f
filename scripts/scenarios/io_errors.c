/* The errors of the socket calls, as CPython words them: a refused
 * connect ("Connect call failed" and the address; the port, which the
 * system picks, printed as PORT), a peer's reset in sock_recv, then a
 * broken pipe in sock_sendall and EOF; and a blocking socket refused by
 * sock_accept and sock_recv (CPython checks that in debug mode only: its
 * twin runs in it). */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "scenario.h"

static int non_blocking(int fd) { return fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

/* str(exception) with the port number as PORT. */
static void print_error(const char *what, aio_status status, int port)
{
    char digits[16], text[256];
    const char *message = aio_exception_message(), *at;
    snprintf(digits, sizeof digits, "%d", port);
    if ((at = strstr(message, digits)))
        snprintf(text, sizeof text, "%.*sPORT%s", (int)(at - message), message, at + strlen(digits));
    else
        snprintf(text, sizeof text, "%s", message);
    aio_print("%s: %s: %s", what, exc_name(status), text);
}

static int port_of(int fd, struct sockaddr_in *address)
{
    socklen_t len = sizeof *address;
    getsockname(fd, (struct sockaddr *)address, &len);
    return ntohs(address->sin_port);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    /* Bound, but not listening: nobody answers there. */
    struct sockaddr_in address = { .sin_family = AF_INET };
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int closed = socket(AF_INET, SOCK_STREAM, 0);
    bind(closed, (struct sockaddr *)&address, sizeof address);
    int port = port_of(closed, &address);
    int client = socket(AF_INET, SOCK_STREAM, 0);
    non_blocking(client);
    aio_status status = aio_await(aio_sock_connect(client, (struct sockaddr *)&address, sizeof address), NULL);
    print_error("sock_connect", status, port);
    close(client);
    close(closed);

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(listener, (struct sockaddr *)&address, sizeof address);
    listen(listener, 8);
    non_blocking(listener);
    port = port_of(listener, &address);
    client = socket(AF_INET, SOCK_STREAM, 0);
    non_blocking(client);
    if ((status = aio_await(aio_sock_connect(client, (struct sockaddr *)&address, sizeof address), NULL)) != AIO_OK)
        return status;
    aio_value conn;
    if ((status = aio_await(aio_sock_accept(listener), &conn)) != AIO_OK)
        return status;
    struct linger reset = { 1, 0 };
    setsockopt((int)conn.as.i, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    close((int)conn.as.i); /* a reset, not a FIN */
    char buf[100];
    aio_value got;
    status = aio_await(aio_sock_recv(client, buf, sizeof buf), &got);
    print_error("sock_recv", status, port);
    status = aio_await(aio_sock_sendall(client, "x", 1), NULL);
    print_error("sock_sendall", status, port);
    status = aio_await(aio_sock_recv(client, buf, sizeof buf), &got);
    aio_print("sock_recv again: %s", status == AIO_OK && got.as.i == 0 ? "b''" : exc_name(status));

    /* The client still open, a blocking socket takes the number of the
     * connection closed above, which sock_accept() had found non-blocking:
     * accept() would block the loop, so sock_accept() asks again. */
    int blocking = socket(AF_INET, SOCK_STREAM, 0);
    status = aio_await(aio_sock_accept(blocking), NULL);
    print_error("sock_accept on a blocking socket", status, port);
    /* A number the loop has never seen, with its table of non-blocking
     * sockets grown meanwhile: sock_recv() asks the system too. */
    int unseen = fcntl(blocking, F_DUPFD, 200);
    status = aio_await(aio_sock_recv(unseen, buf, sizeof buf), &got);
    print_error("sock_recv on a blocking socket", status, port);
    close(unseen);
    close(blocking);
    close(client);
    close(listener);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
