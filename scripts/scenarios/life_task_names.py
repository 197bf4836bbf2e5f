# Task names across three asyncio.run() calls in one process.  The Task-N
# counter is global to the process, and each run's clean-up uses two
# numbers of its own (shutdown_asyncgens() and shutdown_default_executor()
# each run as a Task), so the second run's main is Task-5, not Task-3.
import asyncio


async def child():
    await asyncio.sleep(1)


async def main(n, leave_child):
    print(f"run {n}: main is {asyncio.current_task().get_name()}")
    task = asyncio.create_task(child())
    print(f"run {n}: child is {task.get_name()}")
    if not leave_child:
        await task


asyncio.run(main(1, False))
asyncio.run(main(2, True))  # the child is left for run() to cancel
asyncio.run(main(3, False))
