import asyncio
import socket

pair = socket.socketpair()
pair[0].setblocking(False)


async def main():
    loop = asyncio.get_running_loop()
    first = asyncio.create_task(loop.sock_recv(pair[0], 100))
    second = asyncio.create_task(loop.sock_recv(pair[0], 100))
    await asyncio.sleep(0.1)
    pair[1].send(b"x")
    print(f"second got {await second}")
    await asyncio.sleep(1)
    print(f"a second later, first.done() = {first.done()}")
    try:
        await asyncio.wait_for(first, 0.5)
        name = "OK"
    except TimeoutError:
        name = "TimeoutError"
    print(f"wait_for(first, 0.5): {name}, first.cancelled() = {first.cancelled()}")
    print(f"remove_reader(): {loop.remove_reader(pair[0].fileno())}")


asyncio.run(main())
