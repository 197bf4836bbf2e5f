/* The event loop: a FIFO queue of ready callbacks, a min-heap of timers,
 * and select() to wait for whichever comes first, a timer or a file
 * descriptor.  This is asyncio's BaseEventLoop._run_once, in C.
 *
 * Everything else (tasks, futures, sleep) is built out of callbacks that
 * this loop runs.  It knows nothing about them. */
#ifndef AIO_LOOP_H
#define AIO_LOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"

typedef void (*aio_callback)(void *arg);

/* asyncio.TimerHandle.  The loop and the caller each hold a reference:
 * the caller gives its reference back with aio_timer_cancel(), which is
 * harmless after the timer has fired, as TimerHandle.cancel() is. */
typedef struct aio_handle aio_handle;

/* loop.call_soon(callback, arg): run it in a later iteration, in FIFO order. */
void aio_call_soon(aio_callback callback, void *arg);

/* loop.call_later(delay, callback, arg).  Timers due at the same time run
 * in the order they were created. */
aio_handle *aio_call_later(aio_ns delay, aio_callback callback, void *arg);

/* TimerHandle.cancel(), which also releases the caller's reference. */
void aio_timer_cancel(aio_handle *timer);

/* loop.add_reader(fd, callback, arg) / loop.remove_reader(fd).  The
 * callback is queued each iteration in which fd is readable. */
bool aio_add_reader(int fd, aio_callback callback, void *arg);
bool aio_remove_reader(int fd);

/* Open a fresh loop, run it until aio_loop_stop() is called, close it. */
void aio_loop_open(void);
void aio_loop_run_forever(void);
void aio_loop_stop(void);
void aio_loop_close(void);
bool aio_loop_is_running(void);

#endif
