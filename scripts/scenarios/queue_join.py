# join() waits for task_done(), not for get(): the queue is empty while
# the worker still works on its last item.  Everyone waiting in join() is
# woken by the last task_done(), and a put() after that makes join() wait
# again.  With nothing unfinished, join() returns without a pause, and no
# other task runs meanwhile.
import asyncio


async def worker(queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(item)
        print(f"worker: done with {item!r}, {queue}")
        queue.task_done()


async def joiner(name, queue):
    await queue.join()
    print(f"{name}: joined, {queue}")


async def other():
    print("other: runs")


async def main():
    queue = asyncio.Queue()
    task = asyncio.create_task(other())
    await queue.join()
    print(f"main: joined at once, other.done() = {task.done()}")
    await task

    for item in (1, 2, 3):
        queue.put_nowait(item)
    w = asyncio.create_task(worker(queue))
    asyncio.create_task(joiner("j1", queue))
    asyncio.create_task(joiner("j2", queue))
    await asyncio.sleep(3.5)
    print(f"main: {queue}")
    await queue.join()
    print(f"main: joined, {queue}")

    queue.put_nowait(1)
    print(f"main: {queue}")
    await queue.join()
    print(f"main: joined again, {queue}")
    w.cancel()
    await asyncio.sleep(0)
    print(f"main: {queue}")


asyncio.run(main())
