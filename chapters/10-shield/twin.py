# Twin of chapter 10: with shield(), wait_for still times out, but the task
# behind the shield keeps running and can be awaited afterwards.
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f"sleeping for {delay_seconds} second(s)")
    await asyncio.sleep(delay_seconds)
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds


async def main():
    delay_task = asyncio.create_task(delay(2))
    try:
        result = await asyncio.wait_for(asyncio.shield(delay_task), timeout=1)
    except asyncio.exceptions.TimeoutError:
        print("No result after 1 second(s); the task keeps going.")
        print(f"Was the task cancelled? {delay_task.cancelled()}")
        result = await delay_task  # only the shield was cancelled
    print(f"The shielded task returned {result}")


if __name__ == "__main__":
    asyncio.run(main())
