/* Benchmark 5, echo: a load generator on the aio loop, and the tests' C
 * client (scripts/io.bats).  CONNS connections to an echo server on
 * 127.0.0.1:PORT, each a task that sends a SIZE-byte message and reads
 * its echo back, ROUNDS times, checking every byte.  Prints the seconds
 * from the first connect to the last echo and the round trips per second:
 *   "<seconds> <round trips/s>"
 * Exits 1, with the exception's line, if a connection fails, or if an
 * echo differs from what was sent.
 *   usage: echo PORT [CONNS ROUNDS SIZE]       (defaults: 50 2000 64) */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "aio.h"

static int port;
static long rounds;
static size_t size;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static aio_status connection_body(const aio_value *args, aio_value *result)
{
    (void)result;
    long id = args[0].as.i;
    char out[65536], in[65536];
    for (size_t i = 0; i < size; i++)
        out[i] = (char)('a' + (id + (long)i) % 26);
    int sock = socket(AF_INET, SOCK_STREAM, 0), on = 1;
    if (sock < 0 || fcntl(sock, F_SETFL, O_NONBLOCK) != 0)
        return aio_raise(AIO_OS_ERROR, "socket() failed");
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    aio_status status = aio_await(aio_sock_connect(sock, (struct sockaddr *)&address, sizeof address), NULL);
    for (long r = 0; status == AIO_OK && r < rounds; r++) {
        out[0] = (char)('A' + r % 26); /* every round's message differs */
        status = aio_await(aio_sock_sendall(sock, out, size), NULL);
        size_t have = 0;
        while (status == AIO_OK && have < size) {
            aio_value got;
            status = aio_await(aio_sock_recv(sock, in + have, size - have), &got);
            if (status == AIO_OK && got.as.i == 0)
                status = aio_raise(AIO_CONNECTION_RESET, "the server closed the connection mid-echo");
            else if (status == AIO_OK)
                have += (size_t)got.as.i;
        }
        if (status == AIO_OK && memcmp(in, out, size) != 0)
            status = aio_raise(AIO_ERROR, "an echo differs from what was sent");
    }
    close(sock);
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)result;
    long conns = args[0].as.i;
    aio_task **all = malloc((size_t)conns * sizeof *all);
    if (!all)
        return aio_raise(AIO_MEMORY_ERROR, "no memory for the task list");
    for (long i = 0; i < conns; i++)
        all[i] = aio_create_task(aio_coro_new("connection", connection_body, aio_int(i)));
    aio_status status = AIO_OK;
    for (long i = 0; i < conns; i++) {
        aio_status one = aio_await(all[i], NULL);
        if (status == AIO_OK)
            status = one;
    }
    free(all);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: echo PORT [CONNS ROUNDS SIZE]\n");
        return 2;
    }
    port = atoi(argv[1]);
    long conns = argc > 2 ? atol(argv[2]) : 50;
    rounds = argc > 3 ? atol(argv[3]) : 2000;
    size = argc > 4 ? (size_t)atol(argv[4]) : 64;
    if (conns < 1 || rounds < 1 || size < 1 || size > 65536) {
        fprintf(stderr, "echo: CONNS and ROUNDS at least 1, SIZE 1 to 65536\n");
        return 2;
    }
    double start = now();
    aio_status status = aio_run(aio_coro_new("main", main_body, aio_int(conns)), NULL);
    double seconds = now() - start;
    if (status != AIO_OK)
        return aio_exit_code(status);
    printf("%.6f %.0f\n", seconds, (double)conns * (double)rounds / seconds);
    return 0;
}
