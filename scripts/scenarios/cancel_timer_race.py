# cancel() arrives in the same loop iteration in which the task's sleep
# finished: the sleep is done, so cancel() cannot cancel it, and the
# request waits for the task's next step, which raises CancelledError
# even though its sleep completed.
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(1)
        print("sleeper: woke normally")
    except asyncio.CancelledError:
        print("sleeper: cancelled, although its sleep had finished")
        raise


async def canceller(victims):
    await asyncio.sleep(1)  # armed first, so it fires first
    print(f"canceller: cancel() = {victims[0].cancel()}")


async def main():
    victims = []
    other = asyncio.create_task(canceller(victims))
    victims.append(asyncio.create_task(sleeper()))
    await other
    try:
        await victims[0]
    except asyncio.CancelledError:
        print(f"main: sleeper cancelled = {victims[0].cancelled()}")


asyncio.run(main())
