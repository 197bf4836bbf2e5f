# Experiment for chapter 10: the same program without shield().
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f"sleeping for {delay_seconds} second(s)")
    await asyncio.sleep(delay_seconds)
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds


async def main():
    delay_task = asyncio.create_task(delay(2))
    try:
        result = await asyncio.wait_for(delay_task, timeout=1)  # try: no shield
    except asyncio.exceptions.TimeoutError:
        print("No result after 1 second(s); the task keeps going.")
        print(f"Was the task cancelled? {delay_task.cancelled()}")
        try:  # try: the task may now be cancelled, so catch that
            result = await delay_task
        except asyncio.CancelledError:
            print("Awaiting the task raised CancelledError: it is gone.")
            return
    print(f"The shielded task returned {result}")


if __name__ == "__main__":
    asyncio.run(main())
