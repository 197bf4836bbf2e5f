# Experiment for chapter 12: set_future_value sets the result before it sleeps.
import asyncio
from asyncio import Future


def make_request() -> Future:
    future = Future()  # hand out the box now...
    asyncio.create_task(set_future_value(future))  # ...and fill it later
    return future


async def set_future_value(future: Future) -> None:
    future.set_result(42)  # try: set first...
    await asyncio.sleep(1)  # try: ...then sleep


async def main():
    future = make_request()
    print(f"Is the future done? {future.done()}")
    value = await future
    print(f"Is the future done? {future.done()}")
    print(value)


if __name__ == "__main__":
    asyncio.run(main())
