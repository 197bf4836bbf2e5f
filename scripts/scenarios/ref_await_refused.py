# Three awaits that asyncio refuses.  A task that awaits itself gives the
# loop control once (the ticker runs), then gets RuntimeError naming it.
# A coroutine that another task is running cannot be awaited as well; one
# that has finished cannot be awaited again.
import asyncio
import re


def without_source(text):
    # CPython's repr of a coroutine names its source line; ours cannot.
    return re.sub(r" running at [^ >]*", "", text)


async def ticker():
    for i in range(3):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def await_self():
    print("await_self: awaits itself")
    try:
        await asyncio.current_task()
    except RuntimeError as error:
        print(f"await_self: {type(error).__name__}: {without_source(str(error))}")


async def nap():
    await asyncio.sleep(1)
    return "rested"


async def main():
    asyncio.create_task(ticker())
    asyncio.create_task(await_self())
    await asyncio.sleep(0.5)
    coro = nap()
    task = asyncio.create_task(coro)
    await asyncio.sleep(0)
    try:
        await coro
    except RuntimeError as error:
        print(f"main: {type(error).__name__}: {error}")
    print(f"main: the task gives {await task!r}")
    try:
        await coro
    except RuntimeError as error:
        print(f"main: {type(error).__name__}: {error}")


asyncio.run(main())
