/* Chapter 22 (past the post, after 21): chapter 21's echo server, stopped
 * by a signal.  SIGINT or SIGTERM (aio_add_signal_handler()) stops the
 * accepting; the connections still open get a grace period (wait_for,
 * post 2-5), and what is left after it is cancelled (post 2-4).
 * `build/22-graceful-shutdown [PORT]` serves on 127.0.0.1:PORT (8000; 0:
 * any free port) until Ctrl-C or SIGTERM.  With no PORT, on a clock that
 * is not the wall clock's (the tests run every chapter with
 * AIO_CLOCK=virtual), it serves three scripted clients of its own and
 * sends itself SIGTERM at 1.5 s. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "aio.h"

#define BUFFER 4096
#define GRACE 2 /* seconds an open connection gets to finish */
#define MAX_OPEN 256

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

/* The connections' tasks, in the order they came (the twin's dict):
 * a done callback takes each one off as it ends, before its memory can
 * go, and counts the ones that were cancelled. */
typedef struct connection {
    aio_task *task;
    bool open;
} connection;

static connection connections[MAX_OPEN];
static int cancelled_count;

static void forget(aio_future *future, void *arg)
{
    connection *c = arg;
    c->open = false;
    if (aio_future_cancelled(future))
        cancelled_count++;
}

static connection *free_slot(void)
{
    for (int i = 0; i < MAX_OPEN; i++)
        if (!connections[i].open)
            return &connections[i];
    return NULL;
}

/* One round of the server: accept, and start the connection's task.  A
 * coroutine of its own, so that the Task it makes belongs to this call
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
    int on = 1;
    setsockopt((int)conn.as.i, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    char peer[64];
    peer_name((int)conn.as.i, peer, sizeof peer);
    connection *c = free_slot();
    if (!c) { /* a workbook's server: MAX_OPEN at once is plenty */
        close((int)conn.as.i);
        aio_print("[%ld] closed %s: too many connections", number, peer);
        return AIO_OK;
    }
    aio_print("[%ld] opened %s", number, peer);
    c->task = aio_create_task(handle((int)conn.as.i, number));
    c->open = true;
    aio_future_add_done_callback(aio_task_future(c->task), forget, c);
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

/* ---- the signals ----------------------------------------------------------- */

/* Runs on the loop, through call_soon: any loop call is fine here.  The
 * first signal sets main's `stop` Future to its name.  The Future is the
 * handler's argument, so the loop holds it as long as the handler is set. */
static void stop_with(aio_future *stop, const char *name)
{
    if (!aio_future_done(stop))
        aio_future_set_result(stop, aio_str(name));
}

static void on_sigint(void *stop) { stop_with(stop, "SIGINT"); }
static void on_sigterm(void *stop) { stop_with(stop, "SIGTERM"); }

static aio_status shut_down(const char *name, aio_task *serving, int server)
{
    aio_task_cancel(serving); /* no more accept() */
    aio_status status = aio_await(serving, NULL);
    if (status != AIO_CANCELLED && status != AIO_OK)
        return status;
    close(server);
    aio_awaitable *still_open[MAX_OPEN];
    size_t count = 0;
    for (int i = 0; i < MAX_OPEN; i++)
        if (connections[i].open)
            still_open[count++] = aio_as_awaitable(connections[i].task);
    aio_print("%s: stopped accepting; %zu connection(s) open, %d s to finish", name, count, GRACE);
    if (count > 0) {
        status = aio_await(aio_wait_for(aio_gather_awaitables(count, still_open, false), GRACE), NULL);
        if (status == AIO_OK)
            aio_print("every connection finished in time");
        else if (status == AIO_TIMEOUT) /* wait_for cancelled the gather, which cancelled what was left */
            aio_print("grace period over: %d connection(s) cancelled", cancelled_count);
        else
            return status;
    }
    aio_print("server stopped");
    return AIO_OK;
}

/* ---- the demo's clients ---------------------------------------------------- */

/* Each connects, sends its lines a second apart and reads each one's echo
 * back; one that ends with "bye" then closes its side.  Each reads until
 * the server's EOF. */
typedef struct script {
    const char *name;
    double start;
    int count;
    const char *lines[3];
} script;

static const script ALICE = { "alice", 0, 3, { "hello", "how are you?", "bye" } };
static const script BOB = { "bob", 0.5, 1, { "hi, I stay" } };
static const script CAROL = { "carol", 2.5, 1, { "too late?" } };

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
    if (status == AIO_CONNECTION_REFUSED) {
        aio_print("%s: connection refused", s->name);
        close(sock);
        return AIO_OK;
    }
    char buf[BUFFER];
    for (int i = 0; i < s->count && status == AIO_OK; i++) {
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
    if (status == AIO_OK && strcmp(s->lines[s->count - 1], "bye") == 0) {
        aio_print("%s: done, shuts its side", s->name);
        shutdown(sock, SHUT_WR);
    }
    for (aio_value got = aio_int(1); status == AIO_OK && got.as.i > 0;) /* until the server's EOF */
        status = aio_await(aio_sock_recv(sock, buf, sizeof buf), &got);
    if (status == AIO_OK)
        aio_print("%s: the server closed the connection", s->name);
    close(sock);
    return status;
}

static aio_coro *client(const script *s, int port)
{
    return aio_coro_new2("client", client_body, aio_ptr((void *)s), aio_int(port));
}

static void send_sigterm(void *arg)
{
    (void)arg;
    kill(getpid(), SIGTERM);
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
    aio_future *stop = aio_future_new();
    if ((status = aio_add_signal_handler(SIGINT, on_sigint, stop)) != AIO_OK
        || (status = aio_add_signal_handler(SIGTERM, on_sigterm, stop)) != AIO_OK)
        return status;
    aio_task *serving = aio_create_task(serve(server));
    aio_value name;
    if (!demo) {
        aio_print("serving on 127.0.0.1:%d (Ctrl-C or SIGTERM stops it)", port);
        if ((status = aio_await(stop, &name)) != AIO_OK)
            return status;
        return shut_down(name.as.s, serving, server);
    }
    aio_print("serving on 127.0.0.1 (demo: three scripted clients, SIGTERM at 1.5 s)");
    aio_future *clients = aio_gather(client(&ALICE, port), client(&BOB, port), client(&CAROL, port));
    aio_call_later(1.5, send_sigterm, NULL);
    if ((status = aio_await(stop, &name)) != AIO_OK)
        return status;
    if ((status = shut_down(name.as.s, serving, server)) != AIO_OK)
        return status;
    return aio_await(clients, NULL);
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
