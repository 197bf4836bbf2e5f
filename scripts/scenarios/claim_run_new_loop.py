# Claims C6, C8 (post 1-2): asyncio.run makes a new loop, runs the
# coroutine to the end and returns its result, then closes the loop.
# Because each run closes its loop, a second run in a row works on a
# loop of its own.
import asyncio


async def nap_then_add_one(number):
    await asyncio.sleep(1)
    return number + 1


print(f"first asyncio.run returned {asyncio.run(nap_then_add_one(1))}")
print(f"second asyncio.run returned {asyncio.run(nap_then_add_one(2))}")
