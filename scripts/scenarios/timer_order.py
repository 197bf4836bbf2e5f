import asyncio


async def sleeper(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} woke")


async def main():
    plan = [("slow", 0.3), ("tie-1", 0.2), ("fast", 0.1), ("tie-2", 0.2), ("tie-3", 0.2),
            ("tie-4", 0.2), ("tie-5", 0.2), ("zero", 0)]
    tasks = [asyncio.create_task(sleeper(name, seconds)) for name, seconds in plan]
    for task in tasks:
        await task


asyncio.run(main())
