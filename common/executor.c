/* Threads, one step past post 1-4's warning: loop.call_soon_threadsafe,
 * loop.run_in_executor(None, fn, arg), asyncio.to_thread, and the
 * shutdown of the default executor, as base_events.py, threads.py and
 * concurrent/futures/thread.py build them.
 *
 * The pool is ThreadPoolExecutor's: a FIFO of jobs, and up to
 * min(32, cpus + 4) threads, each made only when a job comes and no
 * thread is idle (_adjust_thread_count; `idle` plays its semaphore).  A
 * job's result goes back the way _chain_future sends it: the thread hands
 * job_done() to call_soon_threadsafe, and job_done() sets the Future,
 * unless it was cancelled meanwhile (_copy_future_state).  Cancelling the
 * Future cancels a job still in the queue (_call_check_cancel); one that
 * has started runs on, and its result is dropped.
 *
 * Only this file touches what the threads share, behind pool.lock.  A
 * job's thread runs nothing of the loop: it calls fn, then posts.
 * Everything else happens on the loop's thread.
 *
 * The virtual clock.  A time.sleep() in a job may not move the loop's
 * clock itself (three jobs sleeping 1 s at once would move it 3 s, and
 * race with the loop).  So under AIO_CLOCK=virtual the loop's thread and
 * the pool's take turns: after each hand-over (a job submitted, a sleeping
 * job resumed) the loop waits until every thread of the pool is quiet
 * again: waiting for a job, gone, or asleep.  A job's sleep arms a loop
 * timer for its end and waits for that timer to resume it.  So three jobs
 * that sleep 1 s each from 0 all wake at 1.000, in the order they went to
 * sleep, and everything a job posts is in the ready queue before the loop
 * looks again, where CPython's call_soon_threadsafe() puts it.  CPU work
 * in a job takes no loop time, as CPU work on the loop takes none.
 * scripts/twin.py does the same for the Python twins. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "executor.h"
#include "internal.h"
#include "loop.h"
#include "machinery/clock.h"
#include "machinery/object.h"
#include "machinery/sigint.h"

#define MAX_WORKERS 32

typedef struct posted {
    struct posted *next;
    aio_callback callback;
    void *arg;
} posted;

typedef struct job job;

/* The Future run_in_executor() gives.  CPython's wrap_future() chains a
 * plain Future to the concurrent one; here the Future knows its job. */
typedef struct executor_future {
    aio_future future;
    job *job; /* NULL once job_done() has run */
} executor_future;

struct job {
    job *next; /* in the work queue */
    aio_thread_fn fn;
    void *arg;
    executor_future *future; /* the loop's thread only */
    /* Under pool.lock: */
    bool started, cancelled;
    aio_value result;
    bool asleep;        /* the virtual clock: in time.sleep(), for `sleep` ns */
    aio_ns sleep;
    job *next_sleeper;
    aio_handle *timer;  /* the loop's thread only: the timer that ends the sleep */
};

static struct {
    pthread_mutex_t lock;
    pthread_cond_t work;    /* a thread waits here for a job (work_queue.get()) */
    pthread_cond_t quiet;   /* the virtual clock: the loop waits here for the pool to be quiet */
    pthread_cond_t resumed; /* the virtual clock: a sleeping job waits here for its timer */
    job *head, *tail;       /* the work queue */
    posted *posts, *posts_tail; /* what call_soon_threadsafe() was given */
    pthread_t threads[MAX_WORKERS];
    int threads_made, threads_gone, max_workers;
    int idle;    /* _idle_semaphore's value */
    int waiting; /* threads waiting for a job */
    /* The virtual clock's turns: how many threads run now, or have been
     * woken to run (a ticket each, which the woken thread takes). */
    int running, tickets;
    job *sleepers, *sleepers_tail; /* asleep since the loop last looked */
    bool shutdown, exiting;
} pool = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .work = PTHREAD_COND_INITIALIZER,
    .quiet = PTHREAD_COND_INITIALIZER,
    .resumed = PTHREAD_COND_INITIALIZER,
};

static atomic_bool posts_pending; /* a cheap look for the loop's hook */
static atomic_bool accepting;     /* a loop is open: call_soon_threadsafe() may post */
static _Thread_local job *current; /* the job this thread runs */
static _Thread_local bool on_worker;
static pthread_t loop_thread;      /* set before any thread of the pool starts */
/* The loop's thread only: */
static bool shutdown_called; /* loop._executor_shutdown_called */
static aio_future *joined;   /* done when the last thread has ended */

bool aio_executor_on_worker(void) { return on_worker; }

static bool is_virtual(void) { return aio_clock_is_virtual(); }

/* ---- call_soon_threadsafe ------------------------------------------------ */

static void post_locked(posted *p)
{
    p->next = NULL;
    if (pool.posts_tail)
        pool.posts_tail->next = p;
    else
        pool.posts = p;
    pool.posts_tail = p;
    atomic_store(&posts_pending, true);
}

static posted *new_post(aio_callback callback, void *arg)
{
    posted *p = malloc(sizeof *p);
    if (!p)
        aio_fatal("MemoryError: no memory for call_soon_threadsafe()");
    p->callback = callback;
    p->arg = arg;
    return p;
}

void aio_call_soon_threadsafe(aio_callback callback, void *arg)
{
    if (!atomic_load(&accepting))
        aio_fatal("RuntimeError: Event loop is closed (call_soon_threadsafe())");
    /* On the loop's own thread, straight into the ready queue, where
     * CPython's call_soon_threadsafe() puts it from any thread. */
    if (pthread_equal(pthread_self(), loop_thread)) {
        aio_call_soon(callback, arg);
        return;
    }
    posted *p = new_post(callback, arg);
    pthread_mutex_lock(&pool.lock);
    post_locked(p);
    pthread_mutex_unlock(&pool.lock);
    aio_loop_wakeup(); /* _write_to_self() */
}

static posted *take_posts_locked(void)
{
    posted *p = pool.posts;
    pool.posts = pool.posts_tail = NULL;
    atomic_store(&posts_pending, false);
    return p;
}

/* On the loop's thread: into the ready queue, in the order posted.
 * call_soon() holds each argument from here on. */
static void queue_posts(posted *p)
{
    while (p) {
        posted *next = p->next;
        aio_call_soon(p->callback, p->arg);
        free(p);
        p = next;
    }
}

static void drop_posts(posted *p)
{
    while (p) {
        posted *next = p->next;
        free(p);
        p = next;
    }
}

void aio_executor_dispatch(void)
{
    if (!atomic_load(&posts_pending))
        return;
    pthread_mutex_lock(&pool.lock);
    posted *p = take_posts_locked();
    pthread_mutex_unlock(&pool.lock);
    queue_posts(p);
}

/* ---- the virtual clock's turns ------------------------------------------- */

static void resume_sleeper(void *arg);

/* The loop's thread, after a hand-over: wait until the pool is quiet,
 * then queue what was posted and arm a timer for each job that went to
 * sleep.  Under the real clock, nothing: the threads run as they run. */
static void wait_for_quiet(void)
{
    if (!is_virtual())
        return;
    pthread_mutex_lock(&pool.lock);
    while (pool.running > 0)
        pthread_cond_wait(&pool.quiet, &pool.lock);
    job *sleepers = pool.sleepers;
    pool.sleepers = pool.sleepers_tail = NULL;
    posted *p = take_posts_locked();
    pthread_mutex_unlock(&pool.lock);
    queue_posts(p);
    for (job *j = sleepers; j; j = j->next_sleeper)
        j->timer = aio_call_later((double)j->sleep / (double)AIO_NS_PER_SEC, resume_sleeper, j);
}

static void resume_sleeper(void *arg)
{
    job *j = arg;
    aio_timer_cancel(j->timer); /* it has fired: this gives back our reference */
    j->timer = NULL;
    pthread_mutex_lock(&pool.lock);
    j->asleep = false;
    pool.running++;
    pthread_cond_broadcast(&pool.resumed);
    pthread_mutex_unlock(&pool.lock);
    wait_for_quiet();
}

/* The thread is quiet from now on: no longer one the loop waits for. */
static void quiet_locked(bool *counted)
{
    if (!*counted)
        return;
    *counted = false;
    if (--pool.running == 0)
        pthread_cond_signal(&pool.quiet);
}

bool aio_executor_time_sleep(aio_ns duration)
{
    job *j = current;
    if (!j)
        return false;
    pthread_mutex_lock(&pool.lock);
    j->asleep = true;
    j->sleep = duration;
    j->next_sleeper = NULL;
    if (pool.sleepers_tail)
        pool.sleepers_tail->next_sleeper = j;
    else
        pool.sleepers = j;
    pool.sleepers_tail = j;
    bool counted = true;
    quiet_locked(&counted);
    while (j->asleep && !pool.exiting)
        pthread_cond_wait(&pool.resumed, &pool.lock);
    pthread_mutex_unlock(&pool.lock);
    return true;
}

/* ---- the pool's threads --------------------------------------------------- */

static void job_done(void *arg);
static void set_joined(void *arg);

/* concurrent.futures.thread._worker. */
static void *worker(void *unused)
{
    (void)unused;
    on_worker = true;
    bool counted = true; /* a new thread is one the loop waits for */
    pthread_mutex_lock(&pool.lock);
    for (;;) {
        job *j;
        while (!(j = pool.head) && !pool.shutdown) {
            quiet_locked(&counted);
            pool.waiting++;
            pthread_cond_wait(&pool.work, &pool.lock);
            pool.waiting--;
            if (pool.tickets > 0) {
                pool.tickets--;
                counted = true;
            }
        }
        if (!j)
            break; /* shut down, and nothing left to run */
        pool.head = j->next;
        if (!pool.head)
            pool.tail = NULL;
        if (!j->cancelled) { /* set_running_or_notify_cancel() */
            j->started = true;
            pthread_mutex_unlock(&pool.lock);
            current = j;
            aio_value result = j->fn(j->arg);
            current = NULL;
            pthread_mutex_lock(&pool.lock);
            j->result = result;
        }
        post_locked(new_post(job_done, j));
        pool.idle++; /* executor._idle_semaphore.release() */
        pthread_mutex_unlock(&pool.lock);
        aio_loop_wakeup();
        pthread_mutex_lock(&pool.lock);
    }
    /* The last one out says so: shutdown_default_executor() waits for it. */
    if (++pool.threads_gone == pool.threads_made && !pool.exiting)
        post_locked(new_post(set_joined, NULL));
    quiet_locked(&counted);
    pthread_mutex_unlock(&pool.lock);
    aio_loop_wakeup();
    return NULL;
}

/* A thread that the loop's signals never reach: they are all handled on
 * the loop's thread (machinery/sigint.h).  Faults stay deliverable. */
static void start_thread_locked(void)
{
    sigset_t all, old;
    sigfillset(&all);
    sigdelset(&all, SIGSEGV);
    sigdelset(&all, SIGBUS);
    sigdelset(&all, SIGFPE);
    sigdelset(&all, SIGILL);
    sigdelset(&all, SIGABRT);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    int err = pthread_create(&pool.threads[pool.threads_made], NULL, worker, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (err != 0)
        aio_fatal("RuntimeError: can't start new thread (run_in_executor(): %s)", strerror(err));
    pool.threads_made++;
    pool.running++;
    aio_sigint_threads(+1);
}

static int default_max_workers(void)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    long n = (cpus > 0 ? cpus : 1) + 4;
    return n < MAX_WORKERS ? (int)n : MAX_WORKERS;
}

/* ---- run_in_executor --------------------------------------------------------- */

/* _call_check_cancel: the Future was cancelled, so is the job if it has
 * not started yet. */
static void check_cancel(aio_future *future, void *unused)
{
    (void)unused;
    executor_future *f = (executor_future *)future;
    if (!aio_future_cancelled(future) || !f->job)
        return;
    pthread_mutex_lock(&pool.lock);
    if (!f->job->started)
        f->job->cancelled = true;
    pthread_mutex_unlock(&pool.lock);
}

/* _call_set_state, then _copy_future_state: a cancelled Future keeps
 * its cancellation, and the result goes. */
static void job_done(void *arg)
{
    job *j = arg;
    executor_future *f = j->future;
    f->job = NULL;
    if (!aio_future_done(&f->future))
        aio_future_set_result(&f->future, j->result);
    aio_object_drop(j->arg);
    aio_object_drop(f);
    if (!is_virtual())
        aio_loop_hold_wakeups(-1);
    free(j);
}

aio_future *aio_run_in_executor(aio_thread_fn fn, void *arg)
{
    if (!aio_loop_is_running())
        aio_fatal("RuntimeError: no running event loop: run_in_executor() needs one; "
                  "call it from a coroutine under aio_run()");
    if (on_worker)
        aio_fatal("run_in_executor() called from a thread of the executor: only "
                  "call_soon_threadsafe() may be called there");
    if (shutdown_called) /* _check_default_executor() */
        aio_fatal("RuntimeError: Executor shutdown has been called (run_in_executor())");
    aio_stack_refuse(arg, "run_in_executor()");
    executor_future *f = (executor_future *)aio_future_new_sized(sizeof *f, "run_in_executor's Future");
    job *j = calloc(1, sizeof *j);
    if (!j)
        aio_fatal("MemoryError: no memory for run_in_executor()");
    j->fn = fn;
    j->arg = arg;
    j->future = f;
    f->job = j;
    /* What the thread is handed, and the Future it will set, live until
     * job_done() (machinery/object.h: holds). */
    aio_object_hold(arg);
    aio_object_hold(f);
    aio_future_add_done_callback(&f->future, check_cancel, NULL);
    if (!is_virtual())
        aio_loop_hold_wakeups(+1); /* the thread will post job_done() */

    pthread_mutex_lock(&pool.lock);
    if (pool.max_workers == 0)
        pool.max_workers = default_max_workers();
    if (pool.tail)
        pool.tail->next = j;
    else
        pool.head = j;
    pool.tail = j;
    /* work_queue.put(): a thread waiting for a job takes it. */
    if (pool.waiting > pool.tickets) {
        pool.tickets++;
        pool.running++;
    }
    pthread_cond_signal(&pool.work);
    /* _adjust_thread_count(): a new thread only when none is idle. */
    if (pool.idle > 0)
        pool.idle--;
    else if (pool.threads_made < pool.max_workers)
        start_thread_locked();
    pthread_mutex_unlock(&pool.lock);
    wait_for_quiet();
    return &f->future;
}

/* ---- to_thread ------------------------------------------------------------- */

/* The coroutine's first argument is fn, its bytes copied into the value
 * (ISO C has no conversion between function and object pointers). */
_Static_assert(sizeof(aio_thread_fn) <= sizeof(((aio_value *)0)->as), "a function pointer fits an aio_value");

static aio_status to_thread_body(const aio_value *args, aio_value *result)
{
    if (!aio_loop_is_running()) /* events.get_running_loop() */
        return aio_raise_in("asyncio.to_thread()", AIO_RUNTIME_ERROR, "no running event loop");
    aio_thread_fn fn;
    memcpy(&fn, &args[0].as, sizeof fn);
    return aio_await(aio_run_in_executor(fn, args[1].as.p), result);
}

aio_coro *aio_to_thread(aio_thread_fn fn, void *arg)
{
    aio_value f = aio_int(0);
    memcpy(&f.as, &fn, sizeof fn);
    return aio_coro_new2("to_thread", to_thread_body, f, aio_ptr(arg));
}

/* ---- shutdown_default_executor ---------------------------------------------- */

static void set_joined(void *arg)
{
    (void)arg;
    if (joined && !aio_future_done(joined))
        aio_future_set_result(joined, aio_none());
}

void aio_executor_open(void)
{
    loop_thread = pthread_self();
    shutdown_called = false;
    joined = NULL;
    atomic_store(&accepting, true);
}

aio_future *aio_executor_shutdown_begin(void)
{
    shutdown_called = true;
    pthread_mutex_lock(&pool.lock);
    int made = pool.threads_made;
    if (made > 0) {
        pool.shutdown = true;
        /* Every thread waiting for a job wakes, to end. */
        int woken = pool.waiting - pool.tickets;
        pool.tickets += woken;
        pool.running += woken;
        pthread_cond_broadcast(&pool.work);
    }
    pthread_mutex_unlock(&pool.lock);
    if (made == 0)
        return NULL; /* no default executor: nothing to wait for */
    joined = aio_future_new_sized(sizeof *joined, "shutdown_default_executor's Future");
    aio_object_hold(joined);
    if (!is_virtual())
        aio_loop_hold_wakeups(+1); /* the last thread will post set_joined() */
    wait_for_quiet();
    return joined;
}

static void join_threads(void)
{
    for (int i = 0; i < pool.threads_made; i++) {
        pthread_join(pool.threads[i], NULL);
        aio_sigint_threads(-1);
    }
    pthread_mutex_lock(&pool.lock);
    posted *p = take_posts_locked();
    pool.threads_made = pool.threads_gone = 0;
    pool.idle = pool.waiting = pool.running = pool.tickets = 0;
    pool.sleepers = pool.sleepers_tail = NULL;
    pool.shutdown = pool.exiting = false;
    pthread_mutex_unlock(&pool.lock);
    drop_posts(p);
}

void aio_executor_shutdown_end(void)
{
    if (joined) {
        if (!is_virtual())
            aio_loop_hold_wakeups(-1);
        aio_object_drop(joined);
        joined = NULL;
    }
    join_threads();
}

void aio_executor_close(void)
{
    atomic_store(&accepting, false);
    pthread_mutex_lock(&pool.lock);
    posted *p = take_posts_locked();
    pthread_mutex_unlock(&pool.lock);
    drop_posts(p);
}

void aio_executor_join_for_exit(void)
{
    atomic_store(&accepting, false);
    pthread_mutex_lock(&pool.lock);
    pool.shutdown = pool.exiting = true;
    pthread_cond_broadcast(&pool.work);
    pthread_cond_broadcast(&pool.resumed);
    pthread_mutex_unlock(&pool.lock);
    join_threads();
}
