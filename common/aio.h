/* aio: asyncio's core, rebuilt in C.  The front door: everything a chapter
 * uses, and nothing more, in the order the post introduces it.  Each
 * declaration names the Python it stands for.  common/README.md gives the
 * files behind it, and the order to read them in. */
#ifndef AIO_H
#define AIO_H

#include <stdbool.h>
#include <stddef.h>

/* Taken on trust (common/machinery/): exceptions as status codes,
 * Python values, and print(). */
#include "machinery/print.h"
#include "machinery/status.h"
#include "machinery/value.h"

/* ---- The objects (section 4 draws their family tree) -------------------
 *
 * Awaitable is the base of everything `await` accepts: it is a pointer to
 * a type whose `await` slot plays __await__.  Coroutine and Future extend
 * Awaitable, and Task extends Future.  Only Awaitable is open, so that you
 * can make an awaitable of your own (chapter 13); the others are reached
 * through the functions below. */

typedef struct aio_awaitable aio_awaitable;

typedef struct aio_awaitable_type {
    const char *type_repr;  /* what print(type(x)) shows: "<class 'coroutine'>" */
    aio_status (*await)(aio_awaitable *self, aio_value *result); /* __await__ */
    void (*finalize)(aio_awaitable *self); /* before its memory is reclaimed; may be NULL */
    /* Optional.  __bases__: the type it extends (a Task's is Future's). */
    const struct aio_awaitable_type *base;
    /* Optional.  What the trace (AIO_TRACE=1) calls it: "delay()", "Task-2". */
    const char *(*describe)(const aio_awaitable *self, char *buf, size_t size);
} aio_awaitable_type;

struct aio_awaitable {
    const aio_awaitable_type *type;
};

typedef struct aio_coro aio_coro;
typedef struct aio_future aio_future;
typedef struct aio_task aio_task;

/* ---- 1-1 Coroutine objects (coroutine.c) --------------------------------
 * Calling an `async def` function runs none of its body: it only makes a
 * coroutine object.  In C, a "coroutine function" is a plain function
 * that returns aio_coro_new(...); its body is `fn`, called with the
 * arguments.  A coroutine never awaited is reported at exit with CPython's
 * RuntimeWarning. */
typedef aio_status (*aio_coro_fn)(const aio_value *args, aio_value *result);
aio_coro *aio_coro_new(const char *name, aio_coro_fn fn, aio_value arg);
aio_coro *aio_coro_new2(const char *name, aio_coro_fn fn, aio_value arg0, aio_value arg1);
char *aio_coro_repr(const aio_coro *coro, char *buf, size_t size);

/* ---- 1-2 asyncio.run (run.c) --------------------------------------------
 * New loop; run `main` as a task to completion; cancel what is left; close
 * the loop and free every object created while it ran.  Returns main's
 * status, and its return value in *result (if result is not NULL). */
aio_status aio_run(aio_coro *main, aio_value *result);

/* ---- 1-3 await (await.c) ------------------------------------------------
 * `result = await x` for any awaitable: a coroutine, a Future, a Task or
 * one of your own.  Only valid inside a running task.  When the await
 * raises, *result is None, never what the variable held before.  C11's
 * _Generic picks the conversion to the Awaitable base so that one
 * spelling works for all four, as one `await` keyword does in Python. */
aio_status aio_await_awaitable(aio_awaitable *awaitable, aio_value *result);
#define aio_await(x, result) aio_await_awaitable(aio_as_awaitable(x), (result))
#define aio_as_awaitable(x) _Generic((x),        \
        aio_coro *: aio_coro_awaitable,          \
        aio_future *: aio_future_awaitable,      \
        aio_task *: aio_task_awaitable,          \
        aio_awaitable *: aio_awaitable_self)(x)
aio_awaitable *aio_coro_awaitable(aio_coro *coro);
aio_awaitable *aio_future_awaitable(aio_future *future);
aio_awaitable *aio_task_awaitable(aio_task *task);
aio_awaitable *aio_awaitable_self(aio_awaitable *awaitable);

/* The two ways a task gives the loop control, for awaitables of your own:
 * block until `future` is done, or (future NULL) a bare `yield` that lets
 * every other ready callback run once.  Return what the task is resumed
 * with: AIO_OK, or the exception (e.g. AIO_CANCELLED) to raise there. */
aio_status aio_task_yield(aio_future *future);

/* ---- 1-4 asyncio.sleep (sleep.c), and the clock -------------------------
 * A coroutine that finishes `seconds` later; sleep(0) yields exactly once. */
aio_coro *aio_sleep(double seconds);
/* loop.time(), in seconds. */
double aio_loop_time(void);
/* time.sleep(): blocks the whole thread, loop and all (chapter 14). */
void aio_time_sleep(double seconds);

/* ---- 2-1 asyncio.create_task (task.c) -----------------------------------
 * Wrap `coro` in a Task and schedule its first step with call_soon: it
 * starts only when the running task next gives the loop control. */
aio_task *aio_create_task(aio_coro *coro);
aio_task *aio_current_task(void);
/* A Task is a Future: this is the same object, seen as its base. */
aio_future *aio_task_future(aio_task *task);

/* ---- 2-4 Task.cancel, done, cancelled (cancel.c) ------------------------
 * cancel() only asks: CancelledError is raised inside the task at the
 * await where it is blocked, or at its next one. */
bool aio_task_cancel(aio_task *task);
bool aio_task_done(const aio_task *task);
bool aio_task_cancelled(const aio_task *task);
/* Task.cancelling(): how many cancel requests it has had (3.11). */
int aio_task_cancelling(const aio_task *task);
/* Task.uncancel(): take one request back, returning how many are left
 * (3.11).  From 3.13 on, the last one also drops a cancel still waiting
 * for the task's next await.  asyncio.timeout() is its main user. */
int aio_task_uncancel(aio_task *task);
aio_status aio_task_result(aio_task *task, aio_value *result);

/* ---- 2-5 asyncio.wait_for and asyncio.shield (wait_for.c, shield.c) -----
 * wait_for: a coroutine; on timeout it cancels what it waited for, waits
 * until that has really finished, then raises TimeoutError.  3.12 and
 * later (AIO_PYTHON) build it on asyncio.timeout() instead: a coroutine
 * runs in the caller's own task, and the caller waits on a task directly.
 * A negative timeout counts as 0, as in CPython.
 * shield: a Future that follows `awaitable` but whose cancellation does
 * not reach it. */
#define AIO_NO_TIMEOUT (1.0 / 0.0) /* timeout=None */
aio_coro *aio_wait_for_awaitable(aio_awaitable *awaitable, double timeout);
aio_future *aio_shield_awaitable(aio_awaitable *awaitable);
#define aio_wait_for(x, timeout) aio_wait_for_awaitable(aio_as_awaitable(x), (timeout))
#define aio_shield(x) aio_shield_awaitable(aio_as_awaitable(x))

/* ---- asyncio.timeout (timeout.c) ----------------------------------------
 * `async with asyncio.timeout(delay):` (3.11), in three calls:
 *
 *     aio_timeout *t = aio_timeout_new(delay);   // AIO_NO_TIMEOUT: None
 *     aio_status status = aio_timeout_enter(t);  // __aenter__
 *     if (status == AIO_OK)
 *         status = <the body's awaits>;
 *     status = aio_timeout_exit(t, status);      // __aexit__
 *
 * At the deadline the task is cancelled; exit turns that cancellation
 * (and only that one) into TimeoutError.  3.12's wait_for is built on it. */
typedef struct aio_timeout aio_timeout;
aio_timeout *aio_timeout_new(double delay);   /* asyncio.timeout(delay) */
aio_timeout *aio_timeout_at(double when);     /* asyncio.timeout_at(when), in loop time */
aio_status aio_timeout_enter(aio_timeout *timeout);
aio_status aio_timeout_exit(aio_timeout *timeout, aio_status body);
double aio_timeout_when(const aio_timeout *timeout);                 /* when(); AIO_NO_TIMEOUT: None */
aio_status aio_timeout_reschedule(aio_timeout *timeout, double when); /* AIO_NO_TIMEOUT: None */
bool aio_timeout_expired(const aio_timeout *timeout);
/* "<Timeout [active] when=3.0>", "<Timeout [expired]>" */
char *aio_timeout_repr(const aio_timeout *timeout, char *buf, size_t size);

/* ---- 3 Future (future.c) ------------------------------------------------
 * From 3.12 on, a Future made while no loop runs is the moment CPython
 * warns "There is no current event loop", naming the line that made it:
 * hence the macro, which passes that line along. */
aio_future *aio_future_new(void);
aio_future *aio_future_new_at(const char *file, int line);
#define aio_future_new() aio_future_new_at(__FILE__, __LINE__)
bool aio_future_done(const aio_future *future);
bool aio_future_cancelled(const aio_future *future);
/* result(): when it raises, *result is None, as after a failed await. */
aio_status aio_future_result(aio_future *future, aio_value *result);
/* future.exception(): *exception is AIO_OK when it finished normally,
 * and when exception() itself raises (pending, or cancelled). */
aio_status aio_future_exception(aio_future *future, aio_status *exception);
/* str(future.exception()): its message, "" if none.  Reading it does not
 * count as retrieving the exception. */
const char *aio_future_exception_message(const aio_future *future);
aio_status aio_future_set_result(aio_future *future, aio_value result);
aio_status aio_future_set_exception(aio_future *future, aio_status exception, const char *message);
/* future.cancel(); on a Task this is Task.cancel(), as Python's method lookup would make it. */
bool aio_future_cancel(aio_future *future);
/* Callbacks run through call_soon, in registration order: never inline. */
typedef void (*aio_done_callback)(aio_future *future, void *arg);
void aio_future_add_done_callback(aio_future *future, aio_done_callback fn, void *arg);
size_t aio_future_remove_done_callback(aio_future *future, aio_done_callback fn, void *arg);
/* repr(): "<Future finished result=42>", "<Task pending name='Task-1' ...>". */
char *aio_future_repr(const aio_future *future, char *buf, size_t size);

/* ---- 4 Awaitable (awaitable.c) ------------------------------------------
 * type(x) as print() shows it, e.g. "<class '_asyncio.Task'>". */
#define aio_type(x) (aio_as_awaitable(x)->type->type_repr)
/* isinstance(x, asyncio.Future): true for Futures and Tasks. */
bool aio_is_future(const aio_awaitable *awaitable);

/* ---- The event loop (loop.c) --------------------------------------------
 * loop.call_soon, loop.call_later (a TimerHandle; cancelling it also gives
 * back your reference, and is harmless after it fired), and
 * loop.add_reader / remove_reader.  Everything above is built on these. */
typedef void (*aio_callback)(void *arg);
typedef struct aio_handle aio_handle;
void aio_call_soon(aio_callback callback, void *arg);
aio_handle *aio_call_later(double delay, aio_callback callback, void *arg);
void aio_timer_cancel(aio_handle *timer);
bool aio_add_reader(int fd, aio_callback callback, void *arg);
bool aio_remove_reader(int fd);

/* ---- asyncio.gather (gather.c) -------------------------------------------
 * gather(*aws, return_exceptions=False): one Future (a _GatheringFuture)
 * over many awaitables, all running at once, each coroutine in a Task of
 * its own.  It finishes with their results in argument order, whatever
 * order they finish in; or with the first exception, while the others run
 * on; with return_exceptions, exceptions are results like any other.
 * Cancelling it cancels every child not done yet.  The same awaitable
 * twice is one child; gather() of nothing is a plain Future, done, [].
 *
 * aio_value has no list, so the result is the list as print() shows it,
 * a str: "[3, 1, 2]", "[1, ValueError('boom')]".  The items come from the
 * Future: aio_gather_count() is len(results) (0 until the list is there)
 * and aio_gather_result() is results[i]: AIO_OK and its value, or (with
 * return_exceptions) the exception it is, raised, so that
 * aio_exception_message() reads its message.
 *
 * aio_gather(a, b, ...) takes 1 to 8 awaitables; none, or more, go through
 * aio_gather_awaitables().  C evaluates the arguments in no fixed order:
 * where the order of Tasks matters, create them before the call. */
aio_future *aio_gather_awaitables(size_t count, aio_awaitable *const *awaitables, bool return_exceptions);
size_t aio_gather_count(const aio_future *gathering);
aio_status aio_gather_result(const aio_future *gathering, size_t i, aio_value *result);
#define aio_gather(...) AIO_GATHER(false, __VA_ARGS__)
#define aio_gather_return_exceptions(...) AIO_GATHER(true, __VA_ARGS__)
/* How those two count their arguments and convert each to an Awaitable. */
#define AIO_GATHER(flag, ...)                                                        \
    aio_gather_awaitables(AIO_GATHER_COUNT(__VA_ARGS__),                             \
        (aio_awaitable *[]){ AIO_GATHER_EACH(AIO_GATHER_COUNT(__VA_ARGS__), __VA_ARGS__) }, (flag))
#define AIO_GATHER_COUNT(...) AIO_GATHER_NTH(__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define AIO_GATHER_NTH(a1, a2, a3, a4, a5, a6, a7, a8, n, ...) n
#define AIO_GATHER_EACH(n, ...) AIO_GATHER_EACH_(n, __VA_ARGS__)
#define AIO_GATHER_EACH_(n, ...) AIO_GATHER_##n(__VA_ARGS__)
#define AIO_GATHER_1(x) aio_as_awaitable(x)
#define AIO_GATHER_2(x, ...) aio_as_awaitable(x), AIO_GATHER_1(__VA_ARGS__)
#define AIO_GATHER_3(x, ...) aio_as_awaitable(x), AIO_GATHER_2(__VA_ARGS__)
#define AIO_GATHER_4(x, ...) aio_as_awaitable(x), AIO_GATHER_3(__VA_ARGS__)
#define AIO_GATHER_5(x, ...) aio_as_awaitable(x), AIO_GATHER_4(__VA_ARGS__)
#define AIO_GATHER_6(x, ...) aio_as_awaitable(x), AIO_GATHER_5(__VA_ARGS__)
#define AIO_GATHER_7(x, ...) aio_as_awaitable(x), AIO_GATHER_6(__VA_ARGS__)
#define AIO_GATHER_8(x, ...) aio_as_awaitable(x), AIO_GATHER_7(__VA_ARGS__)

/* ---- asyncio.as_completed (as_completed.c) --------------------------------
 * as_completed(fs, timeout=None): the awaitables run at once, each
 * coroutine in a Task of its own, and come back in the order they finish.
 * Each next() gives a new coroutine whose await returns the result of the
 * next one to finish, or raises its exception; NULL once it has given one
 * per awaitable (StopIteration).  At the timeout every await still to come
 * raises TimeoutError, and what is still running runs on: nothing is
 * cancelled.  AIO_NO_TIMEOUT is timeout=None; a NaN timeout is due at
 * once, as CPython's loop takes it.  3.11 and 3.12 give a generator: the
 * Tasks are made at the first next().  3.13 (AIO_PYTHON) makes them at
 * the call, and is an async iterator too: aio_as_completed_anext() is one
 * step of `async for f in it`, and gives the Futures themselves (a
 * coroutine's Task), NULL at the end; before 3.13 it raises TypeError, as
 * `async for` over a generator does.  The coroutines are named as
 * CPython's (__qualname__), in the trace and in the never-awaited warning:
 * "as_completed.<locals>._wait_for_one", "_AsCompletedIterator._wait_for_one".
 *
 *     aio_as_completed *it = aio_as_completed(AIO_NO_TIMEOUT, a, b, c);
 *     for (aio_coro *next; (next = aio_as_completed_next(it));)  // for next in it:
 *         status = aio_await(next, &result);                    //     await next
 *
 * aio_as_completed(timeout, a, b, ...) takes 1 to 8 awaitables, counted
 * as gather's are; none, or more, go through aio_as_completed_awaitables().
 * The same awaitable twice is one.  CPython makes the Tasks in the order
 * of a set, which is none in particular; we make them in the order given. */
typedef struct aio_as_completed aio_as_completed;
aio_as_completed *aio_as_completed_awaitables(size_t count, aio_awaitable *const *awaitables, double timeout);
aio_coro *aio_as_completed_next(aio_as_completed *it);
aio_status aio_as_completed_anext(aio_as_completed *it, aio_future **next);
#define aio_as_completed(timeout, ...)                                                 \
    aio_as_completed_awaitables(AIO_GATHER_COUNT(__VA_ARGS__),                         \
        (aio_awaitable *[]){ AIO_GATHER_EACH(AIO_GATHER_COUNT(__VA_ARGS__), __VA_ARGS__) }, (timeout))

/* ---- asyncio.wait (wait.c) ------------------------------------------------
 * wait(fs, timeout=None, return_when=ALL_COMPLETED): a coroutine that
 * waits on Futures and Tasks until return_when is met or the timeout
 * passes, and returns (done, pending).  It raises none of their exceptions
 * and cancels nothing: what is pending runs on, even when the task in
 * wait() is itself cancelled.  FIRST_EXCEPTION returns once one raises (a
 * cancelled one does not count) or all are done.  AIO_NO_TIMEOUT is
 * timeout=None; a NaN timeout is due at once, as CPython's loop takes it.
 * Its refusals come when it is awaited, as CPython's: ValueError "Set of
 * Tasks/Futures is empty." for none at all, ValueError "Invalid
 * return_when value: N", and TypeError "Passing coroutines is forbidden,
 * use tasks explicitly." for a coroutine among them (3.11, 3.12 and 3.13
 * alike: wrap it in a Task first); another awaitable that is no Future
 * raises AttributeError's message as a plain Exception (AIO_ERROR).
 *
 * aio_value has no tuple and no set, so the result is the pair as a str
 * that names each Future, "({Task-3}, {Task-2, Task-4})", "set()" for an
 * empty one, and the accessors below read the sets behind it:
 * aio_wait_done_count(result) is len(done).  A set has no order: they give
 * each set's Futures in the order they were passed to wait(), the order a
 * twin prints with sorted(done, key=tasks.index).  The str itself can be
 * printed until aio_run() returns; the sets can be read while the
 * coroutine call that made the wait() runs (its frame owns them), and any
 * other value is refused in one line.  To hand the sets on, hand on the
 * Futures: aio_wait_done(result, i) is one of them.
 *
 * aio_wait(timeout, return_when, a, b, ...) takes 1 to 8 awaitables,
 * counted as gather's are; none, or more, go through aio_wait_awaitables().
 * The same awaitable twice is one. */
typedef enum aio_return_when { AIO_ALL_COMPLETED, AIO_FIRST_COMPLETED, AIO_FIRST_EXCEPTION } aio_return_when;
aio_coro *aio_wait_awaitables(size_t count, aio_awaitable *const *awaitables, double timeout,
                              aio_return_when return_when);
size_t aio_wait_done_count(aio_value result);             /* len(done) */
aio_future *aio_wait_done(aio_value result, size_t i);    /* the i-th of done */
size_t aio_wait_pending_count(aio_value result);          /* len(pending) */
aio_future *aio_wait_pending(aio_value result, size_t i); /* the i-th of pending */
#define aio_wait(timeout, return_when, ...)                                            \
    aio_wait_awaitables(AIO_GATHER_COUNT(__VA_ARGS__),                                 \
        (aio_awaitable *[]){ AIO_GATHER_EACH(AIO_GATHER_COUNT(__VA_ARGS__), __VA_ARGS__) }, (timeout), (return_when))

/* ---- asyncio.TaskGroup (task_group.c) ------------------------------------
 * `async with asyncio.TaskGroup() as group:` (3.11), in three calls, as
 * for asyncio.timeout(); call exit only once enter has returned AIO_OK,
 * as `async with` calls __aexit__ only after __aenter__ succeeded:
 *
 *     aio_task_group *group = aio_task_group_new();     // TaskGroup()
 *     aio_status status = aio_task_group_enter(group);  // __aenter__
 *     if (status == AIO_OK) {
 *         status = aio_task_group_create_task(group, coro, &task);
 *         if (status == AIO_OK)
 *             status = <the body's awaits>;
 *         status = aio_task_group_exit(group, status);  // __aexit__
 *     }
 *
 * Exit waits until every task of the group is done.  The first task that
 * fails cancels the others and the body (the task that entered: its await
 * raises CancelledError), and exit raises every failure, the body's own
 * last, as one ExceptionGroup (AIO_EXCEPTION_GROUP; AIO_BASE_EXCEPTION_GROUP
 * when one of them is not an Exception, such as GeneratorExit).
 * KeyboardInterrupt and SystemExit come out as they are, and so does a
 * CancelledError from outside when nothing failed.  create_task() returns
 * the Task in *task (task may be NULL), or raises RuntimeError on a group
 * not entered, finished, or shutting down: "TaskGroup <TaskGroup
 * cancelling> is shutting down".  3.13 (AIO_PYTHON) then closes the
 * coroutine, which can no longer be awaited.
 * repr: "<TaskGroup tasks=2 errors=1 cancelling>", "<TaskGroup entered>". */
typedef struct aio_task_group aio_task_group;
aio_task_group *aio_task_group_new(void);
aio_status aio_task_group_enter(aio_task_group *group);
aio_status aio_task_group_exit(aio_task_group *group, aio_status body);
aio_status aio_task_group_create_task(aio_task_group *group, aio_coro *coro, aio_task **task);
char *aio_task_group_repr(const aio_task_group *group, char *buf, size_t size);

/* The ExceptionGroup: its message, str(group), is what
 * aio_exception_message() gives, "unhandled errors in a TaskGroup (2
 * sub-exceptions)".  Its sub-exceptions are read from the group object:
 * aio_exception_group_caught() is the exception last raised in this task
 * (an await that returned AIO_EXCEPTION_GROUP), if it is a group, else
 * NULL.  It lives until aio_run() returns, as a message does.  Python's
 * `except* ValueError` is a loop over it, testing each status:
 *
 *     const aio_exception_group *eg = aio_exception_group_caught();
 *     for (size_t i = 0; i < aio_exception_group_count(eg); i++)  // eg.exceptions
 *         if (aio_exception_group_status(eg, i) == AIO_VALUE_ERROR)
 *             aio_print("%s", aio_exception_group_message(eg, i));
 *
 * A sub-exception that is itself a group (a TaskGroup in a TaskGroup) is
 * read through aio_exception_group_sub(), NULL for any other.  repr:
 * "ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('b')])". */
typedef struct aio_exception_group aio_exception_group;
const aio_exception_group *aio_exception_group_caught(void);
size_t aio_exception_group_count(const aio_exception_group *group);    /* 0 for NULL */
aio_status aio_exception_group_status(const aio_exception_group *group, size_t i);
const char *aio_exception_group_message(const aio_exception_group *group, size_t i);
const aio_exception_group *aio_exception_group_sub(const aio_exception_group *group, size_t i);
char *aio_exception_group_repr(const aio_exception_group *group, char *buf, size_t size);

/* ---- asyncio.Queue (queue.c) ----------------------------------------------
 * Queue(maxsize): items in, first in first out, between tasks.  maxsize 0
 * (or less) is no limit; otherwise put() waits while the queue is full,
 * which holds a producer back to the pace of its consumers.  put(), get()
 * and join() are coroutines, to await; get() gives the item as its result.
 * The _nowait forms never wait: QueueFull (AIO_QUEUE_FULL), QueueEmpty
 * (AIO_QUEUE_EMPTY).  Each put counts one unfinished task; task_done()
 * says one item is processed (ValueError when none is unfinished), and
 * join() waits until none is.  repr: "<Queue at 0x... maxsize=2
 * _queue=['a1'] _getters[1] tasks=1>"; str: the same without "at 0x...".
 *
 * 3.13 (AIO_PYTHON) adds shutdown(immediate): from then on put() raises
 * QueueShutDown (AIO_QUEUE_SHUT_DOWN), and get() too once the queue is
 * empty; immediate=True empties it at once, each item counted done.
 * Every task waiting in put() or get() is woken to find that out.  Before
 * 3.13, Queue has no shutdown: aio_queue_has_shutdown() is hasattr(queue,
 * 'shutdown'), and calling it anyway is Python's AttributeError, here a
 * one-line `aio:` fatal naming the version.
 *
 * An item is an aio_value, kept past the step that put it: a pointer or
 * str into a task's stack is refused.  One of the loop's objects (a Task,
 * a Future) is held while it is in the queue; taken out, it lives by the
 * rule at the end of this file (a Task still pending lives on).  A Queue
 * made before aio_run() belongs to the first loop it waits in: waiting in
 * it under another raises RuntimeError, as CPython's does. */
typedef struct aio_queue aio_queue;
aio_queue *aio_queue_new(long maxsize);                          /* asyncio.Queue(maxsize) */
aio_coro *aio_queue_put(aio_queue *queue, aio_value item);       /* queue.put(item) */
aio_coro *aio_queue_get(aio_queue *queue);                       /* queue.get() */
aio_status aio_queue_put_nowait(aio_queue *queue, aio_value item);
aio_status aio_queue_get_nowait(aio_queue *queue, aio_value *item); /* *item None if it raises */
aio_status aio_queue_task_done(aio_queue *queue);
aio_coro *aio_queue_join(aio_queue *queue);                      /* queue.join() */
size_t aio_queue_qsize(const aio_queue *queue);
long aio_queue_maxsize(const aio_queue *queue);
bool aio_queue_empty(const aio_queue *queue);
bool aio_queue_full(const aio_queue *queue);
bool aio_queue_has_shutdown(void);                               /* 3.13 and later */
void aio_queue_shutdown(aio_queue *queue, bool immediate);
char *aio_queue_repr(const aio_queue *queue, char *buf, size_t size);
char *aio_queue_str(const aio_queue *queue, char *buf, size_t size);

/* ---- Sockets on the loop (sock.c), as selector_events.py builds them ------
 * loop.add_writer / remove_writer: as add_reader, for a descriptor that
 * can be written to.  Readers and writers are watched with poll(2), so
 * any number of descriptors, of any value, can be (select() stops at
 * FD_SETSIZE, 1024).
 *
 * A socket is its file descriptor, and it must be non-blocking
 * (O_NONBLOCK): each call refuses a blocking one with ValueError "the
 * socket must be non-blocking" (CPython checks in debug mode only).  Each
 * sock_* call is a coroutine: it tries the system call first, and only on
 * EAGAIN registers a reader or writer whose callback completes a Future
 * it awaits; that Future's done callback removes the registration, so a
 * cancelled call leaves nothing watched.  The system call itself always
 * runs in the awaiting task, so `buf` may be on that task's stack (but a
 * call handed to create_task() must not read into the creator's stack: it
 * is refused).  Two calls waiting on one socket at once: the second's
 * reader replaces the first's, which then waits until cancelled, as in
 * CPython 3.11.  Errors raise as CPython's do, each with its "[Errno N]
 * text" message: ConnectionResetError, BrokenPipeError (never SIGPIPE),
 * ConnectionRefusedError, ConnectionAbortedError, TimeoutError for
 * ETIMEDOUT, and OSError for the rest.
 *
 *   aio_sock_accept(fd)           loop.sock_accept: result the new
 *                                 connection's descriptor (an int), already
 *                                 non-blocking and close-on-exec; CPython
 *                                 gives (conn, address): getpeername()
 *                                 tells the address
 *   aio_sock_recv(fd, buf, n)     loop.sock_recv: result how many bytes it
 *                                 read into buf (an int), 0 at EOF
 *   aio_sock_sendall(fd, buf, n)  loop.sock_sendall: result None once all n
 *                                 bytes are sent
 *   aio_sock_connect(fd, addr, len) loop.sock_connect: result None once
 *                                 connected; the address is copied, and a
 *                                 failure says "Connect call failed
 *                                 ('127.0.0.1', 9)" as CPython's does */
bool aio_add_writer(int fd, aio_callback callback, void *arg);
bool aio_remove_writer(int fd);
struct sockaddr;
aio_coro *aio_sock_accept(int fd);
aio_coro *aio_sock_recv(int fd, void *buf, size_t n);
aio_coro *aio_sock_sendall(int fd, const void *buf, size_t n);
aio_coro *aio_sock_connect(int fd, const struct sockaddr *addr, unsigned addrlen);

/* ---- Signals (signals.c) --------------------------------------------------
 * loop.add_signal_handler(sig, callback, arg): from the next delivery of
 * `sig` on, `callback(arg)` runs on the loop (through call_soon, two
 * iterations after the signal, as in CPython) instead of its action;
 * adding one again replaces it.  loop.remove_signal_handler(sig): the
 * signal gets its default action back (SIGINT: Python's
 * default_int_handler, KeyboardInterrupt at once, not asyncio.run()'s
 * handler), and *removed says whether there was a handler.  Closing the
 * loop (the end of aio_run()) removes every handler left.
 * The C handler only records the signal and wakes the loop's wait at
 * once, through its self-pipe (CPython: signal.set_wakeup_fd()).
 * Refused, as CPython refuses: a number that is no signal (ValueError
 * "invalid signal number N": 0, 32 and 33 on Linux, NSIG and above),
 * SIGKILL and SIGSTOP (RuntimeError "sig N cannot be caught"), and
 * adding one outside a running loop (RuntimeError "no running event
 * loop").  A loop that waits for nothing but a signal waits for real
 * (under the virtual clock too), instead of reporting a deadlock. */
aio_status aio_add_signal_handler(int sig, aio_callback callback, void *arg);
aio_status aio_remove_signal_handler(int sig, bool *removed);

/* ---- Threads (executor.c) -------------------------------------------------
 * loop.run_in_executor(None, fn, arg) and asyncio.to_thread(fn, arg): run
 * `fn(arg)` on a thread of the loop's default pool (ThreadPoolExecutor:
 * min(32, cpus + 4) threads, each made when a job comes and none is
 * idle), and give a Future (run_in_executor) or a coroutine (to_thread,
 * which calls run_in_executor when it runs) whose result is fn's return
 * value.  Cancelling that Future cancels a job still waiting for a
 * thread; one already running runs to its end, and its result is dropped.
 * fn runs on another thread: it must not call the loop, nor any aio_
 * function but aio_call_soon_threadsafe(), aio_time_sleep() and
 * aio_print(); it cannot raise.  `arg` is held while the job runs (an
 * object of ours lives at least that long) and must not point into a
 * task's stack (refused).  With no loop running, run_in_executor() stops
 * the program with CPython's RuntimeError, in one `aio:` line.
 * loop.call_soon_threadsafe(callback, arg): the one loop call another
 * thread may make (not a signal handler: see add_signal_handler above);
 * callback(arg) runs on the loop, and its wait wakes at once (the
 * self-pipe).  With no loop open: "aio: RuntimeError: Event loop is
 * closed", and the program stops.  A thread of your own may call it too,
 * but the loop waits only for the pool: with nothing else to wait for,
 * it reports a deadlock where CPython would wait for that thread.
 * When aio_run() ends (shutdown_default_executor()), the jobs still
 * running and queued run to their ends while the loop runs, then the
 * threads are joined; each aio_run() has a pool of its own.
 * Under AIO_CLOCK=virtual, a time.sleep() in a job lasts its time in loop
 * time without moving the clock itself: the loop and the pool take turns
 * (executor.c), so that jobs that sleep at once overlap, as they do in
 * real time, and every run prints the same, at the same loop times, as
 * its twin under scripts/twin.py.  CPU work in a job takes no loop time,
 * and a job that waits for anything else (the loop, another job, a file)
 * holds the loop until it is done, under that clock only. */
typedef aio_value (*aio_thread_fn)(void *arg);
void aio_call_soon_threadsafe(aio_callback callback, void *arg);
aio_future *aio_run_in_executor(aio_thread_fn fn, void *arg);
aio_coro *aio_to_thread(aio_thread_fn fn, void *arg);

/* ---- Lifetime ------------------------------------------------------------
 * Python frees an object when nothing refers to it.  Here an object lives
 * while the coroutine call that made it is running, while it is pending
 * (a Future not done, a coroutine not finished), and while a callback, a
 * Task or another coroutine holds it; then the loop reuses its memory
 * (machinery/object.h has the rule, common/README.md what it means for
 * you).  A chapter never frees anything.  What you hold is a handle: one
 * kept past its object is refused in one clear line, and a finished
 * coroutine awaited again still raises RuntimeError. */
#ifndef AIO_INTERNAL
#include "machinery/handles.h"
#endif

#endif
