#include "print.h"

#include <stdarg.h>
#include <stdio.h>

#include "clock.h"
#include "config.h"

void aio_print(const char *fmt, ...)
{
    if (aio_config_get()->stamp)
        printf("%.3f ", aio_loop_time());
    va_list args;
    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);
    putchar('\n');
    fflush(stdout);
}
