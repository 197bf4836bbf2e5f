# The task that is waiting in wait_for is itself cancelled: the inner
# task is cancelled too, waited for, and CancelledError (not TimeoutError)
# reaches the outer task.
import asyncio


async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner: cancelled")
        raise


async def outer(box):
    box.append(asyncio.create_task(inner()))
    try:
        await asyncio.wait_for(box[0], timeout=5)
    except asyncio.CancelledError:
        print(f"outer: CancelledError; inner cancelled = {box[0].cancelled()}")
        raise


async def main():
    box = []
    task = asyncio.create_task(outer(box))
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: outer cancelled = {task.cancelled()}")


asyncio.run(main())
