# A putter cancelled while the queue is full.  Cancelled in the step in
# which get_nowait() woke it, it cannot take the free place: it wakes the
# next putter in line, whose item goes in.  Cancelled while it still
# waits, its Future is cancelled and its item never goes in.
import asyncio


async def putter(name, queue, item):
    try:
        await queue.put(item)
    except asyncio.CancelledError:
        print(f"{name}: cancelled, {queue}")
        raise
    print(f"{name}: put {item!r}, {queue}")


async def main():
    queue = asyncio.Queue(maxsize=1)
    queue.put_nowait(0)
    p = asyncio.create_task(putter("p", queue, 1))
    q = asyncio.create_task(putter("q", queue, 2))
    await asyncio.sleep(0)
    print(f"main: {queue}")
    item = queue.get_nowait()
    print(f"main: got {item!r}, p.cancel() = {p.cancel()}, {queue}")
    await asyncio.sleep(1)
    print(f"main: {queue}")

    r = asyncio.create_task(putter("r", queue, 3))
    await asyncio.sleep(0)
    print(f"main: r.cancel() = {r.cancel()}, {queue}")
    await asyncio.sleep(1)
    print(f"main: got {queue.get_nowait()!r}, {queue}")


asyncio.run(main())
