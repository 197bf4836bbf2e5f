/* The event loop: a FIFO queue of ready callbacks, a min-heap of timers,
 * and a wait (aio_poll) for whichever comes first, a timer or a file
 * descriptor.  The handles' memory and the heap itself are machinery
 * (machinery/handle.c).
 * Everything else (tasks, futures, sleep) is built out of callbacks that
 * this loop runs; it knows nothing about them. */
#include "loop.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "machinery/config.h"
#include "machinery/handle.h"
#include "machinery/object.h"
#include "machinery/poll.h"
#include "machinery/stack.h"
#include "machinery/trace.h"

/* One watched descriptor: its reader and writer (the handle that
 * _process_events() queues, NULL for none), and where it sits in the
 * array that poll() is handed. */
typedef struct fd_watch {
    aio_handle *reader, *writer;
    size_t slot; /* in loop.polled; 0: not watched (slot 0 is the self-pipe) */
} fd_watch;

#define WAKEUP_HOOKS 4

static struct {
    aio_handle *ready_head, *ready_tail; /* the FIFO of ready callbacks */
    size_t ready_count;
    aio_timer_heap timers;
    uint64_t timer_seq;
    /* What aio_poll() watches: an array, the self-pipe's read end first,
     * then the descriptors in the order they were added, each found
     * through an array indexed by descriptor.  Both grow.  poll() reports
     * in this order, as epoll (CPython's selector) reports descriptors
     * that became ready in the order they were added, so a removal leaves
     * a hole (fd -1, which poll() skips) rather than moving the last
     * entry into it; holes are closed before the next wait, in one pass. */
    struct pollfd *polled;
    size_t polled_count, polled_capacity, polled_holes;
    fd_watch *by_fd;
    size_t by_fd_capacity;
    int wakeup_read; /* the self-pipe's read end; -1 while the loop is closed */
    void (*wakeup_hooks[WAKEUP_HOOKS])(void);
    size_t wakeup_hook_count;
    int holds, watch_holds;
    bool running, stopping;
    void (*on_interrupt)(void);
} loop = { .wakeup_read = -1 };

/* The self-pipe's write end, the one thing a signal handler or another
 * thread reads: -1 while no loop is open. */
static atomic_int wakeup_write = -1;

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

void aio_call_soon_unheld(aio_callback callback, void (*prefetch)(void *arg), void *arg)
{
    aio_handle *h = aio_handle_new_unheld(callback, arg);
    h->prefetch = prefetch;
    push_ready(h);
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

/* ---- readers and writers ---------------------------------------------- */

/* The watch of `fd`, the table grown to hold it if need be. */
static fd_watch *watch_of(int fd)
{
    if ((size_t)fd >= loop.by_fd_capacity) {
        size_t capacity = loop.by_fd_capacity ? loop.by_fd_capacity : 64;
        while (capacity <= (size_t)fd)
            capacity *= 2;
        fd_watch *grown = realloc(loop.by_fd, capacity * sizeof *grown);
        if (!grown)
            aio_fatal("out of memory watching file descriptor %d", fd);
        memset(grown + loop.by_fd_capacity, 0, (capacity - loop.by_fd_capacity) * sizeof *grown);
        loop.by_fd = grown;
        loop.by_fd_capacity = capacity;
    }
    return &loop.by_fd[fd];
}

static void poll_add(fd_watch *w, int fd, short events)
{
    if (w->slot) {
        loop.polled[w->slot].events |= events;
        return;
    }
    if (loop.polled_count == loop.polled_capacity) {
        size_t capacity = loop.polled_capacity ? 2 * loop.polled_capacity : 64;
        struct pollfd *grown = realloc(loop.polled, capacity * sizeof *grown);
        if (!grown)
            aio_fatal("out of memory watching file descriptor %d", fd);
        loop.polled = grown;
        loop.polled_capacity = capacity;
    }
    w->slot = loop.polled_count++;
    loop.polled[w->slot] = (struct pollfd){ .fd = fd, .events = events };
}

static void poll_drop(fd_watch *w, short events)
{
    struct pollfd *p = &loop.polled[w->slot];
    p->events &= (short)~events;
    if (p->events)
        return;
    if (w->slot == loop.polled_count - 1) {
        loop.polled_count--;
    } else {
        *p = (struct pollfd){ .fd = -1 };
        loop.polled_holes++;
    }
    w->slot = 0;
}

/* Close the holes, keeping the order of what is left. */
static void poll_compact(void)
{
    size_t kept = 1;
    for (size_t i = 1; i < loop.polled_count; i++) {
        if (loop.polled[i].fd < 0)
            continue;
        if (i != kept) {
            loop.polled[kept] = loop.polled[i];
            loop.by_fd[loop.polled[kept].fd].slot = kept;
        }
        kept++;
    }
    loop.polled_count = kept;
    loop.polled_holes = 0;
}

/* BaseSelectorEventLoop._add_reader and _add_writer: a callback already
 * there is replaced, and its handle cancelled, even if it was queued. */
static aio_handle *add_watch(int fd, bool writer, aio_callback callback, void *arg)
{
    if (fd < 0)
        return NULL;
    aio_stack_refuse(arg, writer ? "add_writer()" : "add_reader()");
    if (!loop.running)
        aio_fatal("%s with no event loop running", writer ? "add_writer()" : "add_reader()");
    fd_watch *w = watch_of(fd);
    aio_handle **slot = writer ? &w->writer : &w->reader;
    aio_handle *h = aio_handle_new(callback, arg);
    if (*slot) {
        (*slot)->cancelled = true;
        aio_handle_release(*slot);
    }
    *slot = h;
    poll_add(w, fd, writer ? POLLOUT : POLLIN);
    return h;
}

static bool remove_watch(int fd, bool writer)
{
    if (fd < 0 || (size_t)fd >= loop.by_fd_capacity)
        return false;
    fd_watch *w = &loop.by_fd[fd];
    aio_handle **slot = writer ? &w->writer : &w->reader;
    if (!*slot)
        return false;
    (*slot)->cancelled = true;
    aio_handle_release(*slot);
    *slot = NULL;
    poll_drop(w, writer ? POLLOUT : POLLIN);
    return true;
}

bool aio_add_reader(int fd, aio_callback callback, void *arg) { return add_watch(fd, false, callback, arg); }
bool aio_remove_reader(int fd) { return remove_watch(fd, false); }
bool aio_add_writer(int fd, aio_callback callback, void *arg) { return add_watch(fd, true, callback, arg); }
bool aio_remove_writer(int fd) { return remove_watch(fd, true); }

static aio_handle *held(aio_handle *h)
{
    if (h)
        h->refs++;
    return h;
}

aio_handle *aio_add_reader_handle(int fd, aio_callback callback, void *arg)
{
    return held(add_watch(fd, false, callback, arg));
}

aio_handle *aio_add_writer_handle(int fd, aio_callback callback, void *arg)
{
    return held(add_watch(fd, true, callback, arg));
}

static void queue_watcher(aio_handle *h, bool writer)
{
    if (!h || h->cancelled)
        return;
    AIO_TRACE(fd_ready, writer);
    h->refs++; /* the ready queue's reference; the watch keeps its own */
    push_ready(h);
}

/* BaseSelectorEventLoop._process_events, with PollSelector's reading of
 * poll()'s bits: anything but POLLOUT (data, hang-up, error) wakes the
 * reader, anything but POLLIN wakes the writer. */
static void process_events(void)
{
    for (size_t i = 1; i < loop.polled_count; i++) {
        short revents = loop.polled[i].revents;
        if (!revents)
            continue;
        fd_watch *w = &loop.by_fd[loop.polled[i].fd];
        if (revents & ~POLLOUT)
            queue_watcher(w->reader, false);
        if (revents & ~POLLIN)
            queue_watcher(w->writer, true);
    }
}

/* ---- the self-pipe ----------------------------------------------------- */

void aio_loop_wakeup(void)
{
    int fd = atomic_load(&wakeup_write);
    if (fd < 0)
        return;
    int saved = errno;
    ssize_t ignored = write(fd, "", 1); /* EAGAIN: full, and the loop will wake anyway */
    (void)ignored;
    errno = saved;
}

void aio_loop_add_wakeup_hook(void (*hook)(void))
{
    if (loop.wakeup_hook_count == WAKEUP_HOOKS)
        aio_fatal("aio_loop_add_wakeup_hook(): at most %d hooks", WAKEUP_HOOKS);
    loop.wakeup_hooks[loop.wakeup_hook_count++] = hook;
}

void aio_loop_hold_wakeups(int delta)
{
    loop.holds += delta;
    if (loop.holds < 0)
        aio_fatal("aio_loop_hold_wakeups(): more holds given back than taken");
}

void aio_loop_hold_watch(int delta)
{
    loop.watch_holds += delta;
    if (loop.watch_holds < 0)
        aio_fatal("aio_loop_hold_watch(): more holds given back than taken");
}

static void drain_wakeups(void)
{
    char bytes[256];
    while (read(loop.wakeup_read, bytes, sizeof bytes) > 0)
        ;
}

static void open_self_pipe(void)
{
    int ends[2];
    if (pipe(ends) != 0)
        aio_fatal("cannot make the loop's self-pipe: %s", strerror(errno));
    for (int i = 0; i < 2; i++)
        if (fcntl(ends[i], F_SETFL, fcntl(ends[i], F_GETFL) | O_NONBLOCK) != 0
            || fcntl(ends[i], F_SETFD, fcntl(ends[i], F_GETFD) | FD_CLOEXEC) != 0)
            aio_fatal("cannot set up the loop's self-pipe: %s", strerror(errno));
    loop.wakeup_read = ends[0];
    atomic_store(&wakeup_write, ends[1]);
    loop.polled_count = loop.polled_holes = 0;
    poll_add(&(fd_watch){ 0 }, ends[0], POLLIN); /* slot 0 */
}

static void close_self_pipe(void)
{
    if (loop.wakeup_read < 0)
        return;
    int write_end = atomic_exchange(&wakeup_write, -1);
    close(write_end);
    close(loop.wakeup_read);
    loop.wakeup_read = -1;
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
    if (loop.polled_holes)
        poll_compact();
    size_t watched = loop.polled_count - 1; /* the self-pipe is not watched */
    aio_ns timeout = -1;
    if (loop.ready_count || loop.stopping) {
        timeout = 0;
    } else if (loop.timers.count) {
        timeout = loop.timers.items[0]->when - aio_clock_now();
        if (timeout < 0) timeout = 0;
    } else if (watched == 0 && loop.holds == 0 && loop.watch_holds == 0) {
        deadlock();
    }

    /* 3. event_list = self._selector.select(timeout); _process_events().
     *    With callbacks ready and nothing watched, no system call at all:
     *    what a wakeup wrote stays in the pipe until the next real wait. */
    size_t count = timeout == 0 && watched == 0 ? 0 : loop.polled_count;
    if (aio_poll(loop.polled, count, timeout, loop.holds > 0) && count) {
        if (loop.polled[0].revents)
            drain_wakeups();
        process_events();
    }
    if (loop.on_interrupt) loop.on_interrupt(); /* a SIGINT cut the wait short */
    for (size_t i = 0; i < loop.wakeup_hook_count; i++)
        loop.wakeup_hooks[i]();

    /* 4. Timers that are due join the ready queue, behind what is there.
     *    No timer, no clock to read: on some virtual machines a read
     *    costs 100 ns, as much as a switch. */
    aio_ns now = loop.timers.count ? aio_clock_now() : 0;
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
        aio_handle_prefetch_ahead(loop.ready_head, n); /* a hint to the cache only */
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
    loop.holds = loop.watch_holds = 0;
    loop.wakeup_hook_count = 0;
    open_self_pipe();
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
 * asyncio loop clears its queues; and nothing is watched any more. */
void aio_loop_close(void)
{
    while (loop.ready_count)
        aio_handle_release(pop_ready());
    while (loop.timers.count)
        aio_handle_release(aio_timer_heap_pop(&loop.timers));
    aio_timer_heap_free(&loop.timers);
    aio_handle_pool_free(); /* the readers' and writers' handles with the rest */
    free(loop.by_fd);
    loop.by_fd = NULL;
    loop.by_fd_capacity = 0;
    free(loop.polled);
    loop.polled = NULL;
    loop.polled_count = loop.polled_capacity = loop.polled_holes = 0;
    close_self_pipe();
    loop.wakeup_hook_count = 0;
    loop.running = false;
}
