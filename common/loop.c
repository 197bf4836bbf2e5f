/* The event loop: a FIFO queue of ready callbacks, a min-heap of timers,
 * and a wait (aio_poll) for whichever comes first, a timer or a file
 * descriptor.  The handles' memory and the heap itself are machinery
 * (machinery/handle.c).
 * Everything else (tasks, futures, sleep) is built out of callbacks that
 * this loop runs; it knows nothing about them. */
#include "loop.h"

#include "machinery/config.h"
#include "machinery/handle.h"
#include "machinery/object.h"
#include "machinery/poll.h"
#include "machinery/stack.h"
#include "machinery/trace.h"

typedef struct reader {
    aio_callback callback;
    void *arg;
} reader;

static struct {
    aio_handle *ready_head, *ready_tail; /* the FIFO of ready callbacks */
    size_t ready_count;
    aio_timer_heap timers;
    uint64_t timer_seq;
    int reader_fds[AIO_POLL_FD_LIMIT]; /* what aio_poll() watches... */
    reader readers[AIO_POLL_FD_LIMIT]; /* ...and what to call for each */
    bool readable[AIO_POLL_FD_LIMIT];
    size_t reader_count;
    bool running, stopping;
    void (*on_interrupt)(void);
} loop;

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
    push_ready(aio_handle_new(callback, arg));
}

/* The loop and the caller each hold a reference to a timer.  `far` is the
 * deadline in seconds, which orders the timers that `when` cannot tell
 * apart because it saturated (machinery/handle.c). */
static aio_handle *arm_timer(aio_ns when, double far, aio_callback callback, void *arg)
{
    aio_handle *h = aio_handle_new(callback, arg);
    h->when = when;
    h->far = far;
    h->seq = loop.timer_seq++;
    h->refs = 2;
    AIO_TRACE(timer_armed, h->when, &h->owner);
    aio_timer_heap_push(&loop.timers, h);
    return h;
}

aio_handle *aio_call_later(double delay, aio_callback callback, void *arg)
{
    aio_ns ns = aio_seconds_to_ns(delay);
    return arm_timer(aio_clock_add(aio_clock_now(), ns > 0 ? ns : 0), aio_loop_time() + delay, callback, arg);
}

aio_handle *aio_call_at(double when, aio_callback callback, void *arg)
{
    return arm_timer(aio_seconds_to_ns(when), when, callback, arg);
}

void aio_timer_cancel(aio_handle *timer)
{
    if (!loop.running)
        return; /* the loop has closed, and its handles are gone with it */
    if (!timer->due && !timer->cancelled)
        AIO_TRACE(timer_cancelled, timer->when);
    timer->cancelled = true;
    aio_handle_release(timer);
}

/* ---- readers ----------------------------------------------------------- */

bool aio_add_reader(int fd, aio_callback callback, void *arg)
{
    if (fd < 0 || fd >= AIO_POLL_FD_LIMIT)
        return false; /* select() cannot watch it */
    aio_stack_refuse(arg, "add_reader()");
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
 * and equal deadlines run in creation order (see earlier() in
 * machinery/handle.c). */
static void run_once(void)
{
    /* 1. Remove cancelled timers from the head of the heap. */
    while (loop.timers.count && loop.timers.items[0]->cancelled)
        aio_handle_release(aio_timer_heap_pop(&loop.timers));

    /* A SIGINT that came while the last callbacks ran is taken before the
     * wait, not after it: CPython's handler runs at once, and its wakeup
     * descriptor cuts the wait short. */
    if (loop.on_interrupt) loop.on_interrupt();

    /* 2. How long to wait: not at all if something is ready, else until
     *    the first timer (aio_poll caps it as CPython does), else forever. */
    aio_ns timeout = -1;
    if (loop.ready_count || loop.stopping) {
        timeout = 0;
    } else if (loop.timers.count) {
        timeout = loop.timers.items[0]->when - aio_clock_now();
        if (timeout < 0) timeout = 0;
    } else if (loop.reader_count == 0) {
        deadlock();
    }

    /* 3. event_list = self._selector.select(timeout); _process_events() */
    if (aio_poll(loop.reader_fds, loop.reader_count, timeout, loop.readable))
        for (size_t i = 0; i < loop.reader_count; i++)
            if (loop.readable[i])
                aio_call_soon(loop.readers[i].callback, loop.readers[i].arg);
    if (loop.on_interrupt) loop.on_interrupt(); /* a SIGINT cut the wait short */

    /* 4. Timers that are due join the ready queue, behind what is there. */
    aio_ns now = aio_clock_now();
    while (loop.timers.count && loop.timers.items[0]->when <= now) {
        aio_handle *h = aio_timer_heap_pop(&loop.timers);
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
        aio_handle_release(h);
    }

    /* 6. Not in CPython, where reference counts free objects at once:
     *    what nothing needs any more goes now (machinery/object.h). */
    aio_object_sweep();
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

void aio_loop_on_interrupt(void (*hook)(void)) { loop.on_interrupt = hook; }

bool aio_loop_is_running(void) { return loop.running; }

/* Whatever is still queued will never run now: drop it, as closing an
 * asyncio loop clears its queues. */
void aio_loop_close(void)
{
    while (loop.ready_count)
        aio_handle_release(pop_ready());
    while (loop.timers.count)
        aio_handle_release(aio_timer_heap_pop(&loop.timers));
    aio_timer_heap_free(&loop.timers);
    aio_handle_pool_free();
    loop.reader_count = 0;
    loop.running = false;
}
