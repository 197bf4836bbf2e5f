# Twin of chapter 10: with shield(), wait_for still times out, but the task
# behind the shield keeps running and can be awaited afterwards.
import asyncio


async def delay(seconds: int) -> int:
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def main():
    task = asyncio.create_task(delay(2))
    try:
        value = await asyncio.wait_for(asyncio.shield(task), timeout=1)
    except asyncio.TimeoutError:
        print("No result after 1 second(s); the task keeps going.")
        print(f"Was the task cancelled? {task.cancelled()}")
        value = await task
    print(f"The shielded task returned {value}")


if __name__ == "__main__":
    asyncio.run(main())
