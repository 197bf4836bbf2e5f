#include "print.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "status.h"

/* Python's print() raises when stdout cannot take the line, and the
 * program ends with the exception and status 1: BrokenPipeError when the
 * reader has gone (`| head -1`), OSError for anything else, such as a
 * full disk.  CPython ignores SIGPIPE from its start for this reason: the
 * write fails with EPIPE instead of killing the process without a word. */
static _Noreturn void cannot_write(int error)
{
    aio_fatal("%s: [Errno %d] %s (print() cannot write to stdout)",
              error == EPIPE ? "BrokenPipeError" : "OSError", error, strerror(error));
}

void aio_print(const char *fmt, ...)
{
    static bool sigpipe_ignored;
    if (!sigpipe_ignored) {
        signal(SIGPIPE, SIG_IGN);
        sigpipe_ignored = true;
    }
    errno = 0;
    if (aio_config_get()->stamp)
        printf("%.3f ", aio_loop_time());
    va_list args;
    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);
    putchar('\n');
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int error = errno ? errno : EIO;
        cannot_write(error);
    }
}
