# A task fails with a long message and nobody retrieves it: the report
# names it with its whole repr, however long, as CPython prints it.
import asyncio

MESSAGE = ("a message long enough that the report of the task that raised it "
           "no longer fits in a buffer of 160 bytes, which CPython never cuts short")


async def boom():
    raise ValueError(MESSAGE)


async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(1)
    print("main: done, without awaiting the failed task")


asyncio.run(main())
