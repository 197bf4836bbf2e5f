# Descriptors that become readable together wake their readers in the
# order they became readable: CPython's selector on Linux is epoll, which
# reports them so.  The C loop's poll() reports them in the order they
# were added, and so keeps that order when others are removed from
# between them; here the two orders are the same.  (Written in another
# order, epoll would follow the writes, and poll() would not.)
import asyncio
import os

pipes = [os.pipe() for _ in range(7)]


async def main():
    loop = asyncio.get_running_loop()
    woke = []

    def on_readable(n):
        os.read(pipes[n][0], 1)
        loop.remove_reader(pipes[n][0])
        woke.append(n)

    for n in range(6):
        loop.add_reader(pipes[n][0], on_readable, n)
    loop.remove_reader(pipes[0][0])
    loop.remove_reader(pipes[2][0])
    loop.add_reader(pipes[6][0], on_readable, 6)
    print("watching pipes 1, 3, 4, 5 and 6, added in that order")
    for n in (1, 3, 4, 5, 6):
        os.write(pipes[n][1], b"x")
    await asyncio.sleep(0.1)
    print(f"their readers woke in the order {woke}")


asyncio.run(main())
