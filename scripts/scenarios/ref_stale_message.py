# A task catches InvalidStateError ("invalid state"), then raises a new,
# bare Exception: that one has no message, and the report of it, its
# repr and str(error) in whoever awaits it show none.
import asyncio
import re


async def worker():
    future = asyncio.get_running_loop().create_future()
    future.set_result(1)
    try:
        future.set_result(2)
    except asyncio.InvalidStateError as error:
        print(f"worker caught {type(error).__name__}: {error}")
    raise Exception


async def main():
    task = asyncio.create_task(worker())
    try:
        await task
    except Exception as error:
        print(f"main caught {type(error).__name__}: {str(error)!r}")
    # CPython's repr of a coroutine names its source line; ours cannot.
    print(re.sub(r" done, defined at [^ >]*", "", f"repr: {task!r}"))


asyncio.run(main())
