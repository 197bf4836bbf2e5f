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
 * turns it into a chart. */
#ifndef AIO_TRACE_H
#define AIO_TRACE_H

#include <stdbool.h>
#include <stddef.h>

#include "print.h"

/* Set from AIO_TRACE when the environment is read (config.c). */
extern bool aio_trace_on;

static inline bool aio_tracing(void) { return aio_trace_on; }

/* One trace line, if AIO_TRACE=1.  The test is inline because the trace
 * calls sit on the task-switch path, where even a call costs. */
void aio_trace_line(const char *who, const char *fmt, ...) AIO_PRINTF_LIKE(2, 3);
#define aio_trace(...) (aio_trace_on ? aio_trace_line(__VA_ARGS__) : (void)0)

/* The running task's name, or "loop" on the main stack. */
const char *aio_trace_who(void);

#endif
