# Three tasks wait for the same task; the second through wait_for.  On
# 3.11, wait_for waits on a Future of its own that a done callback
# releases, one iteration late, so the third waiter wakes before it.
# From 3.12 on, wait_for awaits the task itself, inside asyncio.timeout(),
# and the three wake in the order they began to wait.  Last, a cancel
# from outside during a timeout() block stays a CancelledError.
import asyncio


async def job():
    await asyncio.sleep(0.5)
    return "done"


async def plain(name, task):
    print(f"{name}: {await task}")


async def timed(name, task):
    print(f"{name}: {await asyncio.wait_for(task, 1)}")


async def guarded():
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(2)
    except asyncio.CancelledError:
        print("guarded: CancelledError, not TimeoutError")
        raise


async def main():
    task = asyncio.create_task(job())
    waiters = [asyncio.create_task(plain("first", task)),
               asyncio.create_task(timed("second", task)),
               asyncio.create_task(plain("third", task))]
    for waiter in waiters:
        await waiter
    inner = asyncio.create_task(guarded())
    await asyncio.sleep(0.25)
    inner.cancel()
    try:
        await inner
    except asyncio.CancelledError:
        print(f"main: guarded was cancelled: {inner.cancelled()}")


asyncio.run(main())
