/* Loop time.  asyncio's loop.time() reads a monotonic clock; ours can also
 * run faster than real time, or be virtual, so that tests are instant and
 * exact.  The choice comes from the environment:
 *
 *   AIO_CLOCK=real     (default) loop time is CLOCK_MONOTONIC since start
 *   AIO_CLOCK=virtual  never sleep: when nothing is ready the clock jumps
 *                      straight to the next timer
 *   AIO_SPEED=N        real clock, but loop time runs N times faster (N > 0)
 *   AIO_STAMP=1        aio_print() prefixes each line with the loop time
 *
 * Any other value stops the program with exit status 2 before it runs. */
#ifndef AIO_CLOCK_H
#define AIO_CLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/time.h>

typedef int64_t aio_ns; /* loop time, in nanoseconds */

#define AIO_NS_PER_SEC 1000000000LL

/* Read and check the environment once; later calls do nothing. */
void aio_config_load(void);

bool aio_clock_is_virtual(void);
bool aio_stamp_enabled(void);

/* The loop's current time. */
aio_ns aio_clock_now(void);

/* Virtual clock only: jump forward to `when`. */
void aio_clock_jump_to(aio_ns when);

/* How long select() must really wait so that `loop_ns` of loop time
 * passes: divided by AIO_SPEED and rounded up to the next microsecond, so
 * that we never wake before a timer is due. */
struct timeval aio_clock_real_wait(aio_ns loop_ns);

/* Seconds as a loop-time duration, for call_later-style APIs. */
aio_ns aio_seconds_to_ns(double seconds);

/* loop.time(), in seconds. */
double aio_loop_time(void);

#endif
