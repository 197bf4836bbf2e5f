#include "trace.h"

#include <stdarg.h>
#include <stdio.h>

#include "aio.h"

bool aio_trace_on;

const char *aio_trace_who(void)
{
    aio_task *task = aio_current_task();
    return task ? task->name : "loop";
}

void aio_trace_line(const char *who, const char *fmt, ...)
{
    fflush(stdout); /* keep the narration in step with what is printed */
    fprintf(stderr, "%.3f %s ", aio_loop_time(), who);
    va_list args;
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    fputc('\n', stderr);
}
