import asyncio
import socket

pair = socket.socketpair()
pair[0].setblocking(False)
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(8)
listener.setblocking(False)


async def cancel_after_wait(task, fd, what):
    await asyncio.sleep(0.1)
    task.cancel()
    try:
        await task
        name = "OK"
    except asyncio.CancelledError:
        name = "CancelledError"
    print(f"{what}: {name}, cancelled() = {task.cancelled()}")
    print(f"remove_reader() afterwards: {asyncio.get_running_loop().remove_reader(fd)}")


async def main():
    loop = asyncio.get_running_loop()
    await cancel_after_wait(asyncio.create_task(loop.sock_recv(pair[0], 100)), pair[0].fileno(), "sock_recv")
    pair[1].send(b"hi")
    print(f"the next sock_recv got {await loop.sock_recv(pair[0], 100)}")

    await cancel_after_wait(asyncio.create_task(loop.sock_accept(listener)), listener.fileno(), "sock_accept")
    client = socket.socket()
    client.setblocking(False)
    await loop.sock_connect(client, listener.getsockname())
    conn, _ = await loop.sock_accept(listener)
    print(f"the next sock_accept got a connection: {conn.fileno() >= 0}")
    conn.close()
    client.close()


asyncio.run(main())
