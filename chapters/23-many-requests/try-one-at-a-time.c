/* Experiment for chapter 23: the server serves one connection at a time. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "aio.h"

#define REQUESTS 10

/* OSError, its message as CPython writes it: "[Errno 98] Address already
 * in use".  aio_raise() keeps the pointer, so the text lives here. */
static aio_status os_error(void)
{
    static char message[128];
    snprintf(message, sizeof message, "[Errno %d] %s", errno, strerror(errno));
    return aio_raise(AIO_OS_ERROR, message);
}

/* socket.socket() followed by sock.setblocking(False). */
static int nonblocking_socket(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd >= 0 && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* ("127.0.0.1", port) */
static struct sockaddr_in localhost(int port)
{
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

/* ---- The server ---------------------------------------------------------- */

/* One connection: read the request, take 1 s over it, answer, close.  The
 * buffers are on this task's stack: each system call runs in the task that
 * awaits it (aio.h, "Sockets on the loop"). */
static aio_status handle_body(const aio_value *args, aio_value *result)
{
    (void)result;
    int conn = (int)args[0].as.i;
    char request[100], answer[128];
    aio_value got;
    aio_status status = aio_await(aio_sock_recv(conn, request, sizeof request), &got);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(1), NULL);
    if (status == AIO_OK) {
        int len = snprintf(answer, sizeof answer, "answer to %.*s", (int)got.as.i, request);
        status = aio_await(aio_sock_sendall(conn, answer, (size_t)len), NULL);
    }
    close(conn); /* conn.close(); Python would close it anyway, when collected */
    return status;
}

static aio_coro *handle(int conn)
{
    return aio_coro_new("handle", handle_body, aio_int(conn));
}

/* Accept connections for ever, each handled before the next is accepted. */
static aio_status serve_body(const aio_value *args, aio_value *result)
{
    (void)result;
    int listener = (int)args[0].as.i;
    for (;;) {
        aio_value conn;
        aio_status status = aio_await(aio_sock_accept(listener), &conn);
        if (status != AIO_OK)
            return status;
        status = aio_await(handle((int)conn.as.i), NULL); /* try: one connection at a time */
        if (status != AIO_OK)
            return status;
    }
}

static aio_coro *serve(int listener)
{
    return aio_coro_new("serve", serve_body, aio_int(listener));
}

/* ---- The client ---------------------------------------------------------- */

/* What each fetch returns is a str, and a str is not copied (aio_value):
 * it must outlive the task, so the answers live here, one per request. */
static char answers[REQUESTS + 1][128];

/* One request: connect, send it, read the answer until the server closes. */
static aio_status fetch_body(const aio_value *args, aio_value *result)
{
    int port = (int)args[0].as.i, n = (int)args[1].as.i;
    int sock = nonblocking_socket();
    if (sock < 0)
        return os_error();
    struct sockaddr_in addr = localhost(port);
    aio_status status = aio_await(aio_sock_connect(sock, (struct sockaddr *)&addr, sizeof addr), NULL);
    if (status == AIO_OK) {
        char request[32];
        int len = snprintf(request, sizeof request, "request %d", n);
        status = aio_await(aio_sock_sendall(sock, request, (size_t)len), NULL);
    }
    char *answer = answers[n];
    size_t len = 0;
    while (status == AIO_OK) {
        char chunk[100];
        aio_value got;
        status = aio_await(aio_sock_recv(sock, chunk, sizeof chunk), &got);
        if (status != AIO_OK || got.as.i == 0)
            break;
        size_t room = sizeof answers[n] - 1 - len, size = (size_t)got.as.i;
        memcpy(answer + len, chunk, size < room ? size : room); /* answer += chunk */
        len += size < room ? size : room;
    }
    close(sock);
    if (status != AIO_OK)
        return status;
    answer[len] = '\0';
    *result = aio_str(answer);
    return AIO_OK;
}

static aio_coro *fetch(int port, int n)
{
    return aio_coro_new2("fetch", fetch_body, aio_int(port), aio_int(n));
}

/* ---- main ----------------------------------------------------------------- */

static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    int listener = nonblocking_socket();
    if (listener < 0)
        return os_error();
    struct sockaddr_in addr = localhost(0); /* port 0: any free port */
    socklen_t addrlen = sizeof addr;
    if (bind(listener, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(listener, REQUESTS) != 0
        || getsockname(listener, (struct sockaddr *)&addr, &addrlen) != 0) {
        aio_status error = os_error();
        close(listener);
        return error;
    }
    int port = ntohs(addr.sin_port);
    aio_task *server = aio_create_task(serve(listener));

    /* Whole seconds, rounded down: in real time every wait ends a little late. */
    double start = aio_loop_time();
    for (int n = 1; n <= REQUESTS; n++) {
        aio_value answer;
        aio_status status = aio_await(fetch(port, n), &answer);
        if (status != AIO_OK)
            return status;
        aio_print("%s", answer.as.s);
    }
    aio_print("one after another: %d requests in %d s", REQUESTS, (int)(aio_loop_time() - start));

    start = aio_loop_time();
    aio_awaitable *requests[REQUESTS];
    for (int n = 1; n <= REQUESTS; n++)
        requests[n - 1] = aio_as_awaitable(fetch(port, n));
    aio_future *gathering = aio_gather_awaitables(REQUESTS, requests, false);
    aio_status status = aio_await(gathering, NULL);
    if (status != AIO_OK)
        return status;
    for (size_t i = 0; i < aio_gather_count(gathering); i++) { /* for answer in answers: */
        aio_value answer;
        aio_gather_result(gathering, i, &answer);
        aio_print("%s", answer.as.s);
    }
    aio_print("all at once: %d requests in %d s", REQUESTS, (int)(aio_loop_time() - start));

    aio_task_cancel(server);
    status = aio_await(server, NULL);
    if (status != AIO_OK && status != AIO_CANCELLED)
        return status;
    close(listener);
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
