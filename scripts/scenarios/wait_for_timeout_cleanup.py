# On timeout, wait_for cancels the inner coroutine and waits until its
# cleanup has finished; only then does TimeoutError reach the caller.
import asyncio


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow: cancelled by the timeout, cleaning up for 0.5 s")
        await asyncio.sleep(0.5)
        print("slow: cleanup finished")
        raise


async def main():
    try:
        await asyncio.wait_for(slow(), timeout=1)
    except asyncio.TimeoutError:
        print("main: TimeoutError, after the cleanup")


asyncio.run(main())
