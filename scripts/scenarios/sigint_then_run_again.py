# SIGINT during one asyncio.run() (sent by main itself, so the moment is
# fixed): main is cancelled and run() raises KeyboardInterrupt, which the
# program catches.  The next run() starts afresh: its main cancelling
# itself ends in CancelledError, not in a KeyboardInterrupt left over.
import asyncio
import signal


async def main1():
    print("main1: raising SIGINT")
    signal.raise_signal(signal.SIGINT)
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("main1: cancelled")
        raise


async def main2():
    asyncio.current_task().cancel()
    await asyncio.sleep(0)


# As from a terminal: a background job may have inherited SIGINT ignored,
# and run() leaves an ignored SIGINT alone.
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    asyncio.run(main1())
except KeyboardInterrupt:
    print("run 1: KeyboardInterrupt")
try:
    asyncio.run(main2())
except asyncio.CancelledError:
    print("run 2: CancelledError")
