#include "config.h"
#include "trace.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool aio_trace_on, aio_debug_on; /* declared in trace.h, where they are tested */

static aio_config config;
static bool loaded;

/* A bad setting must stop the program before it prints anything, with a
 * message that says what would have been accepted. */
static _Noreturn void reject(const char *name, const char *value, const char *accepted)
{
    fprintf(stderr, "aio: %s='%s' is not valid; %s\n", name, value, accepted);
    exit(2);
}

/* The range follows from clock.c.  Loop time is int64 nanoseconds of real
 * time times the speed, and a deadline may lie up to 1e9 s (the clamp in
 * aio_seconds_to_ns) past it: at 1000x that lasts 95 days of real time,
 * while at 1e15x it overflowed within milliseconds and the loop hung.
 * Waits are rounded up to whole microseconds of real time, which at 1000x
 * is one millisecond of loop time, the resolution AIO_STAMP prints; any
 * faster and the rounding alone shifts the times printed.  Going slower,
 * the longest wait, 1e9 s of loop time, must still convert to a count of
 * microseconds in a long long: that holds down to about 1.1e-4x (below it
 * the count overflowed and select() failed with EINVAL), and 0.001 is the
 * round number above it. */
#define SPEED_MIN 0.001
#define SPEED_MAX 1000.0

static double parse_speed(const char *text)
{
    char *end;
    errno = 0;
    double speed = strtod(text, &end);
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(speed) || speed < SPEED_MIN || speed > SPEED_MAX)
        reject("AIO_SPEED", text, "it takes a number from 0.001 to 1000 (times real time), e.g. AIO_SPEED=20");
    return speed;
}

/* Unset or "0": false; "1": true; anything else stops the program. */
static bool parse_flag(const char *name)
{
    const char *value = getenv(name);
    if (!value || strcmp(value, "0") == 0)
        return false;
    if (strcmp(value, "1") != 0)
        reject(name, value, "it takes 0 or 1");
    return true;
}

/* Only the versions whose asyncio the loop has been compared with. */
static int parse_python(const char *text)
{
    static const char *const known[] = { "3.11", "3.12", "3.13" };
    if (!text)
        return 11;
    for (int i = 0; i < 3; i++)
        if (strcmp(text, known[i]) == 0)
            return 11 + i;
    reject("AIO_PYTHON", text, "it takes 3.11, 3.12 or 3.13");
}

int aio_python(void) { return aio_config_get()->python; }

void aio_config_load(void)
{
    if (loaded)
        return;
    loaded = true;

    const char *clock_name = getenv("AIO_CLOCK");
    if (clock_name && strcmp(clock_name, "virtual") == 0)
        config.is_virtual = true;
    else if (clock_name && strcmp(clock_name, "real") != 0)
        reject("AIO_CLOCK", clock_name, "it takes 'real' or 'virtual'");

    const char *speed = getenv("AIO_SPEED");
    config.speed = speed ? parse_speed(speed) : 1.0;
    config.stamp = parse_flag("AIO_STAMP");
    aio_trace_on = parse_flag("AIO_TRACE");
    aio_debug_on = parse_flag("AIO_DEBUG");
    config.python = parse_python(getenv("AIO_PYTHON"));
}

const aio_config *aio_config_get(void)
{
    aio_config_load();
    return &config;
}
