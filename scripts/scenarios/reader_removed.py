import asyncio
import os

read_end, write_end = os.pipe()
calls = 0


async def main():
    loop = asyncio.get_running_loop()

    def replaced():
        print("the first callback ran: add_reader() did not replace it")

    def on_readable():
        global calls
        calls += 1
        if calls > 1:
            print("called again: remove_reader() left it watched")
            os.read(read_end, 1)
            return
        print("readable, and the byte stays unread")
        print(f"remove_reader: {loop.remove_reader(read_end)}")
        print(f"remove_reader again: {loop.remove_reader(read_end)}")

    print(f"remove_reader of a descriptor never watched: {loop.remove_reader(write_end)}")
    loop.add_reader(read_end, replaced)
    loop.add_reader(read_end, on_readable)
    os.write(write_end, b"x")
    print("wrote a byte")
    await asyncio.sleep(0.1)
    print(f"main done, after {calls} call(s)")


asyncio.run(main())
