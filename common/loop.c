#include "loop.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

#include "status.h"
#include "trace.h"

struct aio_handle {
    aio_callback callback;
    void *arg;
    aio_ns when;       /* timers: due time */
    uint64_t seq;      /* timers: creation order, the tie-breaker */
    bool cancelled;
    int refs;          /* 1 for the loop, +1 while a caller holds a timer */
    const char *owner; /* timers: who armed it, for the trace */
    bool due;          /* timers: moved to the ready queue */
    aio_handle *next;  /* ready queue */
};

typedef struct reader {
    int fd;
    aio_callback callback;
    void *arg;
} reader;

static struct {
    aio_handle *ready_head, *ready_tail;
    size_t ready_count;
    aio_handle **timers; /* binary min-heap on (when, seq) */
    size_t timer_count, timer_capacity;
    uint64_t timer_seq;
    reader readers[FD_SETSIZE];
    size_t reader_count;
    bool running, stopping;
    aio_handle *spare;   /* freed handles kept for reuse */
    size_t spare_count;
} loop;

/* Every sleep(0) costs one handle; recycling them keeps malloc off the
 * switch path.  Bounded, so a burst does not pin memory forever. */
#define MAX_SPARE_HANDLES 4096

static void *checked(void *p)
{
    if (!p)
        aio_fatal("MemoryError: the event loop is out of memory");
    return p;
}

static void release(aio_handle *h)
{
    if (--h->refs > 0)
        return;
    if (loop.spare_count < MAX_SPARE_HANDLES) {
        h->next = loop.spare;
        loop.spare = h;
        loop.spare_count++;
    } else {
        free(h);
    }
}

static aio_handle *new_handle(aio_callback callback, void *arg)
{
    aio_handle *h = loop.spare;
    if (h) {
        loop.spare = h->next;
        loop.spare_count--;
    } else {
        h = checked(malloc(sizeof *h));
    }
    *h = (aio_handle){ .callback = callback, .arg = arg, .refs = 1 };
    return h;
}

static void push_ready(aio_handle *h)
{
    h->next = NULL;
    if (loop.ready_tail)
        loop.ready_tail->next = h;
    else
        loop.ready_head = h;
    loop.ready_tail = h;
    loop.ready_count++;
}

static aio_handle *pop_ready(void)
{
    aio_handle *h = loop.ready_head;
    loop.ready_head = h->next;
    if (!loop.ready_head)
        loop.ready_tail = NULL;
    loop.ready_count--;
    return h;
}

void aio_call_soon(aio_callback callback, void *arg)
{
    push_ready(new_handle(callback, arg));
}

/* ---- the timer heap ---------------------------------------------------- */

/* Equal deadlines run in creation order.  CPython's heap compares `when`
 * alone, but its clock moves between two call_later() calls, so in real
 * time two timers practically never tie; the tie-breaker gives the same
 * order when our clock stands still (virtual time). */
static bool earlier(const aio_handle *a, const aio_handle *b)
{
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void swap(size_t i, size_t j)
{
    aio_handle *t = loop.timers[i];
    loop.timers[i] = loop.timers[j];
    loop.timers[j] = t;
}

static void heap_push(aio_handle *h)
{
    if (loop.timer_count == loop.timer_capacity) {
        size_t capacity = loop.timer_capacity ? loop.timer_capacity * 2 : 64;
        loop.timers = checked(realloc(loop.timers, capacity * sizeof *loop.timers));
        loop.timer_capacity = capacity;
    }
    size_t i = loop.timer_count++;
    loop.timers[i] = h;
    while (i > 0 && earlier(loop.timers[i], loop.timers[(i - 1) / 2])) {
        swap(i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static aio_handle *heap_pop(void)
{
    aio_handle *top = loop.timers[0];
    loop.timers[0] = loop.timers[--loop.timer_count];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < loop.timer_count && earlier(loop.timers[l], loop.timers[m])) m = l;
        if (r < loop.timer_count && earlier(loop.timers[r], loop.timers[m])) m = r;
        if (m == i)
            break;
        swap(i, m);
        i = m;
    }
    return top;
}

aio_handle *aio_call_later(aio_ns delay, aio_callback callback, void *arg)
{
    aio_handle *h = new_handle(callback, arg);
    h->when = aio_clock_now() + (delay > 0 ? delay : 0);
    h->seq = loop.timer_seq++;
    h->refs = 2;
    h->owner = aio_trace_who();
    aio_trace(h->owner, "arms a timer for %.3f (in %.3f s)",
              (double)h->when / AIO_NS_PER_SEC, (double)(h->when - aio_clock_now()) / AIO_NS_PER_SEC);
    heap_push(h);
    return h;
}

void aio_timer_cancel(aio_handle *timer)
{
    if (!timer->due && !timer->cancelled)
        aio_trace(aio_trace_who(), "cancels its timer for %.3f", (double)timer->when / AIO_NS_PER_SEC);
    timer->cancelled = true;
    release(timer);
}

/* ---- readers ----------------------------------------------------------- */

bool aio_add_reader(int fd, aio_callback callback, void *arg)
{
    if (fd < 0 || fd >= FD_SETSIZE)
        return false; /* select() cannot watch it */
    aio_remove_reader(fd);
    loop.readers[loop.reader_count++] = (reader){ fd, callback, arg };
    return true;
}

bool aio_remove_reader(int fd)
{
    for (size_t i = 0; i < loop.reader_count; i++) {
        if (loop.readers[i].fd == fd) {
            loop.readers[i] = loop.readers[--loop.reader_count];
            return true;
        }
    }
    return false;
}

/* ---- one iteration ----------------------------------------------------- */

static void drop_cancelled_timers(void)
{
    while (loop.timer_count && loop.timers[0]->cancelled)
        release(heap_pop());
}

/* Wait up to `timeout` (-1: forever) for a reader, then queue the
 * callbacks of the ready ones.  With no readers this is a plain sleep. */
static void select_readers(aio_ns timeout)
{
    fd_set readable;
    FD_ZERO(&readable);
    int nfds = 0;
    for (size_t i = 0; i < loop.reader_count; i++) {
        FD_SET(loop.readers[i].fd, &readable);
        if (loop.readers[i].fd >= nfds)
            nfds = loop.readers[i].fd + 1;
    }
    struct timeval tv, *tvp = NULL;
    if (timeout >= 0) {
        tv = aio_clock_real_wait(timeout);
        tvp = &tv;
    }
    int n = select(nfds, &readable, NULL, NULL, tvp);
    if (n < 0 && errno != EINTR)
        aio_fatal("select() failed: %s", strerror(errno));
    for (size_t i = 0; n > 0 && i < loop.reader_count; i++)
        if (FD_ISSET(loop.readers[i].fd, &readable))
            aio_call_soon(loop.readers[i].callback, loop.readers[i].arg);
}

/* CPython would call select() with no timeout here and block forever;
 * a workbook is better served by saying why nothing happens. */
static void trace_select(aio_ns timeout)
{
    if (timeout < 0)
        aio_trace("loop", "select(timeout=None)");
    else
        aio_trace("loop", "select(timeout=%.3f)", (double)timeout / AIO_NS_PER_SEC);
}

static _Noreturn void deadlock(void)
{
    aio_fatal("deadlock: asyncio.run() is waiting, but no callback is ready, "
              "no timer is pending and no file descriptor is watched, so nothing "
              "can ever wake the waiting tasks (CPython would block forever)");
}

/* The largest wait CPython's loop ever asks select() for. */
#define MAXIMUM_SELECT_TIMEOUT (24LL * 3600 * AIO_NS_PER_SEC)

static void run_once(void)
{
    drop_cancelled_timers();

    aio_ns timeout = -1; /* wait forever */
    if (loop.ready_count || loop.stopping) {
        timeout = 0;
    } else if (loop.timer_count) {
        timeout = loop.timers[0]->when - aio_clock_now();
        if (timeout < 0) timeout = 0;
        if (timeout > MAXIMUM_SELECT_TIMEOUT) timeout = MAXIMUM_SELECT_TIMEOUT;
    } else if (loop.reader_count == 0) {
        deadlock();
    }

    if (aio_clock_is_virtual()) {
        /* Never sleep: poll the readers, and if nothing is ready let the
         * clock jump to the next timer.  Only a reader with no timer to
         * jump to makes us block for real. */
        if (loop.reader_count)
            select_readers(timeout < 0 ? -1 : 0);
        if (timeout > 0 && loop.ready_count == 0) {
            aio_trace("loop", "select(timeout=%.3f): virtual clock jumps to %.3f",
                      (double)timeout / AIO_NS_PER_SEC, (double)loop.timers[0]->when / AIO_NS_PER_SEC);
            aio_clock_jump_to(loop.timers[0]->when);
        } else {
            trace_select(timeout);
        }
    } else {
        trace_select(timeout);
        select_readers(timeout);
    }

    /* Timers that are due join the ready queue behind what is already there. */
    aio_ns now = aio_clock_now();
    while (loop.timer_count && loop.timers[0]->when <= now) {
        aio_handle *h = heap_pop();
        h->due = true;
        if (!h->cancelled)
            aio_trace("loop", "timer armed by %s fires", h->owner);
        push_ready(h);
    }

    /* Run only what was ready when we started; callbacks queued by these
     * run in the next iteration.  This is what makes call_soon() fair. */
    for (size_t n = loop.ready_count; n > 0; n--) {
        aio_handle *h = pop_ready();
        if (!h->cancelled)
            h->callback(h->arg);
        release(h);
    }
}

/* ---- lifetime ---------------------------------------------------------- */

void aio_loop_open(void)
{
    aio_config_load();
    loop.running = true;
    loop.stopping = false;
}

void aio_loop_run_forever(void)
{
    while (!loop.stopping)
        run_once();
    loop.stopping = false;
}

void aio_loop_stop(void) { loop.stopping = true; }

bool aio_loop_is_running(void) { return loop.running; }

/* Whatever is still queued will never run now: drop it, as closing an
 * asyncio loop clears its queues. */
void aio_loop_close(void)
{
    while (loop.ready_count)
        release(pop_ready());
    while (loop.timer_count)
        release(heap_pop());
    free(loop.timers);
    loop.timers = NULL;
    while (loop.spare) {
        aio_handle *h = loop.spare;
        loop.spare = h->next;
        free(h);
    }
    loop.spare_count = 0;
    loop.timer_capacity = 0;
    loop.reader_count = 0;
    loop.running = false;
}
