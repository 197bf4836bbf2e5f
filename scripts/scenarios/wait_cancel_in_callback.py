# Cancels that land while the callbacks run.  Round 1: a finishes, and
# wait's callback sets its waiter; then ours cancels the task in wait()
# before it resumes.  cancel() is True, and the task gets CancelledError
# though the waiter was set; b runs on.  Round 2: ours cancels b instead,
# after wait's callback: wait resumes before b's cancellation has reached
# b, so b is pending, not done.  Round 3: two children finish in one step:
# both callbacks run before wait resumes, and FIRST_COMPLETED has both.
import asyncio


async def sleeper(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: woke")
    return name


def names(tasks, among):
    return [task.get_name() for task in sorted(tasks, key=among.index)]


async def waiting(tasks):
    try:
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    except asyncio.CancelledError:
        print("waiting: cancelled, though wait's waiter was set")
        raise
    print(f"waiting: done {names(done, tasks)}, pending {names(pending, tasks)}")


async def main():
    a = asyncio.create_task(sleeper("a", 1))
    b = asyncio.create_task(sleeper("b", 2))
    task = asyncio.create_task(waiting([a, b]))
    await asyncio.sleep(0)
    a.add_done_callback(lambda _: print(f"callback on a: task.cancel() = {task.cancel()}"))
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: task cancelled; b.done() = {b.done()}")
    await b

    c = asyncio.create_task(sleeper("c", 1))
    d = asyncio.create_task(sleeper("d", 2))
    task = asyncio.create_task(waiting([c, d]))
    await asyncio.sleep(0)
    c.add_done_callback(lambda _: print(f"callback on c: d.cancel() = {d.cancel()}"))
    await task
    print(f"main: d.cancelled() = {d.cancelled()}")

    e = asyncio.create_task(sleeper("e", 1))
    f = asyncio.create_task(sleeper("f", 1))
    await waiting([e, f])


asyncio.run(main())
