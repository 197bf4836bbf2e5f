# What changed in 3.13.  3.11 and 3.12 give a generator, whose body runs
# at the first next(): a coroutine handed to it becomes a Task only then,
# after a Task made in between, and starts after it.  3.13 makes the Task
# at the call.  async for gives the Tasks themselves from 3.13 on (the
# same Task twice is one), and at the timeout it raises TimeoutError
# itself; before 3.13 it raises TypeError.  as_completed() of nothing
# gives nothing, in every version.  A coroutine next() gave and nobody
# awaited is reported at exit by its __qualname__, which names the
# generator's inner function before 3.13 and the iterator's method from
# 3.13 on.
import asyncio

kept = []  # so that the warning comes at exit, when the C loop gives it


async def work(name, seconds):
    print(f"{name}: starts")
    await asyncio.sleep(seconds)
    return name


async def main():
    completions = asyncio.as_completed([work("a", 1)])
    b = asyncio.create_task(work("b", 1))
    for next_done in completions:
        print(f"main: got {await next_done}")
    print(f"main: b gave {await b}")

    c = asyncio.create_task(work("c", 1))
    slow = asyncio.create_task(work("slow", 2))
    try:
        async for finished in asyncio.as_completed([c, slow, c], timeout=1.5):
            print(f"main: async for gave c itself: {finished is c}, done: {finished.done()}")
    except TypeError as error:
        print(f"main: TypeError: {error}")
    except TimeoutError:
        print(f"main: async for raised TimeoutError; slow.done() = {slow.done()}")
    print(f"main: slow gave {await slow}")

    for next_done in asyncio.as_completed([]):
        print("main: never printed")
    print("main: as_completed([]) gave nothing")

    kept.append(next(iter(asyncio.as_completed([slow]))))
    print("main: one coroutine of as_completed() kept, never awaited")


asyncio.run(main())
