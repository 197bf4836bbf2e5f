#include "clock.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct {
    bool loaded;
    bool is_virtual;
    bool stamp;
    double speed;           /* loop seconds per real second */
    struct timespec origin; /* real time at which loop time is 0 */
    aio_ns virtual_now;
} clock_state;

/* A bad setting must stop the program before it prints anything, with a
 * message that says what would have been accepted. */
static void reject(const char *name, const char *value, const char *accepted)
{
    fprintf(stderr, "aio: %s='%s' is not valid; %s\n", name, value, accepted);
    exit(2);
}

static double parse_speed(const char *text)
{
    char *end;
    errno = 0;
    double speed = strtod(text, &end);
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(speed) || speed <= 0)
        reject("AIO_SPEED", text, "it takes a positive number, e.g. AIO_SPEED=20");
    return speed;
}

void aio_config_load(void)
{
    if (clock_state.loaded)
        return;
    clock_state.loaded = true;
    clock_state.speed = 1.0;

    const char *clock_name = getenv("AIO_CLOCK");
    if (clock_name && strcmp(clock_name, "virtual") == 0)
        clock_state.is_virtual = true;
    else if (clock_name && strcmp(clock_name, "real") != 0)
        reject("AIO_CLOCK", clock_name, "it takes 'real' or 'virtual'");

    const char *speed = getenv("AIO_SPEED");
    if (speed)
        clock_state.speed = parse_speed(speed);

    const char *stamp = getenv("AIO_STAMP");
    if (stamp && strcmp(stamp, "1") == 0)
        clock_state.stamp = true;
    else if (stamp && strcmp(stamp, "0") != 0)
        reject("AIO_STAMP", stamp, "it takes 0 or 1");

    clock_gettime(CLOCK_MONOTONIC, &clock_state.origin);
}

bool aio_clock_is_virtual(void) { aio_config_load(); return clock_state.is_virtual; }
bool aio_stamp_enabled(void) { aio_config_load(); return clock_state.stamp; }

aio_ns aio_clock_now(void)
{
    aio_config_load();
    if (clock_state.is_virtual)
        return clock_state.virtual_now;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    aio_ns real = (aio_ns)(now.tv_sec - clock_state.origin.tv_sec) * AIO_NS_PER_SEC
                + (now.tv_nsec - clock_state.origin.tv_nsec);
    if (clock_state.speed == 1.0)
        return real;
    return (aio_ns)((double)real * clock_state.speed);
}

void aio_clock_jump_to(aio_ns when)
{
    if (when > clock_state.virtual_now)
        clock_state.virtual_now = when;
}

struct timeval aio_clock_real_wait(aio_ns loop_ns)
{
    if (loop_ns < 0)
        loop_ns = 0;
    double real_ns = (double)loop_ns / clock_state.speed;
    long long us = (long long)ceil(real_ns / 1000.0);
    return (struct timeval){ .tv_sec = (time_t)(us / 1000000), .tv_usec = (suseconds_t)(us % 1000000) };
}

aio_ns aio_seconds_to_ns(double seconds)
{
    /* Rounded to the nearest ns; clamped far beyond any real program's
     * lifetime so that huge delays cannot overflow int64. */
    if (seconds > 1e9)
        seconds = 1e9;
    return (aio_ns)llround(seconds * (double)AIO_NS_PER_SEC);
}

double aio_loop_time(void) { return (double)aio_clock_now() / (double)AIO_NS_PER_SEC; }
