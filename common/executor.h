/* The loop's default executor, for run.c and signals.c: what
 * asyncio.run() does with it, and what the loop's hook hands over.  What
 * a chapter may call (call_soon_threadsafe, run_in_executor, to_thread) is
 * declared in aio.h. */
#ifndef AIO_EXECUTOR_H
#define AIO_EXECUTOR_H

#include <stdbool.h>

#include "aio.h"
#include "machinery/clock.h"

/* The loop has opened (run.c): call_soon_threadsafe() may post to it, and
 * run_in_executor() makes a pool when first asked.  _close(): the loop
 * is closing, and what was posted too late goes with it. */
void aio_executor_open(void);
void aio_executor_close(void);

/* Right after each wait, on the loop's thread (run.c's wakeup hook): what
 * other threads handed to call_soon_threadsafe joins the ready queue. */
void aio_executor_dispatch(void);

/* loop.shutdown_default_executor(), in two halves around the loop that
 * waits for it.  _begin() shuts the pool down (the jobs already queued
 * still run) and gives the Future that is done once every thread has
 * ended, or NULL if this loop never made a pool; run.c runs the loop until
 * it is done, then _end() joins the threads.  From then on
 * run_in_executor() raises, until the next loop. */
aio_future *aio_executor_shutdown_begin(void);
void aio_executor_shutdown_end(void);

/* For a program that is ending at once (KeyboardInterrupt): wait for the
 * threads without the loop, as Python's exit does; what they finish is
 * dropped.  Under the virtual clock a job's time.sleep() ends at once. */
void aio_executor_join_for_exit(void);

/* Is this one of the pool's threads? */
bool aio_executor_on_worker(void);

/* time.sleep() under the virtual clock asks this first
 * (machinery/clock.c): on a thread running a job, the job sleeps until
 * a loop timer ends its sleep, and this returns true; anywhere else it
 * returns false and the clock itself moves. */
bool aio_executor_time_sleep(aio_ns duration);

#endif
