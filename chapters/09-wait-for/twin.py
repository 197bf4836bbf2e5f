# Twin of chapter 09: wait_for times out after 1 s and cancels the task.
import asyncio


async def delay(seconds: int) -> int:
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def main():
    task = asyncio.create_task(delay(2))
    try:
        print(await asyncio.wait_for(task, timeout=1))
    except asyncio.TimeoutError:
        print("Got a timeout!")
        print(f"Was the task cancelled? {task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
