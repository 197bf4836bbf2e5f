#include "trace.h"

#include <stdarg.h>
#include <stdio.h>

#include "../aio.h" /* only for the Awaitable's layout: its type's describe slot */

static const char *who = "loop"; /* the running task, or "loop" on the main stack */

static void line(const char *actor, const char *fmt, ...) AIO_PRINTF_LIKE(2, 3);

static void line(const char *actor, const char *fmt, ...)
{
    fflush(stdout); /* keep the narration in step with what is printed */
    fprintf(stderr, "%.3f %s ", aio_loop_time(), actor);
    va_list args;
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    fputc('\n', stderr);
}

static double seconds(aio_ns t) { return (double)t / AIO_NS_PER_SEC; }

static const char *describe(const aio_awaitable *what, char *buf, size_t size)
{
    if (what->type->describe)
        return what->type->describe(what, buf, size);
    return what->type->type_repr;
}

void aio_trace_task_created(const char *task, const char *coro) { line(task, "created for %s(), scheduled", coro); }

void aio_trace_switch_in(const char *task)
{
    line(task, "switches in");
    who = task;
}

void aio_trace_switch_out(const char *task, bool finished, const aio_awaitable *waits_on)
{
    char what[64];
    who = "loop";
    if (finished)
        line(task, "switches out: finished");
    else if (waits_on)
        line(task, "switches out: waits on %s", describe(waits_on, what, sizeof what));
    else
        line(task, "switches out: yields");
}

void aio_trace_cancel_delivered(const char *task, bool started)
{
    line(task, "CancelledError delivered%s", started ? "" : " before it started");
}

void aio_trace_cancelled_await(const char *task, const aio_awaitable *what, bool cancelled)
{
    char text[64];
    line(task, "woken by %s, which %s: CancelledError raised", describe(what, text, sizeof text),
         cancelled ? "was cancelled" : "raised CancelledError");
}

void aio_trace_task_finished(const char *task, aio_status outcome, bool cancelled, aio_value result)
{
    char value[64];
    if (outcome == AIO_OK && !cancelled)
        line(task, "finished: result=%s", aio_repr(result, value, sizeof value));
    else if (outcome == AIO_OK || outcome == AIO_CANCELLED)
        line(task, "finished: cancelled");
    else
        line(task, "finished: raised %s", aio_status_name(outcome));
}

void aio_trace_cancel_requested(const char *task) { line(task, "cancel requested by %s", who); }

void aio_trace_cancels(const aio_awaitable *what)
{
    char text[64];
    line(who, "cancels %s", describe(what, text, sizeof text));
}

void aio_trace_timeout_expires(const char *task) { line("loop", "timeout() expires: cancels %s", task); }

void aio_trace_awaits(const aio_awaitable *what)
{
    char text[64];
    line(who, "awaits %s", describe(what, text, sizeof text));
}

void aio_trace_awaited(const aio_awaitable *what, aio_status status, aio_value result)
{
    char text[64], value[64];
    const char *name = describe(what, text, sizeof text);
    if (status == AIO_OK)
        line(who, "await %s gave %s", name, aio_repr(result, value, sizeof value));
    else
        line(who, "await %s raised %s", name, aio_status_name(status));
}

void aio_trace_timer_armed(aio_ns when, const char **owner)
{
    *owner = who;
    line(who, "arms a timer for %.3f (in %.3f s)", seconds(when), seconds(when - aio_clock_now()));
}

void aio_trace_timer_cancelled(aio_ns when) { line(who, "cancels its timer for %.3f", seconds(when)); }

void aio_trace_timer_fires(const char *owner) { line("loop", "timer armed by %s fires", owner); }

/* CPython would call select() with no timeout and block forever; see
 * deadlock() in loop.c for why we never do. */
void aio_trace_select(aio_ns timeout)
{
    if (timeout < 0)
        line("loop", "select(timeout=None)");
    else
        line("loop", "select(timeout=%.3f)", seconds(timeout));
}

void aio_trace_jump(aio_ns timeout, aio_ns to)
{
    line("loop", "select(timeout=%.3f): virtual clock jumps to %.3f", seconds(timeout), seconds(to));
}

/* No descriptor number: it depends on what the program inherited (a test
 * harness's open files), and the trace must not. */
void aio_trace_fd_ready(bool writer)
{
    line("loop", "a watched descriptor is %s: its %s is called", writer ? "writable" : "readable",
         writer ? "writer" : "reader");
}

/* loop.slow_callback_duration: a step that keeps the loop busy for 0.1 s
 * or more holds up every other task.  Timed around the whole step, so a
 * Task the step finished is already shown finished, as in CPython. */
#define SLOW_STEP (AIO_NS_PER_SEC / 10)

void aio_debug_step_end(aio_ns started, aio_repr_fn repr, const struct aio_future *object)
{
    aio_ns took = aio_clock_now() - started;
    if (took < SLOW_STEP)
        return;
    char buf[256], *text = aio_repr_whole(repr, object, buf, sizeof buf);
    fflush(stdout);
    fprintf(stderr, "Executing %s took %.3f seconds\n", text, seconds(took));
    aio_repr_done(text, buf);
}
