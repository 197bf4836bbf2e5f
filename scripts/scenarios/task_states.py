# A Task's result(), exception(), done() and cancelled() while it is
# pending, after it returns, and after it is cancelled.
import asyncio


def show(label, call):
    try:
        print(f"{label}: {call()!r}")
    except (Exception, asyncio.CancelledError) as error:
        print(f"{label}: raises {type(error).__name__}: {error}")


async def work(value):
    await asyncio.sleep(0.5)
    return value


async def main():
    finished = asyncio.create_task(work(8))
    cancelled = asyncio.create_task(work(9))
    show("pending.result()", finished.result)
    show("pending.exception()", finished.exception)
    print(f"pending: done = {finished.done()}, cancelled = {finished.cancelled()}")
    cancelled.cancel()
    await asyncio.sleep(1)
    for name, task in (("finished", finished), ("cancelled", cancelled)):
        show(f"{name}.result()", task.result)
        show(f"{name}.exception()", task.exception)
        print(f"{name}: done = {task.done()}, cancelled = {task.cancelled()}")


asyncio.run(main())
