# Ordinary recursion fits in a task's stack: a coroutine that awaits
# itself 500 levels deep (a task's stack holds that in every build,
# sanitizers included: see common/stack.h), sleeping at the bottom so
# that the loop switches away from and back to the deepest frame, while
# a second task runs.
import asyncio


async def down(n):
    if n == 0:
        await asyncio.sleep(0.5)
        return 0
    return await down(n - 1) + 1


async def ticker():
    await asyncio.sleep(0.25)
    print("ticker ran while the recursion slept")


async def main():
    for depth in (200, 500):
        tick = asyncio.create_task(ticker())
        deep = asyncio.create_task(down(depth))
        reached = await deep
        await tick
        print(f"depth {reached} reached")


asyncio.run(main())
