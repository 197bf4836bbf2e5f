# A task made during asyncio.run()'s clean-up: worker, cancelled because
# main returned, starts late() from its except clause.  run() waits only
# for the tasks it cancelled, so late() runs its first step and is then
# left pending when the loop closes: "Task was destroyed but it is
# pending!" on stderr.
import asyncio


async def late():
    print("late: started")
    await asyncio.sleep(1)
    print("late: done")


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("worker: cancelled, starting late()")
        asyncio.create_task(late())
        raise


async def main():
    asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    print("main returns")


asyncio.run(main())
print("after run")
