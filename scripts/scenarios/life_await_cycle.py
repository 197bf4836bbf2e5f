# Task A awaits task B, and B awaits A; main returns and leaves them to
# asyncio.run()'s clean-up.  Its cancel() of A cancels what A waits for,
# B, which cancels A, and so on until RecursionError: the clean-up stops
# there, and run() raises it, which the caller can catch.  A and B are
# left pending: "Task was destroyed but it is pending!" on stderr.
import asyncio


async def wait_on(name, other):
    print(f"{name} awaits the other task")
    await other[0]


async def main():
    b_box = []
    a = asyncio.create_task(wait_on("A", b_box))
    a_box = [a]
    b = asyncio.create_task(wait_on("B", a_box))
    b_box.append(b)
    await asyncio.sleep(1)
    print("main returns")


try:
    asyncio.run(main())
except RecursionError as error:
    print(f"asyncio.run raised RecursionError: {error}")
print("after run")
