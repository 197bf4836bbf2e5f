# Twin of chapter 16: as_completed gives each result as soon as its
# awaitable finishes, in the order they finish; then a failure, and a
# timeout that leaves the rest running.
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f"sleeping for {delay_seconds} second(s)")
    await asyncio.sleep(delay_seconds)
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds


async def fail() -> int:
    await asyncio.sleep(1)
    raise ValueError("boom")


async def main():
    three = asyncio.create_task(delay(3))
    one = asyncio.create_task(delay(1))
    two = asyncio.create_task(delay(2))
    for next_done in asyncio.as_completed([three, one, two]):
        print(f"got {await next_done}")

    slow = asyncio.create_task(delay(2))
    failing = asyncio.create_task(fail())
    for next_done in asyncio.as_completed([slow, failing]):
        try:
            print(f"got {await next_done}")
        except ValueError as error:
            print(f"raised {error!r}")

    slow = asyncio.create_task(delay(3))
    quick = asyncio.create_task(delay(1))
    try:
        for next_done in asyncio.as_completed([slow, quick], timeout=2):
            print(f"got {await next_done}")
    except TimeoutError:
        print(f"TimeoutError; slow.done() = {slow.done()}")
    print(f"slow gave {await slow}")


if __name__ == "__main__":
    asyncio.run(main())
