# A task fails with a long message and nobody retrieves it: the report
# names it with its whole repr, however long, as CPython prints it.
import asyncio

MESSAGE = ("a message long enough that the report of the task that raised it "
           "no longer fits in the 256 bytes a report is first written into, so "
           "that it is written again into memory of its own, at its whole length: "
           "CPython never cuts it short either")


async def boom():
    raise ValueError(MESSAGE)


async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(1)
    print("main: done, without awaiting the failed task")


asyncio.run(main())
