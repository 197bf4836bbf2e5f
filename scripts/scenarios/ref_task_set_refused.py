# A Task settles its own Future when its coroutine ends: set_result() and
# set_exception() on it are refused, and whoever awaits it gets what the
# coroutine returns, not a value pushed in from outside.
import asyncio


async def sleeper():
    await asyncio.sleep(1)
    return "slept"


async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    try:
        task.set_result("injected")
    except RuntimeError as error:
        print(f"set_result: {type(error).__name__}: {error}")
    try:
        task.set_exception(ValueError("injected"))
    except RuntimeError as error:
        print(f"set_exception: {type(error).__name__}: {error}")
    print(f"done = {task.done()}")
    print(f"await gives {await task!r}")


asyncio.run(main())
