/* Loop time.  asyncio's loop.time() reads a monotonic clock; ours can also
 * run faster than real time (AIO_SPEED), or be virtual (AIO_CLOCK=virtual),
 * so that tests are instant and exact.  See config.h. */
#ifndef AIO_CLOCK_H
#define AIO_CLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/time.h>

typedef int64_t aio_ns; /* loop time, in nanoseconds */

#define AIO_NS_PER_SEC 1000000000LL

bool aio_clock_is_virtual(void);

/* The loop's current time. */
aio_ns aio_clock_now(void);

/* Virtual clock only: jump forward to `when`. */
void aio_clock_jump_to(aio_ns when);

/* How long select() must really wait so that `loop_ns` of loop time
 * passes: divided by AIO_SPEED and rounded up to the next microsecond, so
 * that we never wake before a timer is due. */
struct timeval aio_clock_real_wait(aio_ns loop_ns);

/* The latest loop time there is: about 292 years after the loop began. */
#define AIO_NS_MAX INT64_MAX

/* Seconds as a loop-time duration, for call_later-style APIs: rounded to
 * the nearest ns, and saturated at what an int64 holds (+-292 years). */
aio_ns aio_seconds_to_ns(double seconds);

/* t + duration, saturated at AIO_NS_MAX instead of overflowing; for a
 * duration that is not negative. */
aio_ns aio_clock_add(aio_ns t, aio_ns duration);

/* loop.time(), in seconds. */
double aio_loop_time(void);

/* time.sleep(): block the whole thread, loop and all.  Under the virtual
 * clock, time passes without anything else running, which is exactly
 * what a blocking call does to an event loop. */
void aio_time_sleep(double seconds);

/* executor.c: time.sleep() on a thread of the loop's pool, under the
 * virtual clock.  True if it took the sleep there (the job waits until a
 * loop timer ends it); false on any other thread, whose sleep moves the
 * clock itself. */
bool aio_executor_time_sleep(aio_ns duration);

#endif
