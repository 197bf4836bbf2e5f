# gather() of nothing is a plain Future, already done, with [].  The same
# awaitable given twice is one child, and its result comes twice: a
# coroutine runs once.  A gather inside a gather is a list in the list.
# A child already done: in 3.11 gather's callback for it waits for the
# loop, so the gather is not done yet when gather() returns; from 3.12 on
# the callback runs at once, and it is.
import asyncio


async def work(name):
    print(f"{name}: runs")
    await asyncio.sleep(1)
    return name


async def main():
    empty = asyncio.gather()
    print(f"gather(): {empty!r}, {type(empty)}, done = {empty.done()}")
    print(f"await gather(): {await empty}")

    twice = work("x")
    gathering = asyncio.gather(twice, twice)
    print(f"{type(gathering)}")
    print(f"same coroutine twice: {await gathering}")
    task = asyncio.create_task(work("y"))
    print(f"same task twice: {await asyncio.gather(task, task, work('z'))}")

    nested = asyncio.gather(asyncio.gather(work("p"), work("q")), work("r"))
    print(f"nested: {await nested}")
    print(f"nested: {nested!r}")

    gathering = asyncio.gather(task, task)
    print(f"gather of a done task: done at once = {gathering.done()}")
    print(f"and then: {await gathering}")


asyncio.run(main())
