import asyncio


async def worker(name):
    for lap in range(1, 4):
        print(f"{name} lap {lap}")
        await asyncio.sleep(0)


async def main():
    tasks = []
    for name in "ABC":
        tasks.append(asyncio.create_task(worker(name)))
        print(f"created {name}")
    print("main yields")
    await asyncio.sleep(0)
    print("main is back")
    for task in tasks:
        await task
    print("all done")


asyncio.run(main())
