import asyncio


def callback(label):
    return lambda future: print(f"callback {label} sees {future}")


async def bystander():
    for lap in range(1, 4):
        print(f"bystander lap {lap}")
        await asyncio.sleep(0)


async def main():
    other = asyncio.create_task(bystander())
    future = asyncio.get_running_loop().create_future()
    future.add_done_callback(callback("one"))
    future.add_done_callback(callback("two"))
    future.set_result(7)
    print("result set")
    value = await future
    print(f"awaited without yielding: {value}")
    future.add_done_callback(callback("late"))
    await asyncio.sleep(0)
    print("main after one yield")
    await other


asyncio.run(main())
