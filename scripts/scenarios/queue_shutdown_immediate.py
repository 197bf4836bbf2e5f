# Queue.shutdown(immediate=True), new in 3.13: the items still in the
# queue are dropped, each counted as done, and get() raises QueueShutDown
# at once.  join() still waits for the item a worker is working on; its
# task_done() releases it.  Before 3.13 the worker works through every
# item, and is cancelled once join() returns.
import asyncio

SHUT_DOWN = getattr(asyncio, "QueueShutDown", ())  # none before 3.13


async def worker(queue):
    while True:
        try:
            item = await queue.get()
        except SHUT_DOWN as error:
            print(f"worker: get() raised {error!r}, {queue}")
            return
        print(f"worker: got {item!r}")
        await asyncio.sleep(2)
        print(f"worker: done with {item!r}")
        queue.task_done()


async def joiner(queue):
    await queue.join()
    print(f"joiner: joined, {queue}")


async def main():
    queue = asyncio.Queue()
    for item in (1, 2, 3):
        queue.put_nowait(item)
    w = asyncio.create_task(worker(queue))
    j = asyncio.create_task(joiner(queue))
    await asyncio.sleep(1)
    print(f"main: {queue}")
    if hasattr(queue, "shutdown"):
        queue.shutdown(immediate=True)
        print(f"main: shutdown(immediate=True), {queue}")
        try:
            queue.put_nowait(4)
        except SHUT_DOWN as error:
            print(f"put_nowait(4) raised {error!r}")
    await j
    print(f"main: {queue}")
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("main: worker cancelled")
    else:
        print("main: worker returned")


asyncio.run(main())
