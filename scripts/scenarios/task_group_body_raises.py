# The body raises: the group cancels its children, waits for them, and
# raises the body's exception inside an ExceptionGroup.  SystemExit and
# KeyboardInterrupt from the body come out as they are, once the children
# are done.  A child that raises GeneratorExit, no Exception, makes it a
# BaseExceptionGroup.
import asyncio


async def sleeper(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    print(f"{name}: woke")


async def exits(name):
    await asyncio.sleep(1)
    print(f"{name}: raises GeneratorExit")
    raise GeneratorExit


async def body_raises(exception):
    group = asyncio.TaskGroup()
    async with group:
        group.create_task(sleeper("child", 5))
        await asyncio.sleep(1)
        print(f"body: raises {exception!r}: {group!r}")
        raise exception


async def main():
    try:
        await body_raises(ValueError("body"))
    except ExceptionGroup as caught:
        print(f"main: {caught!r}")
    try:
        await body_raises(SystemExit(3))
    except SystemExit as caught:
        print(f"main: SystemExit as it is, code {caught.code}")
    try:
        await body_raises(KeyboardInterrupt())
    except KeyboardInterrupt:
        print("main: KeyboardInterrupt as it is")
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(exits("x"))
            group.create_task(sleeper("y", 5))
    except BaseExceptionGroup as caught:
        print(f"main: {caught!r}")
        print(f"main: {type(caught).__name__}: {caught}")
    print(f"main: cancelling() = {asyncio.current_task().cancelling()}")


asyncio.run(main())
