# The task in the group is cancelled from outside: in the body, or while
# its exit waits for the children.  The group cancels the children, waits
# for them, and lets the CancelledError go on, not an ExceptionGroup.
# When a child fails in the same iteration, the ExceptionGroup wins; 3.13
# then cancels the task anew, so that its next await is cancelled.
import asyncio


async def sleeper(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    print(f"{name}: woke")


async def failer(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: raises")
    raise ValueError(name)


async def canceller(task, seconds):
    await asyncio.sleep(seconds)
    print(f"canceller: cancel() = {task.cancel()}")


async def in_body():
    async with asyncio.TaskGroup() as group:
        group.create_task(sleeper("a", 5))
        await asyncio.sleep(5)


async def in_exit():
    async with asyncio.TaskGroup() as group:
        group.create_task(sleeper("b", 5))


async def with_failure():
    async with asyncio.TaskGroup() as group:
        group.create_task(failer("c", 1))
        group.create_task(sleeper("d", 5))
        await asyncio.sleep(5)


async def run(name, body):
    task = asyncio.create_task(body())
    asyncio.create_task(canceller(task, 1))
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: {name} raised CancelledError, cancelled() = {task.cancelled()}")


async def cancelled_with_failure():
    me = asyncio.current_task()
    asyncio.create_task(canceller(me, 1))
    try:
        await with_failure()
    except ExceptionGroup as caught:
        print(f"main: {caught!r}, cancelling() = {me.cancelling()}")
    try:
        await asyncio.sleep(0)
        print("main: the next await goes on")
    except asyncio.CancelledError:
        print("main: the next await is cancelled")


async def main():
    await run("in_body", in_body)
    await run("in_exit", in_exit)
    await asyncio.create_task(cancelled_with_failure())


asyncio.run(main())
