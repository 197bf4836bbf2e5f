# Twin of chapter 20: two producers and two consumers share a queue with
# room for two items.  A producer that finds it full waits in put();
# join() waits until every item has been processed; then the consumers,
# which would wait in get() for ever, are cancelled.
import asyncio


async def producer(name: str, queue: asyncio.Queue, count: int) -> None:
    for n in range(1, count + 1):
        await asyncio.sleep(1)  # making an item takes a second
        item = f"{name}{n}"
        if queue.full():
            print(f"{name}: the queue is full, {item} waits")
        await queue.put(item)
        print(f"{name}: put {item}, qsize={queue.qsize()}")


async def consumer(name: str, queue: asyncio.Queue) -> None:
    while True:
        item = await queue.get()
        print(f"{name}: got {item}")
        await asyncio.sleep(3)  # working on it takes three
        print(f"{name}: done with {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(name, queue)) for name in ("worker-1", "worker-2")]
    producers = [asyncio.create_task(producer(name, queue, 3)) for name in ("a", "b")]
    for task in producers:
        await task
    print(f"producers finished: {queue}")
    await queue.join()
    print(f"joined: {queue}")
    for task in consumers:
        task.cancel()
    for name, task in zip(("worker-1", "worker-2"), consumers):
        try:
            await task
        except asyncio.CancelledError:
            print(f"{name} cancelled: {task.cancelled()}")
    print(f"at the end: {queue!r}")


if __name__ == "__main__":
    asyncio.run(main())
