# wait_for at the ends of the number line.  timeout=-inf is a timeout
# already passed, like 0: a task that is running is cancelled and waited
# for, then TimeoutError; one that swallows the cancel gives its value; a
# done Future gives its result.  timeout=None (+inf in C) never times out.
import asyncio


async def worker(name, swallow):
    try:
        await asyncio.sleep(1)
        return "finished"
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        if swallow:
            return f"{name} swallowed the cancel"
        raise


async def attempt(what, awaitable, timeout):
    try:
        value = await asyncio.wait_for(awaitable, timeout)
        print(f"{what}: {value!r}")
    except TimeoutError:
        print(f"{what}: TimeoutError")


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(worker("plain", False))
    await asyncio.sleep(0)  # it has started and sleeps
    await attempt("-inf on a running task", task, float("-inf"))
    task = asyncio.create_task(worker("stubborn", True))
    await asyncio.sleep(0)
    await attempt("-inf on a stubborn task", task, float("-inf"))
    done = loop.create_future()
    done.set_result("ready")
    await attempt("-inf on a done Future", done, float("-inf"))
    await attempt("None", worker("patient", False), None)


asyncio.run(main())
