# Debug mode names a step that holds the loop for the slow-callback
# threshold, 0.1 s, or longer; a step just under it goes unnamed.  Each
# step is timed from the start of its iteration, at a whole loop time, so
# the sums come out exact in floating point too.
import asyncio
import time


async def blocker(seconds):
    time.sleep(seconds)
    print(f"blocker: held the loop for {seconds} s")


async def main():
    await asyncio.create_task(blocker(0.1))
    await asyncio.sleep(0.9)
    await asyncio.create_task(blocker(0.099))


asyncio.run(main(), debug=True)
