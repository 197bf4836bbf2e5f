/* Edges of the loop that one run of one program cannot show: what a run
 * leaves behind for the next one, a signal in the middle of a blocking
 * call, and the memory objects are carved from.  One case per
 * command-line argument; scripts/edges.bats says what each must print. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "aio.h"
#include "machinery/object.h" /* objects_apart() tests object memory itself */
#include "machinery/report.h" /* and reports_freed() the reports */

/* ---- state left between runs --------------------------------------------- */

static int pipe_fds[2];

static void on_readable(void *arg)
{
    char byte;
    if (read(pipe_fds[0], &byte, 1) == 1) {
        aio_remove_reader(pipe_fds[0]);
        aio_future_set_result(arg, aio_int(byte));
    }
}

static aio_status napper(const aio_value *args, aio_value *result)
{
    /* Two timers and a bare yield: the heap, the ready queue and the
     * spare handles all get used. */
    aio_status status = aio_await(aio_sleep(args[0].as.f), NULL);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(0), NULL);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(args[0].as.f), NULL);
    *result = aio_int(1);
    return status;
}

static aio_status writer(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(0.01), NULL);
    if (status != AIO_OK)
        return status;
    return write(pipe_fds[1], "x", 1) == 1 ? AIO_OK : aio_raise(AIO_ERROR, "write failed");
}

/* One busy run: tasks, timers, a reader, wait_for, shield and a pile of
 * Futures (more than one arena chunk), and tasks left for run() to
 * cancel.  Its result is a checksum that
 * must be the same in every run. */
static aio_status busy(const aio_value *args, aio_value *result)
{
    (void)args;
    long sum = 0;
    enum { TASKS = 40, FUTURES = 4000, LEFT = 500 };
    aio_task *tasks[TASKS];
    for (int i = 0; i < TASKS; i++)
        tasks[i] = aio_create_task(aio_coro_new("napper", napper, aio_float(0.001 * (i % 7))));
    for (int i = 0; i < FUTURES; i++) {
        aio_future *future = aio_future_new();
        aio_future_set_result(future, aio_int(i % 3));
        aio_value value;
        if (aio_future_result(future, &value) == AIO_OK)
            sum += value.as.i;
    }
    aio_future *got = aio_future_new();
    aio_add_reader(pipe_fds[0], on_readable, got);
    aio_create_task(aio_coro_new("writer", writer, aio_none()));
    aio_value value;
    if (aio_await(aio_wait_for(got, 1.0), &value) == AIO_OK)
        sum += value.as.i; /* 'x' */
    aio_task *slow = aio_create_task(aio_coro_new("napper", napper, aio_float(0.5)));
    if (aio_await(aio_wait_for(aio_shield(slow), 0.1), NULL) == AIO_TIMEOUT)
        sum += 1000;
    for (int i = 0; i < TASKS; i++)
        if (aio_await(tasks[i], &value) == AIO_OK)
            sum += value.as.i;
    aio_task_cancel(slow);
    /* Left for run()'s clean-up to cancel: enough of them that what it
     * allocates for them would show if it leaked. */
    for (int i = 0; i < LEFT; i++)
        aio_create_task(aio_coro_new("napper", napper, aio_float(10)));
    *result = aio_int(sum);
    return AIO_OK;
}

static long count_fds(void)
{
    DIR *dir = opendir("/proc/self/fd");
    if (!dir)
        return -1;
    long n = 0;
    while (readdir(dir))
        n++;
    closedir(dir);
    return n;
}

/* Pages of address space and of resident memory (/proc/self/statm). */
static int memory_pages(long *size, long *resident)
{
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    int ok = fscanf(f, "%ld %ld", size, resident) == 2;
    fclose(f);
    return ok ? 0 : -1;
}

/* N runs in a row: each must give the same checksum; after a few runs
 * to warm up, neither descriptors nor memory may grow with N. */
static int repeated_runs(long runs)
{
    long first = -1, fds_warm = 0, size_warm = 0, resident_warm = 0;
    const long warm = 5;
    for (long i = 0; i < runs; i++) {
        aio_value value;
        aio_status status = aio_run(aio_coro_new("busy", busy, aio_none()), &value);
        if (status != AIO_OK)
            return aio_exit_code(status);
        if (first < 0)
            first = value.as.i;
        if (value.as.i != first) {
            printf("run %ld gave %ld, the first gave %ld\n", i + 1, value.as.i, first);
            return 1;
        }
        if (i + 1 == warm) {
            fds_warm = count_fds();
            if (memory_pages(&size_warm, &resident_warm) != 0)
                return 1;
        }
    }
    long size, resident;
    if (memory_pages(&size, &resident) != 0)
        return 1;
    long kib = sysconf(_SC_PAGESIZE) / 1024;
    printf("checksum %ld\n", first);
    printf("descriptors after run %ld: %ld\n", warm, fds_warm);
    printf("descriptors after run %ld: %ld\n", runs, count_fds());
    printf("growth after run %ld: %ld KiB mapped, %ld KiB resident\n", warm,
           (size - size_warm) * kib, (resident - resident_warm) * kib);
    return 0;
}

static aio_status leave_a_reader(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_add_reader(pipe_fds[0], on_readable, aio_future_new());
    return AIO_OK; /* and never removes it: closing the loop must */
}

static aio_status wait_forever(const aio_value *args, aio_value *result)
{
    (void)args;
    return aio_await(aio_future_new(), result);
}

/* ---- a signal during time.sleep() ---------------------------------------- */

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
}

static double monotonic(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* time.sleep() in real time, with no signal: a fraction of a second is
 * asked for to the microsecond, and never cut short. */
static int sleep_half_a_second(void)
{
    double start = monotonic();
    aio_time_sleep(0.5);
    double slept = monotonic() - start;
    printf("slept at least 0.5 s: %s\n", slept >= 0.5 ? "yes" : "no");
    return 0;
}

/* A handler installed without SA_RESTART interrupts nanosleep() with EINTR
 * every 10 ms; time.sleep(0.1) must still take its full 0.1 s (PEP 475). */
static int sleep_through_signals(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_alarm;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGALRM, &action, NULL) != 0)
        return 1;
    struct itimerval every = { { 0, 10000 }, { 0, 10000 } };
    setitimer(ITIMER_REAL, &every, NULL);
    double start = monotonic();
    aio_time_sleep(0.1);
    double slept = monotonic() - start;
    struct itimerval off = { { 0, 0 }, { 0, 0 } };
    setitimer(ITIMER_REAL, &off, NULL);
    printf("interrupted: %s\n", alarms > 0 ? "yes" : "no");
    printf("slept the full 0.1 s: %s\n", slept >= 0.1 ? "yes" : "no");
    return 0;
}

/* ---- a signal while the loop waits in select() --------------------------- */

static int woken_for_nothing;

static void on_readable_counted(void *arg)
{
    char byte;
    if (read(pipe_fds[0], &byte, 1) == 1) {
        aio_remove_reader(pipe_fds[0]);
        aio_future_set_result(arg, aio_int(byte));
    } else {
        woken_for_nothing++; /* called while nothing was there to read */
    }
}

static aio_status wait_through_signals(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_future *got = aio_future_new();
    aio_add_reader(pipe_fds[0], on_readable_counted, got);
    aio_status status = aio_await(aio_sleep(0.1), NULL);
    if (status == AIO_OK && write(pipe_fds[1], "x", 1) != 1)
        return aio_raise(AIO_ERROR, "write failed");
    if (status == AIO_OK)
        status = aio_await(got, result);
    return status;
}

/* select() interrupted by a signal every 10 ms (EINTR) must not report the
 * empty pipe as readable: after EINTR its fd sets say nothing. */
static int select_through_signals(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_alarm;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGALRM, &action, NULL) != 0 || fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK) != 0)
        return 1;
    struct itimerval every = { { 0, 10000 }, { 0, 10000 } };
    setitimer(ITIMER_REAL, &every, NULL);
    aio_value value;
    aio_status status = aio_run(aio_coro_new("wait_through_signals", wait_through_signals, aio_none()), &value);
    struct itimerval off = { { 0, 0 }, { 0, 0 } };
    setitimer(ITIMER_REAL, &off, NULL);
    if (status != AIO_OK)
        return aio_exit_code(status);
    printf("interrupted: %s\n", alarms > 0 ? "yes" : "no");
    printf("read: %c, woken for nothing: %d\n", (char)value.as.i, woken_for_nothing);
    return 0;
}

/* ---- reports too long for their buffer ----------------------------------- */

/* A repr of 1,000 characters: longer than any buffer a report keeps on
 * its stack, so each report builds it in memory of its own. */
static size_t long_repr(const struct aio_future *object, char *buf, size_t size)
{
    (void)object;
    enum { LENGTH = 1000 };
    if (size > 0) {
        size_t n = size - 1 < LENGTH ? size - 1 : LENGTH;
        memset(buf, 'r', n);
        buf[n] = '\0';
    }
    return LENGTH;
}

static long resident_kib(void)
{
    long size, resident;
    return memory_pages(&size, &resident) == 0 ? resident * (sysconf(_SC_PAGESIZE) / 1024) : 0;
}

/* 20,000 reports of a long repr (stderr goes to /dev/null in the test):
 * resident memory must not grow by what they would leak, 20 MB. */
static int reports_freed(void)
{
    long before = resident_kib();
    for (int i = 0; i < 20000; i++)
        aio_report("Task exception was never retrieved", "future", long_repr, NULL);
    long grown = resident_kib() - before;
    printf("grew by more than 4 MB: %s\n", grown > 4096 ? "yes" : "no");
    return 0;
}

/* ---- the memory objects are carved from ----------------------------------- */

/* Objects of every size up to 600 bytes, each filled with its own byte:
 * each must be aligned for any type, and none may overlap another (nor
 * the header kept in front of each). */
static bool never_settled(const void *object) { return (void)object, false; }
static bool let_go(void *object, bool at_exit) { return (void)object, (void)at_exit, true; }
static const aio_object_kind test_kind = { "test object", never_settled, let_go };

static int objects_apart(void)
{
    enum { COUNT = 600 };
    static unsigned char *objects[COUNT + 1];
    size_t misaligned = 0, overlapping = 0;
    for (size_t size = 1; size <= COUNT; size++) {
        objects[size] = aio_object_alloc(size, &test_kind, "a test object");
        if ((uintptr_t)objects[size] % _Alignof(max_align_t) != 0)
            misaligned++;
        memset(objects[size], (int)(size & 0xff), size);
    }
    for (size_t size = 1; size <= COUNT; size++)
        for (size_t i = 0; i < size; i++)
            if (objects[size][i] != (unsigned char)(size & 0xff)) {
                overlapping++;
                break;
            }
    printf("misaligned: %zu, overlapping: %zu\n", misaligned, overlapping);
    return 0;
}

/* ---- objects kept for the exit ---------------------------------------------- */

static aio_status unawaited(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return AIO_OK;
}

/* A run that makes 10,000 coroutines and never awaits them, over more
 * than one slab of object memory: the run's end must keep each one, to be
 * reported at the exit. */
static aio_status keeps_many(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    for (int i = 0; i < 10000; i++)
        aio_coro_new("unawaited", unawaited, aio_none());
    return AIO_OK;
}

static int kept_runs(long runs)
{
    for (long i = 0; i < runs; i++) {
        aio_status status = aio_run(aio_coro_new("keeps_many", keeps_many, aio_none()), NULL);
        if (status != AIO_OK)
            return aio_exit_code(status);
    }
    return 0;
}

/* ---- stacks, run after run -------------------------------------------------- */

static aio_status nap_zero(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return aio_await(aio_sleep(0), NULL);
}

/* Guard regions in the address space now: PROT_NONE mappings of 64 KiB. */
static long guard_mappings(void)
{
    FILE *maps = fopen("/proc/self/maps", "r");
    if (!maps)
        return -1;
    long count = 0;
    char line[512];
    while (fgets(line, sizeof line, maps)) {
        unsigned long lo, hi;
        char perms[5];
        if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) == 3 && strcmp(perms, "---p") == 0 && hi - lo == 64 * 1024)
            count++;
    }
    fclose(maps);
    return count;
}

static long guards_seen;

/* 64 tasks at once, and a look at the guards while they live. */
static aio_status sixty_four(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *tasks[64];
    for (int i = 0; i < 64; i++)
        tasks[i] = aio_create_task(aio_coro_new("nap_zero", nap_zero, aio_none()));
    guards_seen = guard_mappings();
    for (int i = 0; i < 64; i++) {
        aio_status status = aio_await(tasks[i], NULL);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

/* Each run gives the stack back when it ends, and its guard region with
 * it: run after run, the tasks run above one guard region. */
static int guards_every_run(long runs)
{
    for (long i = 0; i < runs; i++) {
        aio_status status = aio_run(aio_coro_new("sixty_four", sixty_four, aio_none()), NULL);
        if (status != AIO_OK)
            return aio_exit_code(status);
    }
    printf("guard regions in run %ld: %ld\n", runs, guards_seen);
    return 0;
}

/* N tasks at once, and the guard regions while they live: one, below the
 * stack they all run on, however many tasks there are. */
static aio_status many_at_once(const aio_value *args, aio_value *result)
{
    (void)result;
    for (long i = 0; i < args[0].as.i; i++)
        aio_create_task(aio_coro_new("nap_zero", nap_zero, aio_none()));
    guards_seen = guard_mappings();
    return AIO_OK;
}

/* A run maps stacks for as many tasks as live at once; when it ends it
 * unmaps them all, so a program that runs the loop once for a burst of
 * work does not keep hundreds of megabytes of address space. */
static int stacks_given_back(long tasks)
{
    long before, after, resident;
    /* A first run reserves, once per process, the address space that
     * objects come from (machinery/object.c): not what is measured here. */
    aio_status warm = aio_run(aio_coro_new("nap_zero", nap_zero, aio_none()), NULL);
    if (warm != AIO_OK)
        return aio_exit_code(warm);
    if (memory_pages(&before, &resident) != 0)
        return 1;
    aio_status status = aio_run(aio_coro_new("many_at_once", many_at_once, aio_int(tasks)), NULL);
    if (status != AIO_OK)
        return aio_exit_code(status);
    if (memory_pages(&after, &resident) != 0)
        return 1;
    printf("address space kept after the run: %ld KiB\n", (after - before) * (sysconf(_SC_PAGESIZE) / 1024));
    return 0;
}

/* One task after another, each awaited before the next is made: each
 * finds the stack the one before gave back. */
static aio_status one_after_another(const aio_value *args, aio_value *result)
{
    (void)result;
    for (long i = 0; i < args[0].as.i; i++) {
        aio_status status = aio_await(aio_create_task(aio_coro_new("nap_zero", nap_zero, aio_none())), NULL);
        if (status != AIO_OK)
            return status;
    }
    aio_print("%ld tasks, one after another", args[0].as.i);
    return AIO_OK;
}

/* ---- stdout and stderr in order ---------------------------------------------- */

static aio_status printf_then_block(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    /* Plain printf, fully buffered into a pipe; then a step that holds the
     * loop for 0.2 s, which debug mode reports on stderr after it. */
    printf("before the slow step\n");
    aio_time_sleep(0.2);
    return AIO_OK;
}

/* ---- a failed await -------------------------------------------------------- */

/* An awaitable of our own whose __await__ raises before it gives anything. */
static aio_status refuse(aio_awaitable *self, aio_value *result)
{
    (void)self;
    (void)result;
    return aio_raise(AIO_ERROR, "refused");
}

static const aio_awaitable_type refusing_type = {
    .type_repr = "<class '__main__.Refusing'>",
    .await = refuse,
};

static const char *kind_of(aio_value value) { return value.kind == AIO_NONE ? "None" : "not None"; }

static aio_status await_refused(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_awaitable refusing = { .type = &refusing_type };
    aio_value value = aio_int(7);
    aio_status status = aio_await(&refusing, &value);
    printf("in a task: %s, result %s\n", aio_status_name(status), kind_of(value));
    /* The same for Future.result() itself, which raises when pending. */
    value = aio_int(7);
    status = aio_future_result(aio_future_new(), &value);
    printf("result() of a pending Future: %s, result %s\n", aio_status_name(status), kind_of(value));
    /* And for Future.exception(), which raises when pending or cancelled:
     * what it gives is None (AIO_OK), not what the variable held. */
    aio_future *cancelled = aio_future_new();
    aio_future_cancel(cancelled);
    aio_future *futures[] = { aio_future_new(), cancelled };
    for (int i = 0; i < 2; i++) {
        aio_status exception = AIO_TIMEOUT;
        status = aio_future_exception(futures[i], &exception);
        printf("exception() of a %s Future: %s, exception %s\n", i ? "cancelled" : "pending", aio_status_name(status),
               exception == AIO_OK ? "None" : aio_status_name(exception));
    }
    return AIO_OK;
}

/* Python never binds `x` in `x = await y` when the await raises; in C the
 * variable exists already, and a failed await sets it to None rather than
 * leave whatever it held, in a task or outside one. */
static int failed_await(void)
{
    aio_coro *coro = aio_coro_new("nothing", await_refused, aio_none());
    aio_value value = aio_int(7);
    aio_status status = aio_await(coro, &value);
    printf("outside a task: %s, result %s\n", aio_status_name(status), kind_of(value));
    return aio_exit_code(aio_run(aio_coro_new("await_refused", await_refused, aio_none()), NULL));
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    if (pipe(pipe_fds) != 0)
        return 1;
    if (strcmp(what, "runs") == 0 && argc > 2)
        return repeated_runs(atol(argv[2]));
    if (strcmp(what, "reader_then_deadlock") == 0) {
        aio_status status = aio_run(aio_coro_new("leave_a_reader", leave_a_reader, aio_none()), NULL);
        if (status != AIO_OK)
            return aio_exit_code(status);
        printf("first run done\n");
        fflush(stdout);
        return aio_exit_code(aio_run(aio_coro_new("wait_forever", wait_forever, aio_none()), NULL));
    }
    if (strcmp(what, "sleep_through_signals") == 0)
        return sleep_through_signals();
    if (strcmp(what, "sleep_half_a_second") == 0)
        return sleep_half_a_second();
    if (strcmp(what, "select_through_signals") == 0)
        return select_through_signals();
    if (strcmp(what, "reports_freed") == 0)
        return reports_freed();
    if (strcmp(what, "objects_apart") == 0)
        return objects_apart();
    if (strcmp(what, "failed_await") == 0)
        return failed_await();
    if (strcmp(what, "printf_then_block") == 0)
        return aio_exit_code(aio_run(aio_coro_new("printf_then_block", printf_then_block, aio_none()), NULL));
    if (strcmp(what, "kept_runs") == 0 && argc > 2)
        return kept_runs(atol(argv[2]));
    if (strcmp(what, "guards_every_run") == 0 && argc > 2)
        return guards_every_run(atol(argv[2]));
    if (strcmp(what, "guards_for") == 0 && argc > 2) {
        aio_status status = aio_run(aio_coro_new("many_at_once", many_at_once, aio_int(atol(argv[2]))), NULL);
        printf("guard regions: %ld\n", guards_seen);
        return aio_exit_code(status);
    }
    if (strcmp(what, "stacks_given_back") == 0 && argc > 2)
        return stacks_given_back(atol(argv[2]));
    if (strcmp(what, "one_after_another") == 0 && argc > 2)
        return aio_exit_code(aio_run(aio_coro_new("one_after_another", one_after_another, aio_int(atol(argv[2]))), NULL));
    fprintf(stderr, "usage: edges runs N | reader_then_deadlock | sleep_through_signals | select_through_signals | reports_freed | objects_apart | failed_await | kept_runs N | sleep_half_a_second | guards_every_run N | one_after_another N | printf_then_block | guards_for N | stacks_given_back N\n");
    return 2;
}
