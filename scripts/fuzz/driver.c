/* Run scenario scripts (see gen.py) on the C loop, printing what happens
 * with its loop time.  Reads the scripts from stdin; driver.py does the
 * same on CPython's asyncio, and the two outputs must be identical. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aio.h"

#define MAX_TASKS 8
#define MAX_OPS 8
#define MAX_FUTURES 4

typedef struct op {
    char kind[16];
    char target[16]; /* "t3" or "f1"; empty for sleep */
    double seconds; /* sleep, wait_for, shield, wait_future */
    long value;     /* set */
    char text[48];  /* the line as written, for the log */
} op;

typedef struct plan {
    long seed;
    int futures, tasks;
    bool stop_on_cancel[MAX_TASKS];
    op ops[MAX_TASKS][MAX_OPS];
    int op_count[MAX_TASKS];
} plan;

static plan current;
static aio_task *tasks[MAX_TASKS];
static aio_future *futures[MAX_FUTURES];
static double start;

static void log_line(const char *fmt, const char *a, const char *b)
{
    char text[160];
    snprintf(text, sizeof text, fmt, a, b);
    aio_print("%.3f %s", aio_loop_time() - start, text);
}

static const char *outcome(aio_status status, aio_value value, char *buf, size_t size)
{
    if (status == AIO_OK) {
        char repr[32];
        snprintf(buf, size, "ok %s", aio_repr(value, repr, sizeof repr));
        return buf;
    }
    return aio_status_class(status);
}

/* async with asyncio.timeout(seconds): await task */
static aio_status await_within(aio_task *task, double seconds, aio_value *value)
{
    aio_timeout *timeout = aio_timeout_new(seconds);
    aio_status status = aio_timeout_enter(timeout);
    if (status == AIO_OK)
        status = aio_await(task, value);
    return aio_timeout_exit(timeout, status);
}

/* One operation: its status, and the text after the colon in *text. */
static aio_status run_op(const op *o, char *text, size_t size)
{
    int index = atoi(o->target + 1);
    aio_value value = aio_none();
    aio_status status = AIO_OK;
    if (strcmp(o->kind, "sleep") == 0) {
        status = aio_await(aio_sleep(o->seconds), NULL);
        snprintf(text, size, "ok");
        return status;
    }
    if (strcmp(o->kind, "cancel") == 0) {
        snprintf(text, size, "%s", aio_task_cancel(tasks[index]) ? "True" : "False");
        return AIO_OK;
    }
    if (strcmp(o->kind, "cancel_future") == 0) {
        snprintf(text, size, "%s", aio_future_cancel(futures[index]) ? "True" : "False");
        return AIO_OK;
    }
    if (strcmp(o->kind, "set") == 0) {
        status = aio_future_set_result(futures[index], aio_int(o->value));
        snprintf(text, size, "%s", status == AIO_OK ? "ok" : "InvalidStateError");
        return AIO_OK;
    }
    if (strcmp(o->kind, "await") == 0)
        status = aio_await(tasks[index], &value);
    else if (strcmp(o->kind, "wait_for") == 0)
        status = aio_await(aio_wait_for(tasks[index], o->seconds), &value);
    else if (strcmp(o->kind, "shield") == 0)
        status = aio_await(aio_wait_for(aio_shield(tasks[index]), o->seconds), &value);
    else if (strcmp(o->kind, "timeout") == 0)
        status = await_within(tasks[index], o->seconds, &value);
    else if (strcmp(o->kind, "wait_future") == 0)
        status = aio_await(aio_wait_for(futures[index], o->seconds), &value);
    char buf[48];
    snprintf(text, size, "%s", outcome(status, value, buf, sizeof buf));
    return status == AIO_CANCELLED ? status : AIO_OK;
}

static aio_status task_body(const aio_value *args, aio_value *result)
{
    long me = args[0].as.i;
    char name[8], line[80], text[48];
    snprintf(name, sizeof name, "t%ld", me % 100);
    for (int i = 0; i < current.op_count[me]; i++) {
        const op *o = &current.ops[me][i];
        aio_status status = run_op(o, text, sizeof text);
        snprintf(line, sizeof line, "%s %s", name, o->text);
        if (status == AIO_CANCELLED) {
            log_line("%s: %s", line, "CancelledError");
            if (current.stop_on_cancel[me]) {
                log_line("%s %s", name, "stops");
                return status;
            }
            continue;
        }
        log_line("%s: %s", line, text);
    }
    snprintf(text, sizeof text, "returns %ld", me);
    log_line("%s %s", name, text);
    *result = aio_int(me);
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    start = aio_loop_time();
    for (int j = 0; j < current.futures; j++)
        futures[j] = aio_future_new();
    for (int i = 0; i < current.tasks; i++)
        tasks[i] = aio_create_task(aio_coro_new("task", task_body, aio_int(i)));
    char name[24], text[48];
    for (int i = 0; i < current.tasks; i++) {
        aio_value value;
        aio_status status = aio_await(tasks[i], &value);
        snprintf(name, sizeof name, "main t%d", i);
        log_line("%s: %s", name, outcome(status, value, text, sizeof text));
    }
    for (int j = 0; j < current.futures; j++) {
        snprintf(name, sizeof name, "f%d", j);
        if (aio_future_cancelled(futures[j]))
            log_line("%s: %s", name, "cancelled");
        else if (aio_future_done(futures[j])) {
            aio_value value;
            aio_future_result(futures[j], &value);
            snprintf(text, sizeof text, "result %ld", value.as.i);
            log_line("%s: %s", name, text);
        } else
            log_line("%s: %s", name, "pending");
    }
    return AIO_OK;
}

static bool parse_op(const char *line, op *o)
{
    memset(o, 0, sizeof *o);
    snprintf(o->text, sizeof o->text, "%.47s", line);
    char a[16] = "", b[16] = "";
    int n = sscanf(line, "%15s %15s %15s", o->kind, a, b);
    if (n < 2)
        return false;
    if (strcmp(o->kind, "sleep") == 0) {
        o->seconds = atof(a);
    } else {
        snprintf(o->target, sizeof o->target, "%s", a);
        if (n == 3 && strcmp(o->kind, "set") == 0)
            o->value = atol(b);
        else if (n == 3)
            o->seconds = atof(b);
    }
    return true;
}

int main(void)
{
    char line[128];
    int task = -1;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        char word[16] = "", arg[16] = "", policy[16] = "";
        if (sscanf(line, "%15s %15s %15s", word, arg, policy) < 1)
            continue;
        if (strcmp(word, "seed") == 0) {
            memset(&current, 0, sizeof current);
            current.seed = atol(arg);
            task = -1;
        } else if (strcmp(word, "futures") == 0) {
            current.futures = atoi(arg);
            if (current.futures < 0 || current.futures > MAX_FUTURES) {
                fprintf(stderr, "driver: seed %ld wants %d futures; at most %d\n", current.seed, current.futures, MAX_FUTURES);
                return 2;
            }
        } else if (strcmp(word, "task") == 0) {
            if (current.tasks == MAX_TASKS) {
                fprintf(stderr, "driver: seed %ld has more than %d tasks\n", current.seed, MAX_TASKS);
                return 2;
            }
            task = current.tasks++;
            current.stop_on_cancel[task] = strcmp(policy, "stop") == 0;
        } else if (strcmp(word, "end") == 0) {
            printf("== seed %ld\n", current.seed);
            aio_status status = aio_run(aio_coro_new("main", main_body, aio_none()), NULL);
            if (status != AIO_OK)
                return aio_exit_code(status);
        } else if (task < 0) {
            fprintf(stderr, "driver: seed %ld: '%s' comes before any 'task' line\n", current.seed, line);
            return 2;
        } else if (current.op_count[task] == MAX_OPS) {
            fprintf(stderr, "driver: seed %ld: more than %d operations in a task\n", current.seed, MAX_OPS);
            return 2;
        } else if (!parse_op(line, &current.ops[task][current.op_count[task]++])) {
            fprintf(stderr, "driver: seed %ld: cannot read '%s'\n", current.seed, line);
            return 2;
        }
    }
    return 0;
}
