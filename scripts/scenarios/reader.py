import asyncio
import os

read_end, write_end = os.pipe()


async def writer():
    await asyncio.sleep(0.5)
    print("writing")
    os.write(write_end, b"x")


async def main():
    loop = asyncio.get_running_loop()
    got = loop.create_future()

    def on_readable():
        byte = os.read(read_end, 1)
        print(f"reader got '{byte.decode()}'")
        loop.remove_reader(read_end)
        got.set_result(byte[0])

    loop.add_reader(read_end, on_readable)
    task = asyncio.create_task(writer())
    print(f"main woke with {await got}")
    await task


asyncio.run(main())
