#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

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
    }
    return "Exception";
}

const char *aio_status_class(aio_status status)
{
    const char *name = aio_status_name(status), *dot = strrchr(name, '.');
    return dot ? dot + 1 : name;
}

/* The message travels with the task it was raised in, as an exception
 * object would; outside any task there is only one place for it. */
static const char *message_outside_tasks, *where_outside_tasks;

aio_status aio_raise_from(const char *where, aio_status status, const char *message)
{
    aio_task *task = aio_current_task();
    if (task) {
        task->exc_message = message;
        task->exc_where = where;
    } else {
        message_outside_tasks = message;
        where_outside_tasks = where;
    }
    return status;
}

aio_status aio_raise(aio_status status, const char *message)
{
    return aio_raise_from(NULL, status, message);
}

const char *aio_exception_message(void)
{
    aio_task *task = aio_current_task();
    const char *message = task ? task->exc_message : message_outside_tasks;
    return message ? message : "";
}

const char *aio_exception_where(void)
{
    aio_task *task = aio_current_task();
    return task ? task->exc_where : where_outside_tasks;
}

int aio_exit_code(aio_status status)
{
    if (status == AIO_OK)
        return 0;
    /* The last line of the traceback Python would print. */
    const char *message = aio_exception_message(), *where = aio_exception_where();
    fprintf(stderr, "%s%s%s%s%s%s\n", aio_status_name(status), *message ? ": " : "", message,
            where ? " (raised by " : "", where ? where : "", where ? ")" : "");
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
