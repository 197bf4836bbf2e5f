# Claims C27, C29 (post 2-1 and its tip): a task runs only if you await
# it.  Nobody awaits this one, yet it runs to the end once main gives the
# loop control.
import asyncio


async def delay(seconds):
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def main():
    task = asyncio.create_task(delay(1))
    print("main created the task and will never await it")
    await asyncio.sleep(2)
    print(f"main at 2 s: done() is {task.done()}, result() is {task.result()}")


asyncio.run(main())
