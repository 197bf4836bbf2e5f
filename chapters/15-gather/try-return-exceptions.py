# Experiment for chapter 15: the third gather with return_exceptions.
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
    results = await asyncio.gather(delay(3), delay(1), delay(2))
    print(results)

    results = await asyncio.gather(delay(1), fail(), return_exceptions=True)
    print(results)

    slow = asyncio.create_task(delay(2))
    try:
        await asyncio.gather(slow, fail(), return_exceptions=True)  # try: return_exceptions=True
    except ValueError as error:
        print(f"gather raised {error!r}; slow.done() = {slow.done()}")
    print(f"slow gave {await slow}")

    gathering = asyncio.gather(delay(5), delay(5))
    await asyncio.sleep(1)
    print(f"cancel() = {gathering.cancel()}")
    try:
        await gathering
    except asyncio.CancelledError:
        print(f"gather raised CancelledError: {gathering!r}")


if __name__ == "__main__":
    asyncio.run(main())
