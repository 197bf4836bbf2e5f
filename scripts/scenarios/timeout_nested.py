# Two asyncio.timeout() blocks, one inside the other.  The inner deadline
# comes first: only the inner block raises TimeoutError, and the outer one
# goes on.  The outer deadline comes first: the inner block sees a
# CancelledError that is not its own and lets it pass; the outer turns it
# into TimeoutError.  Both at the same moment: two cancel requests, so the
# inner block cannot call the CancelledError its own, and again only the
# outer raises TimeoutError, though both have expired.
import asyncio


async def main():
    task = asyncio.current_task()

    outer = asyncio.timeout(5)
    async with outer:
        inner = asyncio.timeout(1)
        try:
            async with inner:
                await asyncio.sleep(2)
        except TimeoutError:
            print(f"inner first: inner TimeoutError, inner {inner!r}, outer {outer!r}")
        await asyncio.sleep(0.5)
    print(f"inner first: outer {outer!r}, cancelling={task.cancelling()}")

    outer = asyncio.timeout(1)
    inner = asyncio.timeout(5)
    try:
        async with outer:
            try:
                async with inner:
                    await asyncio.sleep(2)
            except asyncio.CancelledError:
                print(f"outer first: inner let CancelledError pass, inner {inner!r}")
                raise
    except TimeoutError:
        print(f"outer first: outer TimeoutError, outer {outer!r}, cancelling={task.cancelling()}")

    loop = asyncio.get_running_loop()
    when = loop.time() + 1
    outer = asyncio.timeout_at(when)
    inner = asyncio.timeout_at(when)
    try:
        async with outer:
            try:
                async with inner:
                    await asyncio.sleep(2)
            except asyncio.CancelledError:
                print(f"both: inner let CancelledError pass, cancelling={task.cancelling()}, "
                      f"inner expired={inner.expired()}")
                raise
    except TimeoutError:
        print(f"both: outer TimeoutError, outer expired={outer.expired()}, cancelling={task.cancelling()}")

    outer = asyncio.timeout(2)
    try:
        async with outer:
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(5)
            except TimeoutError:
                print("one after the other: inner TimeoutError; the handler sleeps on")
                await asyncio.sleep(5)
    except TimeoutError:
        print(f"one after the other: outer TimeoutError too, cancelling={task.cancelling()}")


asyncio.run(main())
