# A task fails and nobody ever looks at its exception: asyncio reports
# "Task exception was never retrieved" on stderr when it is collected.
import asyncio


async def boom():
    await asyncio.sleep(0.1)
    raise ValueError("boom")


async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(1)
    print("main: done, without awaiting the failed task")


asyncio.run(main())
