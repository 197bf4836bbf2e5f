# A getter cancelled in the step in which put_nowait() woke it: its
# getter Future is done already, so the cancel lands at its await
# instead, and get() cannot take the item; it wakes the next getter in
# line, which takes it, so that nothing put is lost.  A getter cancelled
# while it still waits has its Future cancelled: _wakeup_next() skips it.
import asyncio


async def getter(name, queue):
    try:
        item = await queue.get()
    except asyncio.CancelledError:
        print(f"{name}: cancelled, {queue}")
        raise
    print(f"{name}: got {item!r}, {queue}")


async def main():
    queue = asyncio.Queue()
    a = asyncio.create_task(getter("a", queue))
    b = asyncio.create_task(getter("b", queue))
    await asyncio.sleep(0)
    print(f"main: {queue}")
    queue.put_nowait(1)
    print(f"main: put 1, a.cancel() = {a.cancel()}, {queue}")
    await asyncio.sleep(1)
    print(f"main: a.cancelled() = {a.cancelled()}, {queue}")

    c = asyncio.create_task(getter("c", queue))
    d = asyncio.create_task(getter("d", queue))
    await asyncio.sleep(0)
    print(f"main: c.cancel() = {c.cancel()}, {queue}")
    queue.put_nowait(2)
    print(f"main: put 2, {queue}")
    await asyncio.sleep(1)
    print(f"main: c.cancelled() = {c.cancelled()}, {queue}")


asyncio.run(main())
