/* The environment, read once and checked before anything runs:
 *
 *   AIO_CLOCK=real     (default) loop time is CLOCK_MONOTONIC since start
 *   AIO_CLOCK=virtual  never sleep: when nothing is ready the clock jumps
 *                      straight to the next timer
 *   AIO_SPEED=N        real clock, but loop time runs N times faster (N > 0)
 *   AIO_STAMP=1        aio_print() prefixes each line with the loop time
 *   AIO_TRACE=1        the loop narrates what it does on stderr (trace.c)
 *   AIO_DEBUG=1        asyncio's debug mode: warn about slow task steps
 *   AIO_PYTHON=3.11    (default) behave as CPython 3.11's asyncio does;
 *             3.12     or as 3.12's (wait_for built on asyncio.timeout(),
 *             3.13     a Future made with no loop warns), or 3.13's
 *                      (the never-awaited warning's "<sys>:0:" prefix,
 *                      Task.uncancel() clearing a pending cancel)
 *
 * Any other value stops the program with exit status 2 before it runs. */
#ifndef AIO_CONFIG_H
#define AIO_CONFIG_H

#include <stdbool.h>

typedef struct aio_config {
    bool is_virtual;
    double speed; /* loop seconds per real second */
    bool stamp; /* AIO_TRACE and AIO_DEBUG: trace.h's aio_trace_on, aio_debug_on */
    int python; /* AIO_PYTHON's minor version: 11, 12 or 13 */
} aio_config;

/* The settings; the first call reads and checks the environment. */
const aio_config *aio_config_get(void);

/* AIO_PYTHON's minor version (11, 12 or 13); also declared in aio.h. */
int aio_python(void);

/* Read and check the environment now, if not done yet. */
void aio_config_load(void);

#endif
