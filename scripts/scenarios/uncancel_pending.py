# cancel() on a task that has not run yet, then uncancel() before it
# does.  Up to 3.12 the cancel still reaches the task, which ends
# cancelled without running; from 3.13 (gh-113848) taking back the last
# request drops the pending cancel too, and the task runs.
import asyncio


async def worker():
    print("worker: running")
    return "done"


async def main():
    task = asyncio.create_task(worker())
    print(f"cancel: {task.cancel()}")
    print(f"uncancel: {task.uncancel()}")
    try:
        print(f"worker: ok {await task!r}")
    except asyncio.CancelledError:
        print("worker: CancelledError")


asyncio.run(main())
