# A descriptor already readable and no timer at all: the loop waits in
# select() with no timeout, which returns at once, and the reader's
# callback wakes main.
import asyncio
import os

read_end, write_end = os.pipe()


async def main():
    loop = asyncio.get_running_loop()
    os.write(write_end, b"x")
    got = loop.create_future()

    def on_readable():
        loop.remove_reader(read_end)
        got.set_result(os.read(read_end, 1)[0])

    loop.add_reader(read_end, on_readable)
    print(f"main woke with {await got}")


asyncio.run(main())
