# timeout=0 (or below): a coroutine is wrapped in a task and cancelled
# before it can start, so none of its body runs; a Future that is already
# done gives its result.
import asyncio


async def never_runs():
    print("never printed")
    return "unreachable"


async def main():
    for timeout in (0, -1):
        try:
            await asyncio.wait_for(never_runs(), timeout=timeout)
        except asyncio.TimeoutError:
            print(f"timeout={timeout}: TimeoutError, and the body never ran")
    done = asyncio.get_running_loop().create_future()
    done.set_result("ready")
    print(f"timeout=0 on a done Future: {await asyncio.wait_for(done, timeout=0)!r}")


asyncio.run(main())
