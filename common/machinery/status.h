/* Exceptions, as C sees them: every asyncio operation that can raise
 * returns an aio_status instead.  AIO_OK means "no exception".
 *
 *   aio_status            Python exception
 *   --------------------  ------------------------------------------------
 *   AIO_OK                (none: the call returned normally)
 *   AIO_CANCELLED         asyncio.CancelledError
 *   AIO_TIMEOUT           TimeoutError (asyncio.TimeoutError is an alias)
 *   AIO_INVALID_STATE     asyncio.InvalidStateError
 *   AIO_RUNTIME_ERROR     RuntimeError (reusing a coroutine, nested run)
 *   AIO_VALUE_ERROR       ValueError (a bad argument, e.g. a NaN delay)
 *   AIO_MEMORY_ERROR      MemoryError (no memory left for a task's stack)
 *   AIO_ERROR             Exception raised by your own code
 *   AIO_TYPE_ERROR        TypeError (set_exception() given no exception)
 *   AIO_RECURSION_ERROR   RecursionError (cancel() down a cycle of awaits)
 *   AIO_KEYBOARD_INTERRUPT KeyboardInterrupt (Ctrl-C during aio_run())
 *   AIO_GENERATOR_EXIT    GeneratorExit (a Task abandoned at loop close is
 *                         closed: it is raised at the await it waits in)
 *
 * Part II's (chapters 15 and on):
 *   AIO_SYSTEM_EXIT       SystemExit (TaskGroup lets it through as it is)
 *   AIO_EXCEPTION_GROUP   ExceptionGroup (what a failed TaskGroup raises;
 *                         task_group.c reads its sub-exceptions)
 *   AIO_BASE_EXCEPTION_GROUP BaseExceptionGroup
 *   AIO_QUEUE_EMPTY       asyncio.QueueEmpty (get_nowait() of an empty Queue)
 *   AIO_QUEUE_FULL        asyncio.QueueFull (put_nowait() of a full Queue)
 *   AIO_QUEUE_SHUT_DOWN   asyncio.QueueShutDown (3.13: a Queue shut down)
 *   AIO_OS_ERROR          OSError, its message "[Errno N] text"
 *   AIO_CONNECTION_RESET  ConnectionResetError (ECONNRESET)
 *   AIO_BROKEN_PIPE       BrokenPipeError (EPIPE)
 *   AIO_CONNECTION_REFUSED ConnectionRefusedError (ECONNREFUSED)
 *   AIO_CONNECTION_ABORTED ConnectionAbortedError (ECONNABORTED)
 *
 * A coroutine "raises" by returning a status other than AIO_OK, and it
 * "catches" by testing the status an await returned.  To propagate, return
 * it unchanged: that is what an uncaught exception does in Python.
 * aio_raise() also records a message, like the argument of an exception. */
#ifndef AIO_STATUS_H
#define AIO_STATUS_H

typedef enum aio_status {
    AIO_OK = 0,
    AIO_CANCELLED,
    AIO_TIMEOUT,
    AIO_INVALID_STATE,
    AIO_RUNTIME_ERROR,
    AIO_VALUE_ERROR,
    AIO_MEMORY_ERROR,
    AIO_ERROR,
    AIO_TYPE_ERROR,
    AIO_RECURSION_ERROR,
    AIO_KEYBOARD_INTERRUPT,
    AIO_GENERATOR_EXIT,
    AIO_SYSTEM_EXIT,
    AIO_EXCEPTION_GROUP,
    AIO_BASE_EXCEPTION_GROUP,
    AIO_QUEUE_EMPTY,
    AIO_QUEUE_FULL,
    AIO_QUEUE_SHUT_DOWN,
    AIO_OS_ERROR,
    AIO_CONNECTION_RESET,
    AIO_BROKEN_PIPE,
    AIO_CONNECTION_REFUSED,
    AIO_CONNECTION_ABORTED
} aio_status;

/* The Python name of the exception, e.g. "asyncio.exceptions.CancelledError". */
const char *aio_status_name(aio_status status);

/* Its class name alone, as repr() and type(e).__name__ show it:
 * "CancelledError", "TimeoutError". */
const char *aio_status_class(aio_status status);

/* Raise: remember `message` (a string with static lifetime, or NULL) as the
 * message of the exception now propagating in this task, and return
 * `status` so the caller can write `return aio_raise(...)`. */
aio_status aio_raise(aio_status status, const char *message);

/* The same, raised in the API named by `where` ("Future.set_result()"),
 * for the one-line report when the exception ends the program.  The
 * message itself stays CPython's, so str(exception) matches.  (Not
 * Python's `raise ... from`: nothing is chained.) */
aio_status aio_raise_in(const char *where, aio_status status, const char *message);

/* The message of the exception last raised in the running task (or
 * outside any task); "" when it had none. */
const char *aio_exception_message(void);

/* An uncaught exception ends a Python program with exit status 1 after
 * printing the exception; do the same for a status that reached main():
 * the last line of Python's traceback, plus the API that raised it.
 * KeyboardInterrupt ends it as Python does, by SIGINT (status 130). */
int aio_exit_code(aio_status status);

/* A fault the program cannot continue from (out of memory, deadlock,
 * misuse that has no status to return): print "aio: <message>" on one
 * line and exit with status 1 at once, skipping the at-exit clean-up,
 * which would only add noise about objects we are abandoning anyway. */
_Noreturn void aio_fatal(const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#endif
