import asyncio


async def noisy(name):
    print(f"{name} started")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{name} cancelled while asleep")
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn caught CancelledError, cleaning up")
        await asyncio.sleep(1)
        print("stubborn cleaned up")
        return "refused"


async def waiter(target):
    try:
        await target
    except asyncio.CancelledError:
        print("waiter's await raised asyncio.exceptions.CancelledError")
        raise


async def main():
    never = asyncio.create_task(noisy("never"))
    print(f"cancel before start: {never.cancel()}")
    sleeper = asyncio.create_task(noisy("sleeper"))
    target = asyncio.create_task(noisy("target"))
    middle = asyncio.create_task(waiter(target))
    refuser = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    print(f"cancel sleeper: {sleeper.cancel()}")
    print(f"cancel sleeper again: {sleeper.cancel()}")
    print(f"cancel middle: {middle.cancel()}")
    print(f"cancel refuser: {refuser.cancel()}")
    print(f"sleeper done right after cancel? {sleeper.done()}")
    for name, task in [("never", never), ("sleeper", sleeper), ("target", target),
                       ("middle", middle), ("refuser", refuser)]:
        value = None
        try:
            value = await task
            outcome = "ok"
        except asyncio.CancelledError:
            outcome = "asyncio.exceptions.CancelledError"
        print(f"{name}: {outcome}, cancelled={task.cancelled()}, value={value!r}")
    print(f"cancel a done task: {sleeper.cancel()}")


asyncio.run(main())
