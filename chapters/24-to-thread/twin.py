# Twin of chapter 24: a blocking call in a coroutine holds the loop
# (chapter 14); asyncio.to_thread runs it on a thread of the loop's pool
# instead, and three of them take 1 s, not 3.
import asyncio
import time


def blocking_io(name):
    # A plain function: time.sleep() blocks the thread it runs on.
    time.sleep(1)
    return f"{name} done"


async def on_the_loop(name):
    return blocking_io(name)  # no await: the loop waits with it


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("three blocking calls, each in a coroutine on the loop:")
    results = await asyncio.gather(on_the_loop("A"), on_the_loop("B"), on_the_loop("C"))
    print(f"{results} after {loop.time() - start:.0f} s")

    start = loop.time()
    print("the same three, each on a thread with asyncio.to_thread:")
    results = await asyncio.gather(asyncio.to_thread(blocking_io, "D"),
                                   asyncio.to_thread(blocking_io, "E"),
                                   asyncio.to_thread(blocking_io, "F"))
    print(f"{results} after {loop.time() - start:.0f} s")


if __name__ == "__main__":
    asyncio.run(main())
