# Claim C15 (post 1-4): asyncio.sleep is itself a coroutine.  Calling it
# makes a coroutine object and sleeps not at all; awaiting it sleeps.
import asyncio


async def main():
    nap = asyncio.sleep(1)
    print(f"asyncio.sleep(1) gave {type(nap)}")
    print("nothing has slept yet")
    await nap
    print("after await: one second later")


asyncio.run(main())
