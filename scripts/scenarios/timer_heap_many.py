# Sixty-four sleeps with scattered deadlines, many of them equal: they
# wake in deadline order, equal ones in creation order.  Enough timers at
# once that the heap is four levels deep.
import asyncio


async def sleeper(slot, i):
    await asyncio.sleep(slot / 100)
    print(f"sleeper {i} woke ({slot * 10} ms)")


async def main():
    tasks = [asyncio.create_task(sleeper(i * 37 % 17, i)) for i in range(64)]
    for task in tasks:
        await task
    print("all woke")


asyncio.run(main())
