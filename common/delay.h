/* The post's util.delay (section 1-4): a coroutine that prints, sleeps
 * `seconds`, prints again and returns `seconds`.  Not part of asyncio;
 * chapters 04 to 10 share it, as the post's examples share its util module. */
#ifndef AIO_DELAY_H
#define AIO_DELAY_H

#include "aio.h"

aio_coro *delay(long seconds);

#endif
