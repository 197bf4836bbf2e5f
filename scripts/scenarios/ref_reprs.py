# repr() of Futures and Tasks as CPython writes them: a result goes through
# reprlib (a str over 30 characters, escapes counted, is cut around "..."),
# an exception's message never; a Task asked to cancel, and not done yet,
# is "cancelling", and shows what it waits for; a coroutine's name is
# never cut, however long.
import asyncio
import re


def without_source(text):
    # CPython's repr of a coroutine names its source line; ours cannot.
    # Nor does ours list a Future's done callbacks.
    return re.sub(r" cb=\[[^]]*\]", "", re.sub(r" (running|done, defined) at [^ >]*", "", text))


async def sleeper():
    await asyncio.sleep(1)


VALUES = ["short", "x" * 28, "y" * 29, "it's a \"quoted\" and 'long' string, cut",
          "\t\n" * 8, "한글 코루틴 " * 5, "\x01\x02\x03\x04\x05\x06\x07abc", "tail\U0001F600" * 6, -9223372036854775807 - 1,
          9223372036854775807, 1e300, None]


async def main():
    loop = asyncio.get_running_loop()
    for value in VALUES:
        future = loop.create_future()
        future.set_result(value)
        print(repr(future))
    future = loop.create_future()
    future.set_exception(ValueError("an exception's message is never cut, however long it is"))
    print(repr(future))
    future.exception()
    blocked = asyncio.create_task(sleeper())
    twice = asyncio.create_task(sleeper())
    taken_back = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    for task in (blocked, twice, taken_back):
        task.cancel()
    twice.cancel()
    taken_back.uncancel()
    for task in (blocked, twice, taken_back):
        print(without_source(repr(task)))
    await asyncio.sleep(0)
    print(without_source(repr(blocked)))
    long_named = asyncio.create_task(sleeper())
    long_named.get_coro().__qualname__ = "long_" * 60
    await asyncio.sleep(0)
    print(without_source(repr(long_named)))


asyncio.run(main())
