# The first object of a run is a coroutine that is never awaited; five
# thousand sleeps come after it.  It lives until the interpreter exits,
# which reports it, once.
import asyncio

kept_for_exit = []


async def lazy():
    print("lazy ran")


async def main():
    kept_for_exit.append(lazy())
    for _ in range(5000):
        await asyncio.sleep(0)
    print("main: 5000 sleeps later")


asyncio.run(main())
