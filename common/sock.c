/* Chapter 21: sockets on the loop, as selector_events.py builds
 * loop.sock_recv, sock_sendall, sock_connect and sock_accept.  Each is a
 * coroutine that tries the system call first.  Only when the socket says
 * "not now" (EAGAIN) does it make a Future, register a reader or writer
 * whose callback completes that Future, and add a done callback that
 * removes the registration again (_sock_read_done, _sock_write_done): a
 * cancelled call leaves nothing watched.  Then it awaits the Future.
 *
 * Where we differ: CPython's reader callback makes the system call itself
 * and hands its result over in the Future; ours only says "ready", and the
 * awaiting task, woken, makes the call again.  The buffer may then be on
 * that task's own stack, which a loop callback may not touch (it is
 * somewhere else while the task is suspended).  The order of events is
 * the same: the callback runs in one loop iteration, the task in the next. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "internal.h"
#include "loop.h"
#include "machinery/handle.h"
#include "machinery/object.h"

/* ---- exceptions: OSError and its subclasses ---------------------------- */

/* Messages are kept until exit: aio_raise() keeps a pointer to its
 * message for as long as the exception may be looked at (in a Future,
 * in a task's slot), long after the call that raised it.  Each distinct
 * text is made once, the first time it is raised: one per errno, and one
 * per address that sock_connect() failed to reach. */
static const char *interned(const char *text)
{
    typedef struct kept { struct kept *next; char text[]; } kept;
    static kept *all;
    for (kept *k = all; k; k = k->next)
        if (strcmp(k->text, text) == 0)
            return k->text;
    size_t len = strlen(text);
    kept *k = malloc(sizeof *k + len + 1);
    if (!k)
        aio_fatal("MemoryError: no memory for the message of an OSError");
    memcpy(k->text, text, len + 1);
    k->next = all;
    all = k;
    return k->text;
}

/* str(OSError(errno, strerror(errno))): "[Errno 104] Connection reset by
 * peer", found at once for the errnos a table has room for. */
#define ERRNO_TEXTS 256

static const char *errno_text(int err)
{
    static const char *texts[ERRNO_TEXTS];
    char buf[160];
    if (err >= 0 && err < ERRNO_TEXTS && texts[err])
        return texts[err];
    snprintf(buf, sizeof buf, "[Errno %d] %s", err, strerror(err));
    const char *text = interned(buf);
    if (err >= 0 && err < ERRNO_TEXTS)
        texts[err] = text;
    return text;
}

/* OSError(errno, ...) picks its subclass from the errno, as CPython's
 * constructor does; the ones asyncio's socket calls meet have statuses. */
static aio_status errno_status(int err)
{
    switch (err) {
    case ECONNRESET:   return AIO_CONNECTION_RESET;
    case EPIPE:
#ifdef ESHUTDOWN
    case ESHUTDOWN:
#endif
        return AIO_BROKEN_PIPE;
    case ECONNREFUSED: return AIO_CONNECTION_REFUSED;
    case ECONNABORTED: return AIO_CONNECTION_ABORTED;
    case ETIMEDOUT:    return AIO_TIMEOUT; /* TimeoutError is OSError's subclass for it */
    default:           return AIO_OS_ERROR;
    }
}

static aio_status raise_errno(int err) { return aio_raise(errno_status(err), errno_text(err)); }

/* sock.gettimeout() != 0: a blocking socket would block the whole loop.
 * CPython checks only in debug mode; we always do, before the first
 * system call.  recv() and send() are made with MSG_DONTWAIT too where it
 * exists, so that they cannot block even on a blocking socket that the
 * check took on trust (below). */
#ifndef MSG_DONTWAIT
#define MSG_DONTWAIT 0
#endif

/* The descriptors found non-blocking, so that sock_recv() and
 * sock_sendall() cost a system call for the check once per connection,
 * not once per call: set by a check that passed, by sock_accept() for the
 * descriptors it makes, and cleared by EOF and errors, where a connection
 * ends (its number may then be reused by a blocking socket).  A number
 * reused without either (the program closed it itself) is taken on trust
 * by those two, whose MSG_DONTWAIT keeps even a blocking socket from
 * blocking.  accept() and connect() have no such flag: sock_accept() and
 * sock_connect() always ask the system, once per connection anyway. */
static unsigned char *known;
static size_t known_size;

static void set_known(int fd, bool nonblocking)
{
    if (fd < 0)
        return;
    if ((size_t)fd >= known_size) {
        if (!nonblocking)
            return;
        size_t size = known_size ? known_size : 256;
        while (size <= (size_t)fd)
            size *= 2;
        unsigned char *grown = realloc(known, size);
        if (!grown)
            aio_fatal("MemoryError: no memory for the table of non-blocking sockets");
        memset(grown + known_size, 0, size - known_size);
        known = grown;
        known_size = size;
    }
    known[fd] = nonblocking;
}

static aio_status check_nonblocking(int fd, bool may_trust)
{
    if (may_trust && MSG_DONTWAIT != 0 && fd >= 0 && (size_t)fd < known_size && known[fd])
        return AIO_OK;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return raise_errno(errno);
    if (!(flags & O_NONBLOCK))
        return aio_raise(AIO_VALUE_ERROR, "the socket must be non-blocking");
    set_known(fd, true);
    return AIO_OK;
}

/* A connection that ends: its descriptor's number is free for another. */
static aio_status ended(int fd, aio_status status)
{
    set_known(fd, false);
    return status;
}

/* ---- waiting for a descriptor ------------------------------------------ */

/* The Future a sock_* call awaits, and what its done callback must know
 * to take the registration back: functools.partial(self._sock_read_done,
 * fd, handle=handle). */
typedef struct sock_waiter {
    aio_future future;
    int fd;
    bool writer;
    aio_handle *handle; /* held: its `cancelled` says whether it is still ours */
} sock_waiter;

/* The reader's or writer's callback: the descriptor is ready. */
static void on_ready(void *arg)
{
    aio_future *future = arg;
    if (!aio_future_done(future)) /* a cancel can come in the same iteration */
        aio_future_set_result(future, aio_none());
}

/* _sock_read_done and _sock_write_done: remove the reader or writer,
 * unless another call on the same descriptor has replaced it since. */
static void waiter_done(aio_future *future, void *arg)
{
    sock_waiter *w = (sock_waiter *)future;
    (void)arg;
    if (!w->handle->cancelled) {
        if (w->writer)
            aio_remove_writer(w->fd);
        else
            aio_remove_reader(w->fd);
    }
    aio_handle_release(w->handle);
    w->handle = NULL;
}

/* Suspend the task until `fd` is readable (or writable): AIO_OK, or what
 * the await raised (CancelledError). */
static aio_status wait_ready(int fd, bool writer)
{
    const char *label = writer ? "writer's Future" : "reader's Future"; /* for the trace */
    if (!aio_loop_is_running())
        return aio_raise(AIO_RUNTIME_ERROR, "no running event loop");
    sock_waiter *w = (sock_waiter *)aio_future_new_sized(sizeof *w, label);
    w->fd = fd;
    w->writer = writer;
    w->handle = writer ? aio_add_writer_handle(fd, on_ready, &w->future)
                       : aio_add_reader_handle(fd, on_ready, &w->future);
    aio_future_add_done_callback(&w->future, waiter_done, NULL);
    return aio_await(&w->future, NULL);
}

/* ---- the calls ---------------------------------------------------------- */

/* A call's arguments, more than a coroutine's two: an object of its own,
 * held by the coroutine, gone with it. */
typedef struct sock_call {
    int fd;
    void *buf;
    size_t n;
    struct sockaddr_storage addr;
    unsigned addrlen;
    aio_task *made_in; /* buf may be on this task's stack, and only its */
} sock_call;

static bool always(const void *object) { (void)object; return true; }
static bool finalize_call(void *object, bool at_exit) { (void)object, (void)at_exit; return true; }
static const aio_object_kind sock_call_kind = { "socket call", always, finalize_call };

static aio_coro *new_call(const char *name, aio_coro_fn fn, int fd, const void *buf, size_t n)
{
    sock_call *call = aio_object_alloc_unowned(sizeof *call, &sock_call_kind, "socket call");
    call->fd = fd;
    call->buf = (void *)buf;
    call->n = n;
    call->made_in = aio_current_task();
    return aio_coro_new(name, fn, aio_ptr(call));
}

/* The call runs in the task that made it, or its buffer (on that task's
 * stack) is somewhere else: create_task(sock_recv(fd, local_buf, n)). */
static sock_call *call_of(const aio_value *args, const char *api)
{
    sock_call *call = args[0].as.p;
    if (aio_current_task() != call->made_in)
        aio_stack_refuse(call->buf, api);
    return call;
}

/* loop.sock_recv(sock, n): at most n bytes; 0 at EOF. */
static aio_status sock_recv_body(const aio_value *args, aio_value *result)
{
    sock_call *call = call_of(args, "sock_recv()");
    aio_status status = check_nonblocking(call->fd, true);
    while (status == AIO_OK) {
        ssize_t got = recv(call->fd, call->buf, call->n, MSG_DONTWAIT);
        if (got >= 0) {
            *result = aio_int((long)got);
            return got == 0 && call->n > 0 ? ended(call->fd, AIO_OK) : AIO_OK;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            return ended(call->fd, raise_errno(errno));
        status = wait_ready(call->fd, false);
    }
    return status;
}

aio_coro *aio_sock_recv(int fd, void *buf, size_t n)
{
    return new_call("BaseSelectorEventLoop.sock_recv", sock_recv_body, fd, buf, n);
}

/* One send() that never raises SIGPIPE: MSG_NOSIGNAL where it exists
 * (Linux, the BSDs, POSIX.1-2008), else SO_NOSIGPIPE on the socket
 * (macOS), else SIGPIPE ignored around the call. */
static ssize_t send_quietly(int fd, const void *buf, size_t n)
{
#if defined(MSG_NOSIGNAL)
    return send(fd, buf, n, MSG_NOSIGNAL | MSG_DONTWAIT);
#elif defined(SO_NOSIGPIPE)
    int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
    return send(fd, buf, n, MSG_DONTWAIT);
#else
    struct sigaction ignore, previous;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &previous);
    ssize_t sent = send(fd, buf, n, MSG_DONTWAIT);
    int saved = errno;
    sigaction(SIGPIPE, &previous, NULL);
    errno = saved;
    return sent;
#endif
}

/* loop.sock_sendall(sock, data): one send() at once; if it did not take
 * everything, one more each time the socket is writable, until all is
 * sent (_sock_sendall). */
static aio_status sock_sendall_body(const aio_value *args, aio_value *result)
{
    sock_call *call = call_of(args, "sock_sendall()");
    (void)result;
    aio_status status = check_nonblocking(call->fd, true);
    size_t pos = 0;
    while (status == AIO_OK) {
        ssize_t sent = send_quietly(call->fd, (const char *)call->buf + pos, call->n - pos);
        if (sent >= 0) {
            pos += (size_t)sent;
            if (pos == call->n)
                return AIO_OK;
        } else if (errno == EINTR) {
            continue;
        } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
            return ended(call->fd, raise_errno(errno));
        }
        status = wait_ready(call->fd, true);
    }
    return status;
}

aio_coro *aio_sock_sendall(int fd, const void *buf, size_t n)
{
    return new_call("BaseSelectorEventLoop.sock_sendall", sock_sendall_body, fd, buf, n);
}

/* The address as Python shows it: ('127.0.0.1', 8000), ('::1', 8000, 0, 0),
 * or a Unix socket's path in quotes. */
static void address_repr(const struct sockaddr_storage *addr, char *buf, size_t size)
{
    char host[INET6_ADDRSTRLEN];
    if (addr->ss_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)addr;
        inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
        snprintf(buf, size, "('%s', %u)", host, (unsigned)ntohs(in->sin_port));
    } else if (addr->ss_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)addr;
        inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
        snprintf(buf, size, "('%s', %u, %lu, %lu)", host, (unsigned)ntohs(in6->sin6_port),
                 (unsigned long)ntohl(in6->sin6_flowinfo), (unsigned long)in6->sin6_scope_id);
    } else if (addr->ss_family == AF_UNIX) {
        snprintf(buf, size, "'%s'", ((const struct sockaddr_un *)addr)->sun_path);
    } else {
        snprintf(buf, size, "<address family %d>", (int)addr->ss_family);
    }
}

/* loop.sock_connect(sock, address): connect() at once; if it is under way
 * (EINPROGRESS), wait until the socket is writable and read its outcome
 * from SO_ERROR (_sock_connect_cb), whose failure CPython words as
 * "Connect call failed ADDRESS". */
static aio_status sock_connect_body(const aio_value *args, aio_value *result)
{
    sock_call *call = args[0].as.p;
    (void)result;
    aio_status status = check_nonblocking(call->fd, false);
    if (status != AIO_OK)
        return status;
    if (connect(call->fd, (const struct sockaddr *)&call->addr, (socklen_t)call->addrlen) == 0)
        return AIO_OK;
    if (errno != EINPROGRESS && errno != EINTR && errno != EAGAIN)
        return ended(call->fd, raise_errno(errno));
    for (;;) {
        status = wait_ready(call->fd, true);
        if (status != AIO_OK)
            return status;
        int err = 0;
        socklen_t len = sizeof err;
        if (getsockopt(call->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
            err = errno;
        if (err == 0)
            return AIO_OK;
        if (err == EINPROGRESS || err == EAGAIN || err == EINTR)
            continue; /* not yet: the callback would stay registered */
        char address[160], text[256];
        address_repr(&call->addr, address, sizeof address);
        snprintf(text, sizeof text, "[Errno %d] Connect call failed %s", err, address);
        return ended(call->fd, aio_raise(errno_status(err), interned(text)));
    }
}

aio_coro *aio_sock_connect(int fd, const struct sockaddr *addr, unsigned addrlen)
{
    aio_coro *coro = new_call("BaseSelectorEventLoop.sock_connect", sock_connect_body, fd, NULL, 0);
    sock_call *call = coro->args[0].as.p;
    if (addrlen > sizeof call->addr)
        addrlen = sizeof call->addr;
    memcpy(&call->addr, addr, addrlen);
    call->addrlen = addrlen;
    return coro;
}

/* loop.sock_accept(sock): the new connection, made non-blocking (and not
 * inherited by child processes, as Python's sockets are not).  CPython
 * gives (conn, address); we give the descriptor, and getpeername() tells
 * the address. */
static aio_status sock_accept_body(const aio_value *args, aio_value *result)
{
    sock_call *call = args[0].as.p;
    aio_status status = check_nonblocking(call->fd, false);
    while (status == AIO_OK) {
        int conn = accept(call->fd, NULL, NULL);
        if (conn >= 0) {
            if (fcntl(conn, F_SETFL, fcntl(conn, F_GETFL) | O_NONBLOCK) != 0
                || fcntl(conn, F_SETFD, FD_CLOEXEC) != 0) {
                int err = errno;
                close(conn);
                return raise_errno(err);
            }
            set_known(conn, true);
            *result = aio_int(conn);
            return AIO_OK;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            return raise_errno(errno);
        status = wait_ready(call->fd, false);
    }
    return status;
}

aio_coro *aio_sock_accept(int fd)
{
    return new_call("BaseSelectorEventLoop.sock_accept", sock_accept_body, fd, NULL, 0);
}
