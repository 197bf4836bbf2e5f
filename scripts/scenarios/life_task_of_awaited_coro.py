# create_task(c) while coroutine c is being awaited by another task, and
# is suspended inside, on a Future.  No error: the new Task's first step
# sends into c, which passes the send down to that Future, still
# pending, and the Future is handed to the new Task, which waits on it
# too.  So both tasks wait on the same Future, the awaiter first.  When
# it is set, the awaiter resumes c, which goes on to its next await (a
# sleep); the new Task, woken after, finds c waiting on the sleep's
# Future and waits on that.  When the sleep ends, the awaiter resumes c
# to its end; the new Task, woken after, sends into a finished coroutine:
# RuntimeError: cannot reuse already awaited coroutine, and that is how
# it finishes.  c's own code never sees the second Task.
import asyncio
import re


def without_source(text):
    # CPython's repr of a coroutine names its source line; ours cannot.
    # Nor does ours list a Future's done callbacks.
    return re.sub(r" cb=\[[^]]*\]", "", re.sub(r" (running|done, defined) at [^ >]*", "", text))


async def worker(future):
    print("worker: awaits the Future")
    value = await future
    print(f"worker: got {value!r}, sleeps 1 s")
    await asyncio.sleep(1)
    print("worker: returns")
    return f"worker's {value}"


async def awaiter(coro):
    print("awaiter: awaits the coroutine")
    result = await coro
    print(f"awaiter: got {result!r}")
    return result


def report(task):
    print(f"done: {without_source(repr(task))}")


async def main():
    future = asyncio.get_running_loop().create_future()
    coro = worker(future)
    first = asyncio.create_task(awaiter(coro))
    first.add_done_callback(report)
    await asyncio.sleep(0)
    second = asyncio.create_task(coro)
    second.add_done_callback(report)
    print(f"main: {without_source(repr(second))}")
    await asyncio.sleep(0)
    print(f"main: {without_source(repr(second))}")
    await asyncio.sleep(1)
    future.set_result(42)
    print("main: set the Future")
    await asyncio.sleep(0.5)
    print(f"main: {without_source(repr(first))}")
    print(f"main: {without_source(repr(second))}")
    for task in (first, second):
        try:
            print(f"main: {task.get_name()} gives {await task!r}")
        except RuntimeError as error:
            print(f"main: {task.get_name()} raised {type(error).__name__}: {error}")


asyncio.run(main())
