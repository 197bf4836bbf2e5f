# Experiment for chapter 13: a Countdown whose turns sleep 0.5 s each.
import asyncio


async def add_one(number: int) -> int:
    return number + 1


async def resolve_later(future: asyncio.Future) -> None:
    await asyncio.sleep(1)
    future.set_result(4)


class Countdown:
    """Awaitable because it has __await__: sleeps 0.5 s `turns`
    times, then returns a value."""

    def __init__(self, turns: int):
        self.turns = turns

    def __await__(self):
        for _ in range(self.turns):
            yield from asyncio.sleep(0.5).__await__()  # try: sleep instead of a bare yield
        return "liftoff"


async def main():
    coroutine = add_one(1)
    task = asyncio.create_task(add_one(2))
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(resolve_later(future))
    for awaitable in (coroutine, task, future, Countdown(3)):
        kind = type(awaitable)
        print(f"await {kind} gave {await awaitable!r}")
    print(f"Is a Task a Future? {isinstance(task, asyncio.Future)}")
    print(f"Is a coroutine a Future? {isinstance(coroutine, asyncio.Future)}")


if __name__ == "__main__":
    asyncio.run(main())
