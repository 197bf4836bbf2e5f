# Twin of chapter 12: main awaits a Future that a task fills in 1 s later.
import asyncio


async def set_future_value(future: asyncio.Future) -> None:
    await asyncio.sleep(1)
    future.set_result(42)


def make_request() -> asyncio.Future:
    future = asyncio.Future()
    asyncio.create_task(set_future_value(future))
    return future


async def main():
    pending = make_request()
    print(f"Is the future done? {pending.done()}")
    answer = await pending
    print(f"Is the future done? {pending.done()}")
    print(answer)


if __name__ == "__main__":
    asyncio.run(main())
