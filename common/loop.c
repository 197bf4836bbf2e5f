/* The event loop: a FIFO queue of ready callbacks, a min-heap of timers,
 * and a wait for whichever comes first, a timer or a file descriptor.
 * Everything else (tasks, futures, sleep) is built out of callbacks that
 * this loop runs; it knows nothing about them. */
#include "loop.h"

#include <stdlib.h>

#include "machinery/config.h"
#include "machinery/poll.h"
#include "machinery/trace.h"

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
    aio_callback callback;
    void *arg;
} reader;

static struct {
    aio_handle *ready_head, *ready_tail;
    size_t ready_count;
    aio_handle **timers; /* binary min-heap on (when, seq) */
    size_t timer_count, timer_capacity;
    uint64_t timer_seq;
    int reader_fds[AIO_POLL_FD_LIMIT]; /* what aio_poll() watches... */
    reader readers[AIO_POLL_FD_LIMIT]; /* ...and what to call for each */
    bool readable[AIO_POLL_FD_LIMIT];
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

aio_handle *aio_call_later(double delay, aio_callback callback, void *arg)
{
    aio_ns ns = aio_seconds_to_ns(delay);
    aio_handle *h = new_handle(callback, arg);
    h->when = aio_clock_now() + (ns > 0 ? ns : 0);
    h->seq = loop.timer_seq++;
    h->refs = 2;
    AIO_TRACE(timer_armed, h->when, &h->owner);
    heap_push(h);
    return h;
}

void aio_timer_cancel(aio_handle *timer)
{
    if (!timer->due && !timer->cancelled)
        AIO_TRACE(timer_cancelled, timer->when);
    timer->cancelled = true;
    release(timer);
}

/* ---- readers ----------------------------------------------------------- */

bool aio_add_reader(int fd, aio_callback callback, void *arg)
{
    if (fd < 0 || fd >= AIO_POLL_FD_LIMIT)
        return false; /* select() cannot watch it */
    aio_remove_reader(fd);
    loop.reader_fds[loop.reader_count] = fd;
    loop.readers[loop.reader_count++] = (reader){ callback, arg };
    return true;
}

bool aio_remove_reader(int fd)
{
    for (size_t i = 0; i < loop.reader_count; i++) {
        if (loop.reader_fds[i] == fd) {
            loop.reader_count--;
            loop.reader_fds[i] = loop.reader_fds[loop.reader_count];
            loop.readers[i] = loop.readers[loop.reader_count];
            return true;
        }
    }
    return false;
}

/* ---- one iteration ----------------------------------------------------- */

/* CPython would block forever here; a workbook is better served by
 * saying why nothing happens. */
static _Noreturn void deadlock(void)
{
    aio_fatal("deadlock: asyncio.run() is waiting, but no callback is ready, "
              "no timer is pending and no file descriptor is watched, so nothing "
              "can ever wake the waiting tasks (CPython would block forever)");
}

/* BaseEventLoop._run_once, step by step.  Where we differ: CPython drops
 * cancelled timers from anywhere in the heap once they are many, we only
 * from its top; it blocks forever where we report a deadlock; it treats
 * timers due within its clock's resolution as due, our clock needs none;
 * and equal deadlines run in creation order (see earlier()). */
static void run_once(void)
{
    /* 1. Remove cancelled timers from the head of the heap. */
    while (loop.timer_count && loop.timers[0]->cancelled)
        release(heap_pop());

    /* 2. How long to wait: not at all if something is ready, else until
     *    the first timer (aio_poll caps it as CPython does), else forever. */
    aio_ns timeout = -1;
    if (loop.ready_count || loop.stopping) {
        timeout = 0;
    } else if (loop.timer_count) {
        timeout = loop.timers[0]->when - aio_clock_now();
        if (timeout < 0) timeout = 0;
    } else if (loop.reader_count == 0) {
        deadlock();
    }

    /* 3. event_list = self._selector.select(timeout); _process_events() */
    if (aio_poll(loop.reader_fds, loop.reader_count, timeout, loop.readable))
        for (size_t i = 0; i < loop.reader_count; i++)
            if (loop.readable[i])
                aio_call_soon(loop.readers[i].callback, loop.readers[i].arg);

    /* 4. Timers that are due join the ready queue, behind what is there. */
    aio_ns now = aio_clock_now();
    while (loop.timer_count && loop.timers[0]->when <= now) {
        aio_handle *h = heap_pop();
        h->due = true;
        if (!h->cancelled)
            AIO_TRACE(timer_fires, h->owner);
        push_ready(h);
    }

    /* 5. Run only what was ready when we started; callbacks queued by these
     *    run in the next iteration.  This is what makes call_soon() fair. */
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
