/* The environment, read once and checked before anything runs:
 *
 *   AIO_CLOCK=real     (default) loop time is CLOCK_MONOTONIC since start
 *   AIO_CLOCK=virtual  never sleep: when nothing is ready the clock jumps
 *                      straight to the next timer
 *   AIO_SPEED=N        real clock, but loop time runs N times faster (N > 0)
 *   AIO_STAMP=1        aio_print() prefixes each line with the loop time
 *   AIO_TRACE=1        the loop narrates what it does on stderr (trace.c)
 *   AIO_DEBUG=1        asyncio's debug mode: warn about slow task steps
 *
 * Any other value stops the program with exit status 2 before it runs. */
#ifndef AIO_CONFIG_H
#define AIO_CONFIG_H

#include <stdbool.h>

typedef struct aio_config {
    bool is_virtual;
    double speed; /* loop seconds per real second */
    bool stamp; /* AIO_TRACE and AIO_DEBUG: trace.h's aio_trace_on, aio_debug_on */
} aio_config;

/* The settings; the first call reads and checks the environment. */
const aio_config *aio_config_get(void);

/* Read and check the environment now, if not done yet. */
void aio_config_load(void);

#endif
