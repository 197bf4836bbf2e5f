# The task awaiting shield(inner) is cancelled: it gets CancelledError at
# once, while the inner task runs on to its end.
import asyncio


async def inner():
    await asyncio.sleep(1)
    print("inner: finished anyway")
    return "inner's result"


async def outer(work):
    try:
        await asyncio.shield(work)
    except asyncio.CancelledError:
        print(f"outer: cancelled; inner done = {work.done()}")
        raise


async def main():
    work = asyncio.create_task(inner())
    task = asyncio.create_task(outer(work))
    await asyncio.sleep(0.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: outer was cancelled")
    print(f"main: inner gave {await work!r}, cancelled = {work.cancelled()}")


asyncio.run(main())
