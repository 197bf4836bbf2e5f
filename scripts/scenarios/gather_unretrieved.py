# A gather whose first child fails, and that nobody awaits: its exception
# is reported as never retrieved, under the class's own name.  The second
# child's failure is not: gather's callback looked at it.
import asyncio


async def fail(seconds, message):
    await asyncio.sleep(seconds)
    raise ValueError(message)


async def main():
    gathering = asyncio.gather(fail(1, "lost"), fail(2, "seen by gather"))
    await asyncio.sleep(3)
    print(f"main: {gathering!r}")


asyncio.run(main())
