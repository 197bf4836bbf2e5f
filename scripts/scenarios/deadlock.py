# main awaits a Future that nothing will ever set.  CPython waits for
# ever; the C loop, and the twin's virtual clock, report a deadlock.
import asyncio


async def main():
    never = asyncio.get_running_loop().create_future()
    print("main: waiting for a Future nobody will set")
    await never
    print("never printed")


asyncio.run(main())
