# A timeout when some are done and some are not: wait returns (done,
# pending) at the deadline and raises nothing, and the pending run on to
# their ends.  A child whose sleep ends at the deadline itself is pending:
# wait's timer was armed first, and the child finishes just after wait
# has split the set.  Then wait() itself cancelled, as a task of its own:
# it cancels nothing it waited on.
import asyncio


async def sleeper(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: woke")
    return name


def names(tasks, among):
    return [task.get_name() for task in sorted(tasks, key=among.index)]


async def main():
    tasks = [asyncio.create_task(sleeper("a", 1)), asyncio.create_task(sleeper("b", 2)),
             asyncio.create_task(sleeper("c", 3))]
    done, pending = await asyncio.wait(tasks, timeout=2)
    print(f"main: done {names(done, tasks)}, pending {names(pending, tasks)}; b.done() = {tasks[1].done()}")
    await asyncio.sleep(0)
    print(f"main: a step later, b.done() = {tasks[1].done()}")

    waiting = asyncio.create_task(asyncio.wait(tasks[2:]))
    await asyncio.sleep(0.5)
    print(f"main: waiting.cancel() = {waiting.cancel()}")
    try:
        await waiting
    except asyncio.CancelledError:
        print(f"main: wait cancelled; c.cancelled() = {tasks[2].cancelled()}")
    print(f"main: c gave {await tasks[2]}")


asyncio.run(main())
