# Ctrl-C cancels main, and main answers the cancellation its own way.
# run() turns only a CancelledError into KeyboardInterrupt: main that
# raises something else instead has that exception raised by run(), and
# main that returns has its value returned.
import asyncio
import signal


async def main1():
    signal.raise_signal(signal.SIGINT)
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("main1: cancelled, raising ValueError instead")
        raise ValueError("not a KeyboardInterrupt")


async def main2():
    signal.raise_signal(signal.SIGINT)
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("main2: cancelled, returning 42 instead")
        return 42


# As from a terminal: a background job may have inherited SIGINT ignored,
# and run() leaves an ignored SIGINT alone.
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    asyncio.run(main1())
except (ValueError, KeyboardInterrupt) as e:
    print(f"run 1: {type(e).__name__}")
print(f"run 2: ok {asyncio.run(main2())!r}")
