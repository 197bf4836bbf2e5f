/* A cancelled sock_recv() or sock_accept() leaves nothing watched: its
 * Future's done callback removed the reader (remove_reader() then finds
 * none), and the next call gets the data, or the connection. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "scenario.h"

static int pair[2], listener;
static char first_buf[100]; /* a Task's call: not on main's stack */

static int non_blocking(int fd) { return fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

/* Cancel `task` after it has waited a little, and say what is left. */
static aio_status cancel_after_wait(aio_task *task, int fd, const char *what)
{
    aio_status status = aio_await(aio_sleep(0.1), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(task);
    status = aio_await(task, NULL);
    aio_print("%s: %s, cancelled() = %s", what, exc_name(status), py_bool(aio_task_cancelled(task)));
    aio_print("remove_reader() afterwards: %s", py_bool(aio_remove_reader(fd)));
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = cancel_after_wait(aio_create_task(aio_sock_recv(pair[0], first_buf, sizeof first_buf)),
                                          pair[0], "sock_recv");
    if (status != AIO_OK)
        return status;
    if (write(pair[1], "hi", 2) != 2)
        return aio_raise(AIO_ERROR, "write failed");
    char buf[100];
    aio_value got;
    status = aio_await(aio_sock_recv(pair[0], buf, sizeof buf), &got);
    if (status != AIO_OK)
        return status;
    aio_print("the next sock_recv got b'%.*s'", (int)got.as.i, buf);

    status = cancel_after_wait(aio_create_task(aio_sock_accept(listener)), listener, "sock_accept");
    if (status != AIO_OK)
        return status;
    struct sockaddr_in address;
    socklen_t len = sizeof address;
    getsockname(listener, (struct sockaddr *)&address, &len);
    int client = socket(AF_INET, SOCK_STREAM, 0);
    non_blocking(client);
    status = aio_await(aio_sock_connect(client, (struct sockaddr *)&address, len), NULL);
    if (status != AIO_OK)
        return status;
    aio_value conn;
    status = aio_await(aio_sock_accept(listener), &conn);
    if (status != AIO_OK)
        return status;
    aio_print("the next sock_accept got a connection: %s", py_bool(conn.as.i >= 0));
    close((int)conn.as.i);
    close(client);
    return AIO_OK;
}

int main(void)
{
    struct sockaddr_in address = { .sin_family = AF_INET };
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    listener = socket(AF_INET, SOCK_STREAM, 0);
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0 || non_blocking(pair[0]) != 0 || listener < 0
        || bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 8) != 0
        || non_blocking(listener) != 0)
        return 2;
    return run_main(main_body);
}
