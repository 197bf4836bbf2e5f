/* Chapter 21 (the post's section 3, past it): an echo server on the
 * loop's socket calls, one task per connection.  `build/21-echo-server
 * [PORT]` serves on 127.0.0.1:PORT (8000; 0: any free port).  With no
 * PORT, on a clock that is not the wall clock's (the tests run every
 * chapter with AIO_CLOCK=virtual), it serves two scripted clients of its
 * own instead, then stops: nobody at a keyboard can keep up with that
 * clock. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "aio.h"

#define BUFFER 4096

static bool demo;

/* An exception's message must outlive the call that raises it (aio.h):
 * this program raises one OSError at most, before it serves. */
static aio_status raise_os_error(int err)
{
    static char message[128];
    snprintf(message, sizeof message, "[Errno %d] %s", err, strerror(err));
    return aio_raise(AIO_OS_ERROR, message);
}

/* "127.0.0.1:54321"; the demo leaves out the client's port: the system
 * picks it. */
static void peer_name(int fd, char *buf, size_t size)
{
    struct sockaddr_in peer;
    socklen_t len = sizeof peer;
    char host[INET_ADDRSTRLEN] = "?";
    if (getpeername(fd, (struct sockaddr *)&peer, &len) == 0)
        inet_ntop(AF_INET, &peer.sin_addr, host, sizeof host);
    if (demo)
        snprintf(buf, size, "%s", host);
    else
        snprintf(buf, size, "%s:%u", host, (unsigned)ntohs(peer.sin_port));
}

/* One connection: echo what comes until the client closes its side. */
static aio_status handle_body(const aio_value *args, aio_value *result)
{
    (void)result;
    int conn = (int)args[0].as.i;
    long number = args[1].as.i;
    char peer[64], buf[BUFFER];
    peer_name(conn, peer, sizeof peer);
    aio_status status;
    for (;;) {
        aio_value got;
        status = aio_await(aio_sock_recv(conn, buf, sizeof buf), &got);
        if (status != AIO_OK || got.as.i == 0) /* 0 bytes: EOF */
            break;
        status = aio_await(aio_sock_sendall(conn, buf, (size_t)got.as.i), NULL);
        if (status != AIO_OK)
            break;
    }
    close(conn); /* finally: */
    if (status == AIO_CANCELLED) {
        aio_print("[%ld] closed %s: cancelled", number, peer);
        return status;
    }
    if (status != AIO_OK) /* except OSError as error: */
        aio_print("[%ld] closed %s: %s: %s", number, peer, aio_status_class(status), aio_exception_message());
    else
        aio_print("[%ld] closed %s", number, peer);
    return AIO_OK;
}

static aio_coro *handle(int conn, long number)
{
    return aio_coro_new2("handle", handle_body, aio_int(conn), aio_int(number));
}

/* One round of the server: accept, and start the connection's task.  A
 * coroutine of its own, so that the Task it makes belongs to this call
 * and goes once it is done, not when serve() returns, hours later
 * (common/README.md, "Lifetime"). */
static aio_status accept_one_body(const aio_value *args, aio_value *result)
{
    (void)result;
    int server = (int)args[0].as.i;
    long number = args[1].as.i;
    aio_value conn;
    aio_status status = aio_await(aio_sock_accept(server), &conn);
    if (status != AIO_OK)
        return status;
    /* Each echo goes out at once, not held back to be sent with more (Nagle's
     * algorithm), as asyncio's own transports have it. */
    int on = 1;
    setsockopt((int)conn.as.i, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    char peer[64];
    peer_name((int)conn.as.i, peer, sizeof peer);
    aio_print("[%ld] opened %s", number, peer);
    aio_create_task(handle((int)conn.as.i, number));
    return AIO_OK;
}

static aio_status serve_body(const aio_value *args, aio_value *result)
{
    (void)result;
    for (long number = 1;; number++) {
        aio_status status = aio_await(aio_coro_new2("accept_one", accept_one_body, args[0], aio_int(number)), NULL);
        if (status != AIO_OK)
            return status;
    }
}

static aio_coro *serve(int server)
{
    return aio_coro_new("serve", serve_body, aio_int(server));
}

/* socket(), bind() to 127.0.0.1:port, listen(), non-blocking. */
static aio_status listen_on(int port, int *server)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0), on = 1;
    if (fd < 0)
        return raise_os_error(errno);
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0
        || bind(fd, (struct sockaddr *)&address, sizeof address) != 0
        || listen(fd, SOMAXCONN) != 0
        || fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) != 0) {
        int err = errno;
        close(fd);
        return raise_os_error(err);
    }
    *server = fd;
    return AIO_OK;
}

/* The demo's clients: each connects, sends its lines a second apart,
 * reads each one's echo back, then closes its side and reads until the
 * server's EOF. */
typedef struct script {
    const char *name;
    double start;
    const char *lines[2];
} script;

static const script ALICE = { "alice", 0, { "hello", "how are you?" } };
static const script BOB = { "bob", 0.5, { "hi there", "bye" } };

static aio_status client_body(const aio_value *args, aio_value *result)
{
    (void)result;
    const script *s = args[0].as.p;
    int port = (int)args[1].as.i;
    aio_status status = aio_await(aio_sleep(s->start), NULL);
    if (status != AIO_OK)
        return status;
    int sock = socket(AF_INET, SOCK_STREAM, 0);
    if (sock < 0 || fcntl(sock, F_SETFL, fcntl(sock, F_GETFL) | O_NONBLOCK) != 0)
        return raise_os_error(errno);
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    status = aio_await(aio_sock_connect(sock, (struct sockaddr *)&address, sizeof address), NULL);
    char buf[BUFFER];
    for (int i = 0; i < 2 && status == AIO_OK; i++) {
        if (i > 0 && (status = aio_await(aio_sleep(1), NULL)) != AIO_OK) /* a person types the next line */
            break;
        size_t len = strlen(s->lines[i]), have = 0;
        status = aio_await(aio_sock_sendall(sock, s->lines[i], len), NULL);
        while (status == AIO_OK && have < len) {
            aio_value got;
            status = aio_await(aio_sock_recv(sock, buf + have, sizeof buf - have), &got);
            if (status == AIO_OK && got.as.i == 0)
                break;
            if (status == AIO_OK)
                have += (size_t)got.as.i;
        }
        if (status == AIO_OK)
            aio_print("%s: sent '%s', got back '%.*s'", s->name, s->lines[i], (int)have, buf);
    }
    if (status == AIO_OK) {
        aio_print("%s: done, shuts its side", s->name);
        shutdown(sock, SHUT_WR);
    }
    for (aio_value got = aio_int(1); status == AIO_OK && got.as.i > 0;) /* until the server's EOF */
        status = aio_await(aio_sock_recv(sock, buf, sizeof buf), &got);
    close(sock);
    return status;
}

static aio_coro *client(const script *s, int port)
{
    return aio_coro_new2("client", client_body, aio_ptr((void *)s), aio_int(port));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)result;
    int server = -1;
    aio_status status = listen_on(demo ? 0 : (int)args[0].as.i, &server);
    if (status != AIO_OK)
        return status;
    struct sockaddr_in address;
    socklen_t len = sizeof address;
    getsockname(server, (struct sockaddr *)&address, &len);
    int port = ntohs(address.sin_port);
    if (!demo) {
        aio_print("serving on 127.0.0.1:%d", port);
        status = aio_await(serve(server), NULL);
        close(server); /* finally: */
        return status;
    }
    aio_print("serving on 127.0.0.1 (demo: two scripted clients)");
    aio_task *serving = aio_create_task(serve(server));
    status = aio_await(aio_gather(client(&ALICE, port), client(&BOB, port)), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(serving);
    status = aio_await(serving, NULL);
    if (status != AIO_CANCELLED && status != AIO_OK)
        return status;
    close(server);
    aio_print("server stopped");
    return AIO_OK;
}

/* The demo runs when no PORT is given and the clock is not the wall
 * clock: AIO_CLOCK=virtual, or AIO_SPEED other than 1. */
static bool wall_clock(void)
{
    const char *clock = getenv("AIO_CLOCK"), *speed = getenv("AIO_SPEED");
    return (!clock || strcmp(clock, "real") == 0) && (!speed || strtod(speed, NULL) == 1.0);
}

int main(int argc, char **argv)
{
    long port = 8000;
    if (argc > 1) {
        char *end;
        errno = 0;
        port = strtol(argv[1], &end, 10);
        if (end == argv[1] || *end || errno) {
            fprintf(stderr, "ValueError: invalid literal for int() with base 10: '%s'\n", argv[1]);
            return 1;
        }
        if (port < 0 || port > 65535) {
            fprintf(stderr, "OverflowError: bind(): port must be 0-65535.\n");
            return 1;
        }
    }
    demo = argc == 1 && !wall_clock();
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_int(port)), NULL));
}
