/* How the loop waits: asyncio's selector.select(timeout), Redis's
 * aeApiPoll.  One call covers both clocks: the real one waits in poll();
 * the virtual one never sleeps for a timer, and lets its clock jump
 * instead.  poll(2), not select(): select() can only watch descriptors
 * below FD_SETSIZE (1024 on Linux and macOS), and a server has more. */
#ifndef AIO_POLL_H
#define AIO_POLL_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#include "clock.h"

/* Wait until one of the `count` descriptors in `fds` is ready for what
 * its `events` ask (POLLIN, POLLOUT), or `timeout` of loop time has passed
 * (-1: no timeout); each one's `revents` says what it is ready for, and
 * the return value is how many are.  A signal that cuts the wait short
 * (EINTR) returns 0.  `count` 0 with `timeout` 0 makes no system call.
 *
 * Under the virtual clock a wait that finds nothing ready moves the clock
 * `timeout` forward, instead of sleeping; with no timeout, or when `hold`
 * is true (something outside is sure to write to one of `fds` soon), it
 * waits for real, with no timeout, and the clock stays where it is. */
size_t aio_poll(struct pollfd *fds, size_t count, aio_ns timeout, bool hold);

#endif
