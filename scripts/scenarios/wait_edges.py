# wait() at its edges.  The same task twice is one; a plain Future works
# as a Task does; a set whose Futures are all done still pauses the caller
# (the callbacks go through call_soon), so a task that was ready runs
# first.  timeout=0 returns in the next step with what is done by then,
# and so does a NaN timeout, which is no error (its timer is due at the
# loop's next look).
# Refused when awaited: a return_when it does not know (ValueError), and a
# coroutine next to a task (TypeError), which leaves the task running.
import asyncio


async def sleeper(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: woke")
    return name


async def other():
    print("other: ran")


async def main():
    a = asyncio.create_task(sleeper("a", 1))
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(2, future.set_result, 42)
    done, pending = await asyncio.wait([a, a, future])
    print(f"main: {len(done)} done, {len(pending)} pending; the Future gave {future.result()}")

    asyncio.create_task(other())
    done, pending = await asyncio.wait([a])
    print(f"main: a done already: {len(done)} done")

    b = asyncio.create_task(sleeper("b", 1))
    done, pending = await asyncio.wait([a, b], timeout=0)
    print(f"main: timeout=0: {len(done)} done, {len(pending)} pending")

    try:
        await asyncio.wait([b], return_when=7)
    except ValueError as error:
        print(f"main: ValueError: {error}")
    lone = sleeper("lone", 1)
    try:
        await asyncio.wait([b, lone])
    except TypeError as error:
        print(f"main: TypeError: {error}; b.done() = {b.done()}")
    print(f"main: lone gave {await lone}; b.done() = {b.done()}")

    c = asyncio.create_task(sleeper("c", 1))
    done, pending = await asyncio.wait([c], timeout=float("nan"))
    print(f"main: timeout=nan: {len(done)} done, {len(pending)} pending")
    print(f"main: c gave {await c}")


asyncio.run(main())
