# An exception raised in a task: awaiting the task re-raises it, and
# result() and exception() report it; the task is done, not cancelled.
import asyncio


async def failing():
    await asyncio.sleep(0.5)
    raise ValueError("went wrong")


async def main():
    task = asyncio.create_task(failing())
    try:
        await task
    except ValueError as error:
        print(f"await: {type(error).__name__}: {error}")
    print(f"done = {task.done()}, cancelled = {task.cancelled()}")
    print(f"exception() = {task.exception()!r}")
    try:
        task.result()
    except ValueError as error:
        print(f"result() raises {type(error).__name__}: {error}")


asyncio.run(main())
