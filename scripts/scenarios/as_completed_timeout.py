# A timeout when some are done and some are not.  The awaits come in the
# order the children finish, a failure out of its own await; at the
# deadline the next await raises TimeoutError, and so does each one after
# it, at once.  A child whose sleep ends at the deadline itself is too
# late: the timeout's timer was armed first.  What is still running runs on.
# A NaN timeout is no error: its timer is due at the loop's next look, so
# the first await raises TimeoutError while the child has only just begun.
import asyncio


async def work(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return name


async def failer(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: raises")
    raise ValueError(name)


async def main():
    a = asyncio.create_task(work("a", 1))
    b = asyncio.create_task(failer("b", 1))
    c = asyncio.create_task(work("c", 2))
    d = asyncio.create_task(work("d", 3))
    for i, next_done in enumerate(asyncio.as_completed([a, b, c, d], timeout=2)):
        try:
            print(f"main: await {i} gave {await next_done}")
        except ValueError as error:
            print(f"main: await {i} raised {error!r}")
        except TimeoutError:
            print(f"main: await {i} raised TimeoutError")
    print(f"main: c.done() = {c.done()}, d.done() = {d.done()}")
    print(f"main: d gave {await d}")

    e = asyncio.create_task(work("e", 1))
    for next_done in asyncio.as_completed([e], timeout=float("nan")):
        try:
            print(f"main: e gave {await next_done}")
        except TimeoutError:
            print(f"main: timeout=nan raised TimeoutError; e.done() = {e.done()}")
    print(f"main: e gave {await e}")


asyncio.run(main())
