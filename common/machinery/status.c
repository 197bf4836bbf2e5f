#include "exception.h"
#include "sigint.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

const char *aio_status_name(aio_status status)
{
    switch (status) {
    case AIO_OK:            return "OK";
    case AIO_CANCELLED:     return "asyncio.exceptions.CancelledError";
    case AIO_TIMEOUT:       return "TimeoutError";
    case AIO_INVALID_STATE: return "asyncio.exceptions.InvalidStateError";
    case AIO_RUNTIME_ERROR: return "RuntimeError";
    case AIO_VALUE_ERROR:   return "ValueError";
    case AIO_MEMORY_ERROR:  return "MemoryError";
    case AIO_ERROR:         return "Exception";
    case AIO_TYPE_ERROR:    return "TypeError";
    case AIO_RECURSION_ERROR: return "RecursionError";
    case AIO_KEYBOARD_INTERRUPT: return "KeyboardInterrupt";
    case AIO_GENERATOR_EXIT: return "GeneratorExit";
    case AIO_SYSTEM_EXIT:   return "SystemExit";
    case AIO_EXCEPTION_GROUP: return "ExceptionGroup";
    case AIO_BASE_EXCEPTION_GROUP: return "BaseExceptionGroup";
    case AIO_QUEUE_EMPTY:   return "asyncio.queues.QueueEmpty";
    case AIO_QUEUE_FULL:    return "asyncio.queues.QueueFull";
    case AIO_QUEUE_SHUT_DOWN: return "asyncio.queues.QueueShutDown";
    case AIO_OS_ERROR:      return "OSError";
    case AIO_CONNECTION_RESET: return "ConnectionResetError";
    case AIO_BROKEN_PIPE:   return "BrokenPipeError";
    case AIO_CONNECTION_REFUSED: return "ConnectionRefusedError";
    case AIO_CONNECTION_ABORTED: return "ConnectionAbortedError";
    }
    return "Exception";
}

const char *aio_status_class(aio_status status)
{
    const char *name = aio_status_name(status), *dot = strrchr(name, '.');
    return dot ? dot + 1 : name;
}

aio_exception aio_exception_outside_tasks, *aio_exception_slot = &aio_exception_outside_tasks;

aio_status aio_raise_in(const char *where, aio_status status, const char *message)
{
    aio_exception_slot->message = message;
    aio_exception_slot->where = where;
    aio_exception_slot->status = status;
    return status;
}

aio_status aio_raise(aio_status status, const char *message)
{
    return aio_raise_in(NULL, status, message);
}

const char *aio_exception_message(void)
{
    return aio_exception_slot->message ? aio_exception_slot->message : "";
}

int aio_exit_code(aio_status status)
{
    if (status == AIO_OK)
        return 0;
    /* The last line of the traceback Python would print. */
    aio_exception raised = aio_exception_of(status);
    const char *message = raised.message ? raised.message : "", *where = raised.where;
    fprintf(stderr, "%s%s%s%s%s%s\n", aio_status_name(status), *message ? ": " : "", message,
            where ? " (raised by " : "", where ? where : "", where ? ")" : "");
    if (status == AIO_KEYBOARD_INTERRUPT) {
        fflush(stdout);
        fflush(stderr);
        return aio_sigint_die();
    }
    return 1;
}

void aio_fatal(const char *fmt, ...)
{
    fflush(stdout);
    fputs("aio: ", stderr);
    va_list args;
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    fputc('\n', stderr);
    _exit(1);
}
