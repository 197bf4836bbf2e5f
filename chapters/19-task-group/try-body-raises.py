# Experiment for chapter 19: the second block raises instead of awaiting delay(2).
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
    async with asyncio.TaskGroup() as group:
        first = group.create_task(delay(1))
        second = group.create_task(delay(2))
        print(f"in the block: {group!r}")
    print(f"after the block: {first.result()} and {second.result()}, {group!r}")

    try:
        async with asyncio.TaskGroup() as group:
            slow = group.create_task(delay(3))
            group.create_task(fail())
            raise ValueError("body")  # try: raise ValueError("body")
            print("the block goes on")
    except* ValueError as caught:
        print(f"caught {caught!r}")
        print(f"{group!r}")
    print(f"slow.cancelled() = {slow.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
