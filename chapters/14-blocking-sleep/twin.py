# Twin of chapter 14: time.sleep in a coroutine blocks the whole loop.
# AIO_DEBUG=1 turns on asyncio's debug mode, which reports the slow step.
import asyncio
import os
import time


async def ticker(name):
    for tick in range(1, 4):
        await asyncio.sleep(0.5)
        print(f"{name} tick {tick}")


async def blocker():
    await asyncio.sleep(0.2)
    print("blocker: calls time.sleep(1), which blocks the whole loop")
    time.sleep(1)  # the mistake this chapter is about
    print("blocker: back after 1 s; every other task is late")


async def main():
    tasks = [asyncio.create_task(ticker("A")), asyncio.create_task(ticker("B")),
             asyncio.create_task(blocker())]
    for task in tasks:
        await task


if __name__ == "__main__":
    asyncio.run(main(), debug=os.environ.get("AIO_DEBUG") == "1")
