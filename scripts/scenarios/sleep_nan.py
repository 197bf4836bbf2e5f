# asyncio.sleep() with a NaN delay.  NaN <= 0 is false, so it is not the
# sleep(0) path: 3.11 and 3.12 arm a timer for loop.time() + NaN, which
# the loop finds due on its next look, so the sleeper wakes one loop
# iteration later than sleep(0) would (the ticks show the iterations).
# 3.13 refuses the NaN with ValueError before it arms anything.
import asyncio


async def ticker():
    for tick in range(4):
        print(f"tick {tick}")
        await asyncio.sleep(0)


async def main():
    ticking = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("main: sleep(0) returned")
    try:
        await asyncio.sleep(float("nan"))
        print("main: sleep(nan) returned")
    except ValueError as e:
        print(f"main: sleep(nan) raised ValueError: {e}")
    await ticking


asyncio.run(main())
