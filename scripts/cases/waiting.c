/* How the loop waits when nothing is ready: for an overdue timer not at
 * all, for a far one in one long wait that costs no CPU, and for a
 * descriptor however high its number.  One case per command-line
 * argument; scripts/waiting.bats says what each must print, and runs
 * them on the real clock (sped up), where the waits are real. */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "aio.h"

/* ---- an overdue timer ------------------------------------------------------ */

/* A blocking time.sleep() holds the loop past the sleeper's 0.25 s
 * deadline (chapter 14 at real speed).  When the blocker's step ends, the
 * sleeper's timer is overdue by 0.75 s of loop time: the loop must wait
 * 0 s for it, so the sleeper wakes at once after the block. */
#define NAP_SECONDS 0.25
#define BLOCK_SECONDS 1.0

static double block_ended;

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(NAP_SECONDS), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("woke %.3f s of loop time after the block ended", aio_loop_time() - block_ended);
    return AIO_OK;
}

static aio_status blocker(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    double started = aio_loop_time();
    aio_time_sleep(BLOCK_SECONDS); /* no await: the loop is held */
    block_ended = aio_loop_time();
    aio_print("held the loop for %.3f s of loop time", block_ended - started);
    return AIO_OK;
}

static aio_status overdue(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *sleeping = aio_create_task(aio_coro_new("sleeper", sleeper, aio_none()));
    aio_task *blocking = aio_create_task(aio_coro_new("blocker", blocker, aio_none()));
    /* main waits on the sleeper, so the blocker's end readies nothing:
     * after it, the overdue timer alone decides how long the loop waits. */
    aio_status status = aio_await(sleeping, NULL);
    if (status == AIO_OK)
        status = aio_await(blocking, NULL);
    return status;
}

/* ---- an idle wait -------------------------------------------------------- */

static double seconds_of(struct timeval t) { return (double)t.tv_sec + (double)t.tv_usec / 1e6; }

static double cpu_seconds(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
}

static double wall_seconds(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static aio_status nap(const aio_value *args, aio_value *result)
{
    (void)result;
    return aio_await(aio_sleep(args[0].as.f), NULL);
}

/* Three tasks sleep 2 s of loop time side by side; the CPU the process
 * uses meanwhile, by its own getrusage(), against the wall time. */
static aio_status idle(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    enum { TASKS = 3 };
    aio_task *tasks[TASKS];
    double cpu = cpu_seconds(), wall = wall_seconds();
    for (int i = 0; i < TASKS; i++)
        tasks[i] = aio_create_task(aio_coro_new("nap", nap, aio_float(2)));
    for (int i = 0; i < TASKS; i++) {
        aio_status status = aio_await(tasks[i], NULL);
        if (status != AIO_OK)
            return status;
    }
    cpu = cpu_seconds() - cpu;
    wall = wall_seconds() - wall;
    aio_print("waited %.3f s, using %.1f%% of one core", wall, 100 * cpu / wall);
    return AIO_OK;
}

/* ---- a reader on a high descriptor ----------------------------------------- */

/* 999 and 1000: the largest descriptor of every wait, and one more than
 * the largest before it; 2000: past FD_SETSIZE (1024), where select()
 * cannot look and poll() can. */
#define HIGH_FD 2000
static const int targets[] = { 999, 1000, HIGH_FD };
#define TARGETS (int)(sizeof targets / sizeof targets[0])

typedef struct watched {
    int fd, write_end; /* the write end stays open: no end of file */
    aio_future *future;
} watched;

/* The reader stays: after its one byte the pipe is empty, and so not
 * readable again. */
static void got_byte(void *arg)
{
    watched *w = arg;
    char byte;
    if (read(w->fd, &byte, 1) == 1 && !aio_future_done(w->future))
        aio_future_set_result(w->future, aio_int(byte));
}

/* Pipes whose read ends are moved to descriptors 999, 1000 and 2000, each
 * with a byte waiting, watched in that order and all until the end. */
static aio_status high_fd(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    static watched w[TARGETS];
    for (int i = 0; i < TARGETS; i++) {
        int ends[2];
        if (pipe(ends) != 0 || dup2(ends[0], targets[i]) != targets[i])
            return aio_raise(AIO_ERROR, "cannot make a pipe on a high descriptor");
        if (ends[0] != targets[i])
            close(ends[0]);
        if (write(ends[1], "x", 1) != 1)
            return aio_raise(AIO_ERROR, "write failed");
        w[i] = (watched){ targets[i], ends[1], aio_future_new() };
        if (!aio_add_reader(targets[i], got_byte, &w[i]))
            return aio_raise(AIO_ERROR, "add_reader() refused the descriptor");
    }
    for (int i = 0; i < TARGETS; i++) {
        aio_value byte;
        aio_status status = aio_await(aio_wait_for(w[i].future, 1.0), &byte);
        if (status == AIO_OK)
            aio_print("fd %d: seen readable, read %c", w[i].fd, (char)byte.as.i);
        else if (status == AIO_TIMEOUT)
            aio_print("fd %d: never seen readable", w[i].fd);
        else
            return status;
    }
    /* The readers are gone and their descriptors closed: no wait may
     * still watch them (poll() would report a closed one as invalid). */
    for (int i = 0; i < TARGETS; i++) {
        aio_remove_reader(w[i].fd);
        close(w[i].fd);
        close(w[i].write_end);
    }
    aio_status status = aio_await(aio_sleep(0.1), NULL);
    if (status == AIO_OK)
        aio_print("a wait after closing them: fine");
    return status;
}

/* The soft limit on descriptors may be below 2001; raise it, as far as
 * the hard limit goes. */
static int room_for_high_fd(void)
{
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_cur > HIGH_FD)
        return 1;
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max <= HIGH_FD)
        return 0;
    limit.rlim_cur = HIGH_FD + 1;
    return setrlimit(RLIMIT_NOFILE, &limit) == 0;
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    if (strcmp(what, "overdue") == 0)
        return aio_exit_code(aio_run(aio_coro_new("overdue", overdue, aio_none()), NULL));
    if (strcmp(what, "idle") == 0)
        return aio_exit_code(aio_run(aio_coro_new("idle", idle, aio_none()), NULL));
    if (strcmp(what, "high_fd") == 0) {
        if (!room_for_high_fd()) {
            printf("skip: the descriptor limit is below %d\n", HIGH_FD + 1);
            return 0;
        }
        return aio_exit_code(aio_run(aio_coro_new("high_fd", high_fd, aio_none()), NULL));
    }
    fprintf(stderr, "usage: waiting overdue | idle | high_fd\n");
    return 2;
}
