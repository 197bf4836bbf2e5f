/* ppoll() waits to the nanosecond where it exists (Linux); elsewhere poll()
 * waits whole milliseconds, rounded up so that no timer fires early. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif
#include "poll.h"

#include <errno.h>
#include <limits.h>
#include <string.h>

#include "status.h"
#include "trace.h"

/* The largest wait CPython's loop ever asks select() for. */
#define MAXIMUM_SELECT_TIMEOUT (24LL * 3600 * AIO_NS_PER_SEC)

/* One poll(2): `timeout` in loop time, -1 for none. */
static size_t poll_fds(struct pollfd *fds, size_t count, aio_ns timeout)
{
    int n;
#if defined(__linux__)
    struct timespec ts, *tsp = NULL;
    if (timeout >= 0) {
        struct timeval tv = aio_clock_real_wait(timeout);
        ts = (struct timespec){ .tv_sec = tv.tv_sec, .tv_nsec = (long)tv.tv_usec * 1000 };
        tsp = &ts;
    }
    n = ppoll(fds, (nfds_t)count, tsp, NULL);
#else
    int ms = -1;
    if (timeout >= 0) {
        struct timeval tv = aio_clock_real_wait(timeout);
        long long wanted = (long long)tv.tv_sec * 1000 + (tv.tv_usec + 999) / 1000;
        ms = wanted > INT_MAX ? INT_MAX : (int)wanted;
    }
    n = poll(fds, (nfds_t)count, ms);
#endif
    if (n < 0) {
        if (errno != EINTR)
            aio_fatal("poll() failed: %s", strerror(errno));
        for (size_t i = 0; i < count; i++)
            fds[i].revents = 0;
        return 0;
    }
    return (size_t)n;
}

size_t aio_poll(struct pollfd *fds, size_t count, aio_ns timeout, bool hold)
{
    aio_ns capped = timeout > MAXIMUM_SELECT_TIMEOUT ? MAXIMUM_SELECT_TIMEOUT : timeout;
    if (!aio_clock_is_virtual()) {
        AIO_TRACE(select, capped);
        /* Callbacks are ready and nothing is watched: poll() could only
         * say so.  CPython pays for that system call on every iteration. */
        if (capped == 0 && count == 0)
            return 0;
        return poll_fds(fds, count, capped);
    }
    /* Virtual time: poll first.  Only descriptors with no timer to jump
     * to, or a hold, make us block for real. */
    size_t ready = count ? poll_fds(fds, count, 0) : 0;
    if (ready || timeout == 0) {
        AIO_TRACE(select, capped);
        return ready;
    }
    if (timeout < 0 || hold) {
        AIO_TRACE(select, timeout < 0 ? capped : -1);
        return poll_fds(fds, count, -1);
    }
    aio_ns to = aio_clock_now() + timeout;
    AIO_TRACE(jump, capped, to);
    aio_clock_jump_to(to);
    return 0;
}
