# Task A awaits task B, which awaits task C.  Cancelling A cancels what
# it waits on, B, which cancels C: the CancelledError surfaces in C
# first, then B, then A.
import asyncio


async def link(name, inner):
    try:
        if inner is None:
            await asyncio.sleep(10)
        else:
            await inner
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise


async def main():
    c = asyncio.create_task(link("C", None))
    b = asyncio.create_task(link("B", c))
    a = asyncio.create_task(link("A", b))
    await asyncio.sleep(1)
    print(f"cancel A: {a.cancel()}")
    print(f"B and C already asked: {b.cancelling()} {c.cancelling()}")
    for name, task in (("A", a), ("B", b), ("C", c)):
        try:
            await task
        except asyncio.CancelledError:
            print(f"{name} cancelled = {task.cancelled()}")


asyncio.run(main())
