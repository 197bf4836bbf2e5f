# Experiment for chapter 17: a timeout that ends when the task of 3 s does.
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f"sleeping for {delay_seconds} second(s)")
    await asyncio.sleep(delay_seconds)
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds


async def fail() -> int:
    await asyncio.sleep(1)
    raise ValueError("boom")


def results(done, tasks):
    """The results of the tasks that are done, in the order of `tasks`."""
    return [task.result() for task in sorted(done, key=tasks.index)]


async def main():
    three = asyncio.create_task(delay(3))
    one = asyncio.create_task(delay(1))
    two = asyncio.create_task(delay(2))
    tasks = [three, one, two]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"first completed: {results(done, tasks)} done, {len(pending)} pending")
    done, pending = await asyncio.wait(tasks, timeout=2)  # try: timeout=2
    print(f"timed out: {results(done, tasks)} done, {len(pending)} pending")
    done, pending = await asyncio.wait(tasks)
    print(f"all completed: {results(done, tasks)} done, {len(pending)} pending")

    slow = asyncio.create_task(delay(2))
    failing = asyncio.create_task(fail())
    done, pending = await asyncio.wait([slow, failing], return_when=asyncio.FIRST_EXCEPTION)
    print(f"first exception: {len(done)} done, {len(pending)} pending; {failing.exception()!r}")
    print(f"slow gave {await slow}")

    try:
        await asyncio.wait([])
    except ValueError as error:
        print(f"wait([]) raised ValueError: {error}")
    lone = delay(1)
    try:
        await asyncio.wait([lone])
    except TypeError as error:
        print(f"wait([coroutine]) raised TypeError: {error}")
    task = asyncio.create_task(lone)
    done, pending = await asyncio.wait([task])
    print(f"as a task: {results(done, [task])} done, {len(pending)} pending")


if __name__ == "__main__":
    asyncio.run(main())
