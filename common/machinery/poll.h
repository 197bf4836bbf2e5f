/* How the loop waits: asyncio's selector.select(timeout), Redis's
 * aeApiPoll.  One call covers both clocks: the real one waits in select();
 * the virtual one never sleeps, and lets its clock jump instead. */
#ifndef AIO_POLL_H
#define AIO_POLL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/select.h>

#include "clock.h"

/* The file descriptors select() can watch: 0 to AIO_POLL_FD_LIMIT - 1. */
#define AIO_POLL_FD_LIMIT FD_SETSIZE

/* Wait until one of the `count` descriptors in `fds` is readable, or
 * `timeout` of loop time has passed (-1: no timeout); mark readable[i]
 * for each ready one and return how many are.  Under the virtual clock a
 * wait that finds nothing ready moves the clock `timeout` forward. */
size_t aio_poll(const int *fds, size_t count, aio_ns timeout, bool *readable);

#endif
