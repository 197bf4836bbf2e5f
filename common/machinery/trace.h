/* AIO_TRACE=1: the loop narrates its work on stderr, one line per event:
 *
 *   <loop time> <who> <what>
 *   0.000 Task-2 created for delay(), scheduled
 *   0.000 loop select(timeout=0.000)
 *   0.000 Task-2 switches in
 *   0.000 Task-2 awaits sleep()
 *   0.000 Task-2 arms a timer for 3.000 (in 3.000 s)
 *   0.000 Task-2 awaits sleep's Future
 *   0.000 Task-2 switches out: waits on sleep's Future
 *   3.000 loop select(timeout=3.000): virtual clock jumps to 3.000
 *   3.000 loop timer armed by Task-2 fires
 *
 * <who> is the task involved, named as asyncio names them, or "loop".
 * Under the virtual clock the trace is deterministic; scripts/timeline
 * turns it into a chart.
 *
 * AIO_DEBUG=1: asyncio's debug mode, which warns about a task step that
 * keeps the loop busy too long.
 *
 * The concept files make one-line calls, AIO_TRACE(event, ...) and
 * AIO_DEBUG_STEP_*; all the wording is here.  When tracing is off, a hook
 * costs one test of a flag and its arguments are not evaluated. */
#ifndef AIO_TRACE_H
#define AIO_TRACE_H

#include <stdbool.h>
#include <stddef.h>

#include "clock.h"
#include "print.h"
#include "report.h"
#include "status.h"
#include "value.h"

struct aio_awaitable;
struct aio_future;

/* Set from AIO_TRACE and AIO_DEBUG when the environment is read (config.c). */
extern bool aio_trace_on, aio_debug_on;

#define AIO_TRACE(event, ...) (aio_trace_on ? aio_trace_##event(__VA_ARGS__) : (void)0)

/* The hooks, by the file that calls them.  task.c: */
void aio_trace_task_created(const char *task, const char *coro);
void aio_trace_switch_in(const char *task); /* `who` is this task until it switches out */
void aio_trace_switch_out(const char *task, bool finished, const struct aio_awaitable *waits_on);
void aio_trace_cancel_delivered(const char *task, bool started);
/* woken with CancelledError by what it awaited, not cancelled itself */
void aio_trace_cancelled_await(const char *task, const struct aio_awaitable *what, bool cancelled);
void aio_trace_task_finished(const char *task, aio_status outcome, bool cancelled, aio_value result);
/* cancel.c and future.c */
void aio_trace_cancel_requested(const char *task);
void aio_trace_cancels(const struct aio_awaitable *what);
/* timeout.c */
void aio_trace_timeout_expires(const char *task);
/* await.c */
void aio_trace_awaits(const struct aio_awaitable *what);
void aio_trace_awaited(const struct aio_awaitable *what, aio_status status, aio_value result);
/* loop.c: `*owner` remembers who armed the timer, for when it fires. */
void aio_trace_timer_armed(aio_ns when, const char **owner);
void aio_trace_timer_cancelled(aio_ns when);
void aio_trace_timer_fires(const char *owner);
/* poll.c: how long the loop waits, or how far the virtual clock jumps. */
void aio_trace_select(aio_ns timeout);
void aio_trace_jump(aio_ns timeout, aio_ns to);
/* loop.c: the wait found a descriptor ready to read (or write), and
 * queued its reader (or writer). */
void aio_trace_fd_ready(bool writer);

/* Debug mode, around each task step: the repr of what was slow is asked
 * for only when a warning is due. */
#define AIO_DEBUG_STEP_START() (aio_debug_on ? aio_clock_now() : 0)
#define AIO_DEBUG_STEP_END(started, repr, object) \
    (aio_debug_on ? aio_debug_step_end((started), (repr), (object)) : (void)0)
void aio_debug_step_end(aio_ns started, aio_repr_fn repr, const struct aio_future *object);

#endif
