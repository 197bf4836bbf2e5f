# Claims C33-C36 (post 2-3, the numbered walk-through): the post says the
# pending tasks run at main's first await, and hello_every_second only
# once they are idle.  In fact main goes on into hello_every_second and
# reaches its first sleep before either task has run a line.
import asyncio


async def delay(seconds):
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def hello_every_second():
    print("hello_every_second starts")
    for _ in range(2):
        print("hello_every_second sleeps 1 s")
        await asyncio.sleep(1)
        print("I'm running other code while I'm waiting!")


async def main():
    first_delay = asyncio.create_task(delay(3))
    second_delay = asyncio.create_task(delay(3))
    print("main created two tasks, awaits hello_every_second()")
    await hello_every_second()
    await first_delay
    await second_delay


asyncio.run(main())
