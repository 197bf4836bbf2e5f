import asyncio
import os

read_end, write_end = os.pipe()


async def busy():
    for lap in range(1, 5):
        print(f"busy lap {lap}")
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()

    def on_readable():
        os.read(read_end, 1)
        print("pipe was readable")
        loop.remove_reader(read_end)

    task = asyncio.create_task(busy())
    os.write(write_end, b"x")
    loop.add_reader(read_end, on_readable)
    cancelled = loop.call_later(0, print, "timer due now fired")
    timer = loop.call_later(0, print, "timer due now fired")
    cancelled.cancel()
    print("main waits")
    await task
    timer.cancel()


asyncio.run(main())
