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
#define MAX_QUEUES 4
#define MAX_WORDS 12

typedef struct op {
    int nwords;
    char words[MAX_WORDS][16]; /* words[0] is the kind: "sleep", "gather", ... */
    char text[96];             /* the line as written, for the log */
} op;

typedef struct plan {
    long seed;
    int futures, queues, tasks;
    long maxsize[MAX_QUEUES];
    bool stop_on_cancel[MAX_TASKS];
    op ops[MAX_TASKS][MAX_OPS];
    int op_count[MAX_TASKS];
} plan;

static plan current;
static aio_task *tasks[MAX_TASKS];
static aio_future *futures[MAX_FUTURES];
static aio_queue *queues[MAX_QUEUES];
static double start;
/* The messages of the exceptions a task raises: they must outlive it. */
static const char *const task_names[MAX_TASKS] = { "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7" };

static void log_line(const char *fmt, const char *a, const char *b)
{
    char text[400];
    snprintf(text, sizeof text, fmt, a, b);
    aio_print("%.3f %s", aio_loop_time() - start, text);
}

/* An exception as the log shows it: its class, and its message if any.
 * Call it right after the await that raised, before the message changes. */
static const char *describe(aio_status status, char *buf, size_t size)
{
    const char *message = aio_exception_message();
    snprintf(buf, size, "%s%s%s", aio_status_class(status), *message ? " " : "", message);
    return buf;
}

static const char *outcome(aio_status status, aio_value value, char *buf, size_t size)
{
    if (status == AIO_OK) {
        char repr[64];
        snprintf(buf, size, "ok %s", aio_repr(value, repr, sizeof repr));
        return buf;
    }
    return describe(status, buf, size);
}

static int index_of(const char *word) { return atoi(word + 1); }

/* "none" is no timeout. */
static double seconds_of(const char *word) { return strcmp(word, "none") == 0 ? AIO_NO_TIMEOUT : atof(word); }

/* tN, fN, or sD: a new coroutine asyncio.sleep(D). */
static aio_awaitable *item_of(const char *word)
{
    if (word[0] == 't')
        return aio_as_awaitable(tasks[index_of(word)]);
    if (word[0] == 'f')
        return aio_as_awaitable(futures[index_of(word)]);
    return aio_as_awaitable(aio_sleep(atof(word + 1)));
}

/* The Future that tN or fN names, to find it in wait()'s sets. */
static aio_future *future_of(const char *word)
{
    return word[0] == 't' ? aio_task_future(tasks[index_of(word)]) : futures[index_of(word)];
}

/* async with asyncio.timeout(seconds): await task */
static aio_status await_within(aio_timeout *timeout, aio_task *task, aio_value *value)
{
    aio_status status = aio_timeout_enter(timeout);
    if (status == AIO_OK)
        status = aio_await(task, value);
    return aio_timeout_exit(timeout, status);
}

/* await task: "ok VALUE", or its ValueError as text (and AIO_OK); the
 * cancellations and timeouts of the awaiting task are returned. */
static aio_status settle(aio_task *task, char *text, size_t size)
{
    aio_value value;
    aio_status status = aio_await(task, &value);
    if (status == AIO_OK || status == AIO_VALUE_ERROR) {
        outcome(status, value, text, size);
        return AIO_OK;
    }
    return status;
}

/* gather X... [within D] */
static aio_status run_gather(const op *o, bool return_exceptions, char *text, size_t size)
{
    aio_awaitable *items[MAX_WORDS];
    size_t count = 0;
    double within = AIO_NO_TIMEOUT;
    for (int w = 1; w < o->nwords; w++) {
        if (strcmp(o->words[w], "within") == 0) {
            within = atof(o->words[w + 1]);
            break;
        }
        items[count++] = item_of(o->words[w]);
    }
    aio_future *gathering = aio_gather_awaitables(count, items, return_exceptions);
    aio_value value = aio_none();
    aio_status status;
    if (within == AIO_NO_TIMEOUT)
        status = aio_await(gathering, &value);
    else {
        aio_timeout *timeout = aio_timeout_new(within);
        status = aio_timeout_enter(timeout);
        if (status == AIO_OK)
            status = aio_await(gathering, &value);
        status = aio_timeout_exit(timeout, status);
    }
    if (status != AIO_OK) {
        describe(status, text, size);
        return status;
    }
    /* The list as print() shows it; and it has one item per argument. */
    char list[96];
    aio_str_of(value, list, sizeof list);
    if (aio_gather_count(gathering) != count)
        snprintf(text, size, "ok %s, but aio_gather_count() = %zu", list, aio_gather_count(gathering));
    else
        snprintf(text, size, "ok %s", list);
    return AIO_OK;
}

/* as_completed D X...: each await logged as it ends */
static aio_status run_as_completed(long me, const op *o, char *text, size_t size)
{
    /* CPython adds its callbacks in the order of a set, and those of
     * Futures done already run in that order: pass only the first of them. */
    aio_awaitable *items[MAX_WORDS];
    size_t count = 0;
    aio_future *first_done = NULL;
    for (int w = 2; w < o->nwords; w++) {
        if (o->words[w][0] != 's' && aio_future_done(future_of(o->words[w]))) {
            if (!first_done)
                first_done = future_of(o->words[w]);
            else if (future_of(o->words[w]) != first_done)
                continue;
        }
        items[count++] = item_of(o->words[w]);
    }
    aio_as_completed *it = aio_as_completed_awaitables(count, items, seconds_of(o->words[1]));
    aio_coro *next_done;
    for (int i = 0; (next_done = aio_as_completed_next(it)); i++) {
        aio_value value;
        aio_status status = aio_await(next_done, &value);
        if (status == AIO_CANCELLED)
            return status;
        char line[128], step[96];
        snprintf(line, sizeof line, "t%ld %s #%d", me, o->text, i);
        log_line("%s: %s", line, outcome(status, value, step, sizeof step));
    }
    snprintf(text, size, "done");
    return AIO_OK;
}

/* wait M D X...: (done, pending), each set in the order of the arguments */
static aio_status run_wait(const op *o, char *text, size_t size)
{
    aio_awaitable *items[MAX_WORDS];
    size_t count = 0;
    for (int w = 3; w < o->nwords; w++)
        items[count++] = item_of(o->words[w]);
    aio_return_when return_when = strcmp(o->words[1], "all") == 0 ? AIO_ALL_COMPLETED
                                  : strcmp(o->words[1], "first") == 0 ? AIO_FIRST_COMPLETED
                                                                      : AIO_FIRST_EXCEPTION;
    aio_value pair;
    aio_status status = aio_await(aio_wait_awaitables(count, items, seconds_of(o->words[2]), return_when), &pair);
    if (status != AIO_OK) {
        describe(status, text, size);
        return status;
    }
    char sets[2][64] = { "", "" };
    for (int part = 0; part < 2; part++) {
        size_t n = part ? aio_wait_pending_count(pair) : aio_wait_done_count(pair);
        for (size_t i = 0; i < n; i++) {
            aio_future *future = part ? aio_wait_pending(pair, i) : aio_wait_done(pair, i);
            const char *name = "?";
            for (int w = 3; w < o->nwords; w++)
                if (future_of(o->words[w]) == future) {
                    name = o->words[w];
                    break;
                }
            size_t len = strlen(sets[part]);
            snprintf(sets[part] + len, sizeof sets[part] - len, "%s%s", i ? " " : "", name);
        }
    }
    snprintf(text, size, "done [%s] pending [%s]", sets[0], sets[1]);
    return AIO_OK;
}

/* reschedule tN D S E */
static aio_status run_reschedule(const op *o, aio_value *value)
{
    aio_timeout *timeout = aio_timeout_new(seconds_of(o->words[2]));
    aio_status status = aio_timeout_enter(timeout);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(atof(o->words[3])), NULL);
    if (status == AIO_OK) {
        double later = seconds_of(o->words[4]);
        status = aio_timeout_reschedule(timeout, later == AIO_NO_TIMEOUT ? later : aio_loop_time() + later);
    }
    if (status == AIO_OK)
        status = aio_await(tasks[index_of(o->words[1])], value);
    return aio_timeout_exit(timeout, status);
}

/* `except TimeoutError:` around an `async with`: noted, and gone. */
static aio_status except_timeout(aio_status status, char *note, size_t size)
{
    if (status != AIO_TIMEOUT)
        return status;
    snprintf(note, size, "TimeoutError");
    return AIO_OK;
}

/* nested tN D E */
static aio_status run_nested(const op *o, char *text, size_t size)
{
    aio_task *task = tasks[index_of(o->words[1])];
    char first[64] = "-", second[64] = "-";
    aio_timeout *outer = aio_timeout_new(atof(o->words[2])), *inner = aio_timeout_new(atof(o->words[3]));
    aio_status status = aio_timeout_enter(outer);
    if (status == AIO_OK) {
        status = aio_timeout_enter(inner);
        if (status == AIO_OK)
            status = settle(task, first, sizeof first);
        status = except_timeout(aio_timeout_exit(inner, status), first, sizeof first);
        if (status == AIO_OK)
            status = settle(task, second, sizeof second);
    }
    status = except_timeout(aio_timeout_exit(outer, status), second, sizeof second);
    if (status != AIO_OK) {
        describe(status, text, size);
        return status;
    }
    snprintf(text, size, "%s; %s; expired %s %s", first, second, aio_timeout_expired(inner) ? "True" : "False",
             aio_timeout_expired(outer) ? "True" : "False");
    return AIO_OK;
}

/* A coroutine for a TaskGroup, its word in args[0]: sD, xD (sleeps, then
 * raises ValueError('xD')) or aN (returns await tN).  The word is in
 * `current`, so it outlives the task, as a message must. */
static aio_status child(const aio_value *args, aio_value *result)
{
    const char *word = args[0].as.s;
    if (word[0] == 'a')
        return aio_await(tasks[index_of(word)], result);
    aio_status status = aio_await(aio_sleep(atof(word + 1)), NULL);
    if (status != AIO_OK || word[0] == 's')
        return status;
    return aio_raise(AIO_VALUE_ERROR, word);
}

/* group D C... [within D]: each child's result, or the ExceptionGroup */
static aio_status run_group(const op *o, char *text, size_t size)
{
    int end = o->nwords;
    double within = AIO_NO_TIMEOUT;
    if (end > 2 && strcmp(o->words[end - 2], "within") == 0) {
        within = atof(o->words[end - 1]);
        end -= 2;
    }
    aio_task *made[MAX_WORDS];
    size_t count = 0;
    aio_timeout *timeout = within == AIO_NO_TIMEOUT ? NULL : aio_timeout_new(within);
    aio_status status = timeout ? aio_timeout_enter(timeout) : AIO_OK;
    if (status == AIO_OK) {
        aio_task_group *group = aio_task_group_new();
        status = aio_task_group_enter(group);
        if (status == AIO_OK) {
            for (int w = 2; w < end && status == AIO_OK; w++) {
                status = aio_task_group_create_task(group, aio_coro_new("child", child, aio_str(o->words[w])),
                                                    &made[count]);
                count += status == AIO_OK;
            }
            if (status == AIO_OK)
                status = aio_await(aio_sleep(atof(o->words[1])), NULL);
            status = aio_task_group_exit(group, status);
        }
    }
    if (timeout)
        status = aio_timeout_exit(timeout, status);
    aio_text out = { text, size, 0 };
    if (status == AIO_EXCEPTION_GROUP) {
        const aio_exception_group *eg = aio_exception_group_caught();
        describe(status, text, size);
        out.len = strlen(text);
        aio_text_add(&out, " [", 2);
        for (size_t i = 0; i < aio_exception_group_count(eg); i++) {
            const char *message = aio_exception_group_message(eg, i);
            aio_text_printf(&out, "%s%s(%s%s%s)", i ? ", " : "", aio_status_class(aio_exception_group_status(eg, i)),
                            *message ? "'" : "", message, *message ? "'" : "");
        }
        aio_text_add(&out, "]", 1);
        return status;
    }
    if (status != AIO_OK) {
        describe(status, text, size);
        return status;
    }
    aio_text_add(&out, "ok [", 4);
    for (size_t i = 0; i < count; i++) {
        aio_value value = aio_none();
        char repr[32];
        if (aio_task_cancelled(made[i]))
            snprintf(repr, sizeof repr, "cancelled");
        else if (aio_task_result(made[i], &value) == AIO_OK)
            aio_repr(value, repr, sizeof repr);
        else
            snprintf(repr, sizeof repr, "%s", aio_status_class(aio_task_result(made[i], &value)));
        aio_text_printf(&out, "%s%s", i ? ", " : "", repr);
    }
    aio_text_add(&out, "]", 1);
    return AIO_OK;
}

/* put, get, join, put_nowait, get_nowait, task_done on queue qN */
static aio_status run_queue_op(const op *o, char *text, size_t size)
{
    const char *kind = o->words[0];
    aio_queue *queue = queues[index_of(o->words[1])];
    aio_value value = aio_none();
    aio_status status;
    if (strcmp(kind, "put") == 0)
        status = aio_await(aio_wait_for(aio_queue_put(queue, aio_int(atol(o->words[2]))), atof(o->words[3])), &value);
    else if (strcmp(kind, "get") == 0)
        status = aio_await(aio_wait_for(aio_queue_get(queue), atof(o->words[2])), &value);
    else if (strcmp(kind, "join") == 0)
        status = aio_await(aio_wait_for(aio_queue_join(queue), atof(o->words[2])), &value);
    else if (strcmp(kind, "get_nowait") == 0)
        status = aio_queue_get_nowait(queue, &value);
    else {
        status = strcmp(kind, "put_nowait") == 0 ? aio_queue_put_nowait(queue, aio_int(atol(o->words[2])))
                                                 : aio_queue_task_done(queue);
        if (status == AIO_OK) {
            snprintf(text, size, "%s", "ok");
            return status;
        }
    }
    outcome(status, value, text, size);
    return status;
}

static bool is_queue_op(const char *kind)
{
    static const char *const kinds[] = { "put", "get", "join", "put_nowait", "get_nowait", "task_done" };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kind, kinds[i]) == 0)
            return true;
    return false;
}

/* One operation: its status, and the text after the colon in *text.
 * Only a CancelledError is passed on: the others are in the text. */
static aio_status run_op(long me, const op *o, char *text, size_t size)
{
    const char *kind = o->words[0];
    int index = o->nwords > 1 ? index_of(o->words[1]) : 0;
    aio_value value = aio_none();
    aio_status status = AIO_OK;
    if (strcmp(kind, "sleep") == 0) {
        status = aio_await(aio_sleep(atof(o->words[1])), NULL);
        snprintf(text, size, "ok");
        return status;
    }
    if (strcmp(kind, "cancel") == 0) {
        snprintf(text, size, "%s", aio_task_cancel(tasks[index]) ? "True" : "False");
        return AIO_OK;
    }
    if (strcmp(kind, "cancel_future") == 0) {
        snprintf(text, size, "%s", aio_future_cancel(futures[index]) ? "True" : "False");
        return AIO_OK;
    }
    if (strcmp(kind, "set") == 0) {
        status = aio_future_set_result(futures[index], aio_int(atol(o->words[2])));
        snprintf(text, size, "%s", status == AIO_OK ? "ok" : "InvalidStateError");
        return AIO_OK;
    }
    if (strcmp(kind, "gather") == 0 || strcmp(kind, "gather_rx") == 0)
        status = run_gather(o, strcmp(kind, "gather_rx") == 0, text, size);
    else if (strcmp(kind, "as_completed") == 0)
        status = run_as_completed(me, o, text, size);
    else if (strcmp(kind, "wait") == 0)
        status = run_wait(o, text, size);
    else if (strcmp(kind, "nested") == 0)
        status = run_nested(o, text, size);
    else if (strcmp(kind, "group") == 0)
        status = run_group(o, text, size);
    else if (is_queue_op(kind))
        status = run_queue_op(o, text, size);
    else {
        if (strcmp(kind, "await") == 0)
            status = aio_await(tasks[index], &value);
        else if (strcmp(kind, "wait_for") == 0)
            status = aio_await(aio_wait_for(tasks[index], atof(o->words[2])), &value);
        else if (strcmp(kind, "shield") == 0)
            status = aio_await(aio_wait_for(aio_shield(tasks[index]), atof(o->words[2])), &value);
        else if (strcmp(kind, "timeout") == 0)
            status = await_within(aio_timeout_new(atof(o->words[2])), tasks[index], &value);
        else if (strcmp(kind, "timeout_at") == 0)
            status = await_within(aio_timeout_at(aio_loop_time() + atof(o->words[2])), tasks[index], &value);
        else if (strcmp(kind, "reschedule") == 0)
            status = run_reschedule(o, &value);
        else if (strcmp(kind, "wait_future") == 0)
            status = aio_await(aio_wait_for(futures[index], atof(o->words[2])), &value);
        else
            aio_fatal("fuzz driver: unknown operation '%s'", kind);
        outcome(status, value, text, size);
    }
    return status == AIO_CANCELLED ? status : AIO_OK;
}

static aio_status task_body(const aio_value *args, aio_value *result)
{
    long me = args[0].as.i;
    char name[8], line[128], text[256];
    snprintf(name, sizeof name, "t%ld", me % 100);
    for (int i = 0; i < current.op_count[me]; i++) {
        const op *o = &current.ops[me][i];
        if (strcmp(o->words[0], "raise") == 0) {
            snprintf(text, sizeof text, "raises ValueError %s", name);
            log_line("%s %s", name, text);
            return aio_raise(AIO_VALUE_ERROR, task_names[me]);
        }
        aio_status status = run_op(me, o, text, sizeof text);
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
    for (int j = 0; j < current.queues; j++)
        queues[j] = aio_queue_new(current.maxsize[j]);
    for (int i = 0; i < current.tasks; i++)
        tasks[i] = aio_create_task(aio_coro_new("task", task_body, aio_int(i)));
    char name[24], text[96];
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
    for (int j = 0; j < current.queues; j++) {
        snprintf(name, sizeof name, "q%d", j);
        log_line("%s: %s", name, aio_queue_str(queues[j], text, sizeof text));
    }
    return AIO_OK;
}

static bool parse_op(const char *line, op *o)
{
    memset(o, 0, sizeof *o);
    size_t len = strlen(line);
    if (len >= sizeof o->text)
        return false;
    /* memcpy of the checked length: gcc's -Wformat-truncation cannot see
     * the check above through a "%s". */
    memcpy(o->text, line, len + 1);
    char copy[sizeof o->text];
    memcpy(copy, line, len + 1);
    for (char *word = strtok(copy, " "); word; word = strtok(NULL, " ")) {
        if (o->nwords == MAX_WORDS || strlen(word) >= sizeof o->words[0])
            return false;
        snprintf(o->words[o->nwords++], sizeof o->words[0], "%s", word);
    }
    return o->nwords >= 1 && (o->nwords >= 2 || strcmp(o->words[0], "raise") == 0);
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
        } else if (strcmp(word, "queues") == 0) {
            char *rest = line + strlen("queues");
            for (char *end; current.queues < MAX_QUEUES; rest = end) {
                long maxsize = strtol(rest, &end, 10);
                if (end == rest)
                    break;
                current.maxsize[current.queues++] = maxsize;
            }
        } else if (strcmp(word, "task") == 0) {
            if (current.tasks == MAX_TASKS) {
                fprintf(stderr, "driver: seed %ld has more than %d tasks\n", current.seed, MAX_TASKS);
                return 2;
            }
            task = current.tasks++;
            current.stop_on_cancel[task] = strcmp(policy, "stop") == 0;
        } else if (strcmp(word, "end") == 0) {
            /* The header on stderr too: run.sh compares it seed by seed. */
            printf("== seed %ld\n", current.seed);
            fflush(stdout);
            fprintf(stderr, "== seed %ld\n", current.seed);
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
