# The forms that never wait: get_nowait() of an empty queue raises
# QueueEmpty, put_nowait() into a full one QueueFull, neither with a
# message.  A maxsize of 0, or below, is no limit: full() is never True,
# and a thousand items, for which the queue grows, come back in order.
import asyncio


def show(queue):
    print(f"{queue}: qsize={queue.qsize()} empty={queue.empty()} full={queue.full()} maxsize={queue.maxsize}")


async def main():
    queue = asyncio.Queue(maxsize=2)
    show(queue)
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty as error:
        print(f"get_nowait() raised {error!r}")
    queue.put_nowait("x")
    queue.put_nowait(2.5)
    show(queue)
    try:
        queue.put_nowait("z")
    except asyncio.QueueFull as error:
        print(f"put_nowait() raised {error!r}")
    print(f"get_nowait() = {queue.get_nowait()!r}")
    show(queue)
    for maxsize in (0, -1):
        unlimited = asyncio.Queue(maxsize)
        for i in range(1, 1001):
            unlimited.put_nowait(i)
        print(f"maxsize={maxsize}: qsize={unlimited.qsize()} full={unlimited.full()}")
        in_order = [unlimited.get_nowait() for _ in range(1000)] == list(range(1, 1001))
        print(f"get_nowait() gave 1 to 1000 in order: {in_order}")
    small = asyncio.Queue()
    small.put_nowait(None)
    small.put_nowait("it's")
    show(small)


asyncio.run(main())
