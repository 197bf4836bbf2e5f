# Queue.shutdown(), new in 3.13.  A putter waiting on a full queue is
# woken and raises QueueShutDown, and so does put_nowait(); the items
# already in can still be taken, and then get_nowait() raises
# QueueShutDown, not QueueEmpty.  Getters waiting on an empty queue are
# woken and raise it too.  Before 3.13 there is no shutdown(): the putter
# goes in once there is room, and the waiting getters must be cancelled.
import asyncio

SHUT_DOWN = getattr(asyncio, "QueueShutDown", ())  # none before 3.13


async def putter(queue, item):
    try:
        await queue.put(item)
    except SHUT_DOWN as error:
        print(f"put({item!r}) raised {error!r}, {queue}")
        return
    print(f"put({item!r}) went in, {queue}")


async def getter(name, queue):
    try:
        item = await queue.get()
    except SHUT_DOWN as error:
        print(f"{name}: get() raised {error!r}")
        return
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    print(f"{name}: got {item!r}")


def get_nowait(queue):
    try:
        print(f"get_nowait() = {queue.get_nowait()!r}, {queue}")
    except asyncio.QueueEmpty as error:
        print(f"get_nowait() raised {error!r}")
    except SHUT_DOWN as error:
        print(f"get_nowait() raised {error!r}")


async def main():
    print(f"hasattr(Queue, 'shutdown') = {hasattr(asyncio.Queue, 'shutdown')}")
    full = asyncio.Queue(maxsize=1)
    full.put_nowait("a")
    asyncio.create_task(putter(full, "b"))
    await asyncio.sleep(1)
    print(f"main: {full}")
    if hasattr(full, "shutdown"):
        full.shutdown()
        print(f"main: shutdown(), {full}")
        try:
            full.put_nowait("c")
        except SHUT_DOWN as error:
            print(f"put_nowait('c') raised {error!r}")
    await asyncio.sleep(1)
    get_nowait(full)
    await asyncio.sleep(1)
    get_nowait(full)
    get_nowait(full)

    empty = asyncio.Queue()
    getters = [asyncio.create_task(getter(name, empty)) for name in ("g1", "g2")]
    await asyncio.sleep(1)
    print(f"main: {empty}")
    if hasattr(empty, "shutdown"):
        empty.shutdown()
    else:
        for task in getters:
            task.cancel()
    await asyncio.sleep(1)
    print(f"main: {empty}")


asyncio.run(main())
