# Twin of chapter 12: main awaits a Future that a task fills in 1 s later.
import asyncio
from asyncio import Future


def make_request() -> Future:
    future = Future()  # hand out the box now...
    asyncio.create_task(set_future_value(future))  # ...and fill it later
    return future


async def set_future_value(future: Future) -> None:
    await asyncio.sleep(1)
    future.set_result(42)


async def main():
    future = make_request()
    print(f"Is the future done? {future.done()}")
    value = await future
    print(f"Is the future done? {future.done()}")
    print(value)


if __name__ == "__main__":
    asyncio.run(main())
