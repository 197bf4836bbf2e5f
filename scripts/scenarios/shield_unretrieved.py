# The task awaiting shield(inner) is cancelled; what becomes of inner's
# exception then?  If inner fails in the same loop iteration, the shield
# still sees it and marks it retrieved: no report.  If inner fails later,
# the shield has let go of it, so nobody has seen the exception, and it is
# reported as never retrieved, naming that task alone.
import asyncio


async def inner(delay):
    await asyncio.sleep(delay)
    raise ValueError(f"inner failed at {delay}")


async def outer(work):
    try:
        await asyncio.shield(work)
    except asyncio.CancelledError:
        print("outer: cancelled")
        raise


async def cancel_after(delay, task):
    await asyncio.sleep(delay)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: outer was cancelled")


async def main():
    # Inner's timer was armed first, so it fails in the iteration in which
    # main cancels outer, before outer's cancellation reaches the shield.
    work = asyncio.create_task(inner(1))
    await cancel_after(1, asyncio.create_task(outer(work)))
    work = asyncio.create_task(inner(3))
    await cancel_after(1, asyncio.create_task(outer(work)))
    await asyncio.sleep(2)
    print(f"main: inner done = {work.done()}, nobody asked for its exception")


asyncio.run(main())
