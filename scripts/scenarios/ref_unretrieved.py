# Exceptions nobody looks at.  A plain Future's is reported as "Future
# exception was never retrieved", and so is the one a shield hands to an
# outer Future that nobody awaits.  cancel() on a Future or Task that has
# already failed returns False, but it also means nobody will ever ask:
# no report for those.  Every object here goes when main returns, as
# main's locals do: the reports come then, in the order main made them.
import asyncio


async def fail(message):
    raise ValueError(message)


async def main():
    loop = asyncio.get_running_loop()
    lost = loop.create_future()
    lost.set_exception(ValueError("lost"))
    silenced = loop.create_future()
    silenced.set_exception(ValueError("silenced future"))
    print(f"cancel() on a failed Future: {silenced.cancel()}")
    task = asyncio.create_task(fail("silenced task"))
    await asyncio.sleep(0)
    print(f"cancel() on a failed Task: {task.cancel()}")
    outer = asyncio.shield(asyncio.create_task(fail("through the shield")))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"shield's outer Future: done = {outer.done()}")


asyncio.run(main())
