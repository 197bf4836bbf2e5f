# The shielded task fails: awaiting the shield raises its exception.  A
# shield of a Future that is already done is that Future itself.
import asyncio


async def failing():
    await asyncio.sleep(0.5)
    raise ValueError("inner broke")


async def main():
    task = asyncio.create_task(failing())
    try:
        await asyncio.shield(task)
    except ValueError as error:
        print(f"main: {type(error).__name__}: {error}")
    print(f"shield(done) is done: {asyncio.shield(task) is task}")
    print(f"task: cancelled = {task.cancelled()}, exception = {task.exception()!r}")


asyncio.run(main())
