# sleep() with a zero or negative delay yields exactly once, like
# sleep(0); it never raises.  (CPython treats any delay <= 0 that way.)
import asyncio


async def sleeper(name, delay):
    for lap in range(2):
        print(f"{name} lap {lap}")
        await asyncio.sleep(delay)


async def main():
    tasks = [asyncio.create_task(sleeper("zero", 0)),
             asyncio.create_task(sleeper("minus", -1)),
             asyncio.create_task(sleeper("tiny", 0.001))]
    for task in tasks:
        await task


asyncio.run(main())
