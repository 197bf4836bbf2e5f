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
/* call_soon() whose handle does not hold `arg`: for an argument that
 * keeps itself alive while it waits, a pending Task's step (task.c).
 * `prefetch` (or NULL) asks the cache for what the callback will touch,
 * just before its turn (machinery/handle.h). */
void aio_call_soon_unheld(aio_callback callback, void (*prefetch)(void *arg), void *arg);
/* loop.call_at: a timer for loop time `when` (seconds), for timeout.c. */
aio_handle *aio_call_at(double when, aio_callback callback, void *arg);
/* loop._add_reader / _add_writer, which give back the Handle: the same
 * as aio_add_reader() / aio_add_writer(), but the new handle is returned,
 * held once more for the caller, who lets go with aio_handle_release()
 * (machinery/handle.h).  Its `cancelled` says whether it was removed or
 * replaced since: sock.c's done callbacks remove a registration only if
 * it is still theirs (_sock_read_done).  NULL for a negative fd. */
aio_handle *aio_add_reader_handle(int fd, aio_callback callback, void *arg);
aio_handle *aio_add_writer_handle(int fd, aio_callback callback, void *arg);
/* A function run_once() calls right after its wait, each iteration: how
 * run.c hears of Ctrl-C (machinery/sigint.h).  NULL for none. */
void aio_loop_on_interrupt(void (*hook)(void));

/* ---- Waking the loop from outside: the self-pipe ----------------------
 * The loop owns a pipe, made by aio_loop_open() (both ends non-blocking
 * and close-on-exec) and closed by aio_loop_close().  Its read end is in
 * every wait, but it is not a watched descriptor: it never keeps the
 * deadlock report away by itself (see aio_loop_hold_wakeups()).
 *
 * aio_loop_wakeup(): write one byte to the pipe, so that a wait in
 * progress returns at once.  Async-signal-safe and thread-safe: a signal
 * handler or another thread may call it.  A full pipe is fine (the loop
 * wakes anyway), errno is left as it was, and with no loop open it does
 * nothing.  Whoever may call it must be done before the loop closes (a
 * thread joined, a signal handler removed): the pipe's number is free for
 * another file after that. */
void aio_loop_wakeup(void);

/* A function to run on the loop's thread in every iteration, right after
 * the wait and before timers become due, whether the pipe was written to
 * or not; the pipe has been drained by then.  Up to 4 hooks, run in the
 * order added; adding one twice runs it twice; more than 4 is fatal.
 * They are dropped when the loop closes. */
void aio_loop_add_wakeup_hook(void (*hook)(void));

/* How many outside sources may wake the loop through the pipe: +1 when
 * one starts (an executor job submitted, a signal handler installed), -1
 * when it ends.  While the count is above 0:
 *   - a loop with nothing ready, no timer and no watched descriptor waits
 *     for real, on the pipe, instead of reporting a deadlock;
 *   - under the virtual clock, a loop with nothing ready and a timer
 *     pending does not jump at once: it first waits for real until the
 *     pipe (or a watched descriptor) is readable, so that what a thread
 *     finishes in real time is seen before virtual time moves on.  Then
 *     it goes round again (the hooks run, and may take holds back): the
 *     clock jumps in the first iteration that finds nothing ready while
 *     the count is 0.
 * The virtual clock's rule stays "it jumps only when nothing is ready":
 * a hold says something will be, soon.  Hold only for a source that is
 * sure to write the pipe (a job running); for one that may never come
 * (a signal handler waiting for its signal) use aio_loop_hold_watch(),
 * or a virtual-clock program would wait for real before its next timer.
 * The count is per loop: aio_loop_open() sets it to 0. */
void aio_loop_hold_wakeups(int delta);

/* The weaker hold: a source that may wake the loop through the pipe but
 * is not sure to (a signal handler installed).  While the count is above
 * 0, a loop with nothing else to wait for blocks on the pipe instead of
 * reporting a deadlock; the virtual clock still jumps to a timer at once. */
void aio_loop_hold_watch(int delta);

#endif
