# Getters are woken first come, first served: three waiting getters take
# three items in the order they began to wait.  A woken getter finds its
# item taken by get_nowait() before it ran: it waits again, at the back,
# behind a getter that came after it.
import asyncio


async def getter(name, queue):
    item = await queue.get()
    print(f"{name}: got {item!r}")


async def main():
    queue = asyncio.Queue()
    for name in ("g1", "g2", "g3"):
        asyncio.create_task(getter(name, queue))
    await asyncio.sleep(0)
    print(f"main: {queue}")
    for item in (1, 2, 3):
        queue.put_nowait(item)
    print(f"main: {queue}")
    await asyncio.sleep(1)
    print(f"main: {queue}")

    asyncio.create_task(getter("h1", queue))
    asyncio.create_task(getter("h2", queue))
    await asyncio.sleep(0)
    queue.put_nowait(4)
    print(f"main: put 4, took {queue.get_nowait()!r} back, {queue}")
    await asyncio.sleep(1)
    print(f"main: {queue}")
    queue.put_nowait(5)
    queue.put_nowait(6)
    await asyncio.sleep(1)
    print(f"main: {queue}")


asyncio.run(main())
