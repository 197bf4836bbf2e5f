# Experiment for chapter 24: CPU work instead of a sleep, on the loop
# and on threads.
import asyncio
import time


def burn(seconds):
    # Keep this thread's CPU busy for `seconds` of its own CPU time: the
    # same work in Python as in C, however fast each language counts.
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def blocking_io(name):
    # A plain function, all CPU: nothing in it waits.
    burn(0.05)  # try: CPU work for 0.05 s instead of time.sleep(1)
    return f"{name} done"


async def on_the_loop(name):
    return blocking_io(name)  # no await: the loop waits with it


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("three blocking calls, each in a coroutine on the loop:")
    results = await asyncio.gather(on_the_loop("A"), on_the_loop("B"), on_the_loop("C"))
    print(f"{results} after {loop.time() - start:.2f} s")

    start = loop.time()
    print("the same three, each on a thread with asyncio.to_thread:")
    results = await asyncio.gather(asyncio.to_thread(blocking_io, "D"),
                                   asyncio.to_thread(blocking_io, "E"),
                                   asyncio.to_thread(blocking_io, "F"))
    print(f"{results} after {loop.time() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
