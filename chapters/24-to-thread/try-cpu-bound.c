/* Experiment for chapter 24: CPU work instead of a sleep, on the loop
 * and on threads. */
#include <stdio.h>
#include <time.h>

#include "aio.h"

/* What one call is given, and where its answer goes.  Static: a thread
 * reads it while the task that asked is suspended, and a pointer into a
 * task's stack would be refused. */
typedef struct call {
    const char *name;
    char answer[16];
} call;

static call calls[] = { { "A", "" }, { "B", "" }, { "C", "" }, { "D", "" }, { "E", "" }, { "F", "" } };

/* Keep this thread's CPU busy for `seconds` of its own CPU time: the same
 * work in C as in Python, however fast each language counts. */
static void burn(double seconds)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    double end = (double)t.tv_sec + (double)t.tv_nsec / 1e9 + seconds;
    do
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    while ((double)t.tv_sec + (double)t.tv_nsec / 1e9 < end);
}

/* A plain function, all CPU: nothing in it waits. */
static aio_value blocking_io(void *arg)
{
    call *c = arg;
    burn(0.05); /* try: CPU work for 0.05 s instead of aio_time_sleep(1) */
    snprintf(c->answer, sizeof c->answer, "%s done", c->name);
    return aio_str(c->answer);
}

static aio_status on_the_loop_body(const aio_value *args, aio_value *result)
{
    *result = blocking_io(args[0].as.p); /* no await: the loop waits with it */
    return AIO_OK;
}

static aio_coro *on_the_loop(call *c)
{
    return aio_coro_new("on_the_loop", on_the_loop_body, aio_ptr(c));
}

static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    aio_value results;
    double start = aio_loop_time();
    aio_print("three blocking calls, each in a coroutine on the loop:");
    aio_status status = aio_await(aio_gather(on_the_loop(&calls[0]), on_the_loop(&calls[1]), on_the_loop(&calls[2])),
                                  &results);
    if (status != AIO_OK)
        return status;
    aio_print("%s after %.2f s", results.as.s, aio_loop_time() - start);

    start = aio_loop_time();
    aio_print("the same three, each on a thread with asyncio.to_thread:");
    status = aio_await(aio_gather(aio_to_thread(blocking_io, &calls[3]), aio_to_thread(blocking_io, &calls[4]),
                                  aio_to_thread(blocking_io, &calls[5])),
                       &results);
    if (status != AIO_OK)
        return status;
    aio_print("%s after %.2f s", results.as.s, aio_loop_time() - start);
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
