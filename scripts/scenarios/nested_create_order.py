# Tasks created by tasks join the back of the ready queue: the order in
# which tasks first run is the order in which they were created.
import asyncio


async def worker(name, children):
    print(f"{name} starts")
    for child in children:
        asyncio.create_task(worker(child, ()))
        print(f"{name} created {child}")
    await asyncio.sleep(0)
    print(f"{name} resumes")


async def main():
    tasks = [asyncio.create_task(worker("A", ("A1", "A2"))),
             asyncio.create_task(worker("B", ("B1",)))]
    print("main created A and B")
    for task in tasks:
        await task
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
