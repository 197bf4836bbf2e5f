#include "poll.h"

#include <errno.h>
#include <string.h>

#include "status.h"
#include "trace.h"

/* The largest wait CPython's loop ever asks select() for. */
#define MAXIMUM_SELECT_TIMEOUT (24LL * 3600 * AIO_NS_PER_SEC)

static size_t select_readable(const int *fds, size_t count, aio_ns timeout, bool *readable)
{
    fd_set set;
    FD_ZERO(&set);
    int nfds = 0;
    for (size_t i = 0; i < count; i++) {
        FD_SET(fds[i], &set);
        if (fds[i] >= nfds)
            nfds = fds[i] + 1;
    }
    struct timeval tv, *tvp = NULL;
    if (timeout >= 0) {
        tv = aio_clock_real_wait(timeout);
        tvp = &tv;
    }
    int n = select(nfds, &set, NULL, NULL, tvp);
    if (n < 0 && errno != EINTR)
        aio_fatal("select() failed: %s", strerror(errno));
    size_t ready = 0;
    for (size_t i = 0; i < count; i++) {
        readable[i] = n > 0 && FD_ISSET(fds[i], &set);
        ready += readable[i];
    }
    return ready;
}

size_t aio_poll(const int *fds, size_t count, aio_ns timeout, bool *readable)
{
    aio_ns capped = timeout > MAXIMUM_SELECT_TIMEOUT ? MAXIMUM_SELECT_TIMEOUT : timeout;
    if (!aio_clock_is_virtual()) {
        AIO_TRACE(select, capped);
        /* Callbacks are ready and nothing is watched: select() could only
         * say so.  CPython pays for that system call on every iteration. */
        if (capped == 0 && count == 0)
            return 0;
        return select_readable(fds, count, capped, readable);
    }
    /* Virtual time: only poll.  Only descriptors with no timer to jump to
     * make us block for real. */
    size_t ready = count ? select_readable(fds, count, timeout < 0 ? -1 : 0, readable) : 0;
    if (timeout > 0 && ready == 0) {
        aio_ns to = aio_clock_now() + timeout;
        AIO_TRACE(jump, capped, to);
        aio_clock_jump_to(to);
    } else {
        AIO_TRACE(select, capped);
    }
    return ready;
}
