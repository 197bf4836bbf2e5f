# FIRST_EXCEPTION.  A child fails while the others are mid-sleep: wait
# returns at once, with the failure in done and the others pending, still
# running.  It raises nothing, and its callback looked at the exception,
# so nothing reports it.  A cancelled child is no exception: wait goes on
# until all are done.  And a failure that is the last to finish is not
# looked at (the count reached zero first): it is reported at the end.
import asyncio


async def sleeper(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: woke")
    return name


async def failer(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: raises")
    raise ValueError(name)


def names(tasks, among):
    return [task.get_name() for task in sorted(tasks, key=among.index)]


async def main():
    tasks = [asyncio.create_task(sleeper("a", 3)), asyncio.create_task(failer("b", 1)),
             asyncio.create_task(sleeper("c", 2))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"main: done {names(done, tasks)}, pending {names(pending, tasks)}")
    await asyncio.sleep(2)
    print(f"main: all done: {all(task.done() for task in tasks)}")

    tasks = [asyncio.create_task(sleeper("d", 1)), asyncio.create_task(sleeper("e", 2))]
    print(f"main: d.cancel() = {tasks[0].cancel()}")
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"main: done {names(done, tasks)}, pending {names(pending, tasks)}")

    tasks = [asyncio.create_task(sleeper("f", 1)), asyncio.create_task(failer("g", 2))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"main: done {names(done, tasks)}, pending {names(pending, tasks)}")


asyncio.run(main())
