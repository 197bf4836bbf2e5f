# Cancelling a task that awaits a Future cancels that Future too.
import asyncio


async def waiter(future):
    try:
        await future
    except asyncio.CancelledError:
        print("waiter: CancelledError at its await of the Future")
        raise


async def main():
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(waiter(future))
    await asyncio.sleep(0)
    print(f"cancel: {task.cancel()}")
    print(f"the Future is cancelled at once: {future.cancelled()}")
    print(f"the task is not done yet: {task.done()}")
    try:
        await task
    except asyncio.CancelledError:
        print("main: awaiting the task raised CancelledError")
    print(f"task cancelled: {task.cancelled()}")


asyncio.run(main())
