# Claims C3, C11, C31, C32 (post 1, 1-3, 2-2): `await` suspends the caller
# and makes the loop run pending tasks.  Only an await that reaches a
# pending Future does; awaiting a coroutine that returns at once, or a
# Future that is already done, goes straight on, and the task waits.
import asyncio


async def add_one(number):
    return number + 1


async def worker():
    print("worker runs")


async def main():
    asyncio.create_task(worker())
    print(f"await add_one(1) gave {await add_one(1)}")
    done = asyncio.get_running_loop().create_future()
    done.set_result(42)
    print(f"await on a done Future gave {await done}")
    print("main awaits sleep(0), which gives the loop control")
    await asyncio.sleep(0)
    print("main is back")


asyncio.run(main())
