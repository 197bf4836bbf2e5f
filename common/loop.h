/* The event loop's own life, for run.c and task.c.  What a chapter may
 * call (call_soon, call_later, add_reader) is declared in aio.h. */
#ifndef AIO_LOOP_H
#define AIO_LOOP_H

#include <stdbool.h>

#include "aio.h"

/* Open a fresh loop, run it until aio_loop_stop() is called, close it. */
void aio_loop_open(void);
void aio_loop_run_forever(void);
void aio_loop_stop(void);
void aio_loop_close(void);
bool aio_loop_is_running(void);
/* loop.call_at: a timer for loop time `when` (seconds), for timeout.c. */
aio_handle *aio_call_at(double when, aio_callback callback, void *arg);
/* A function run_once() calls right after its wait, each iteration: how
 * run.c hears of Ctrl-C (machinery/sigint.h).  NULL for none. */
void aio_loop_on_interrupt(void (*hook)(void));

#endif
