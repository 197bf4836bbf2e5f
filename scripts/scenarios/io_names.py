# The loop's socket methods are coroutines named as CPython names them:
# loop.sock_recv() makes a BaseSelectorEventLoop.sock_recv.  That is the
# name in their repr, and the one a coroutine never awaited is reported
# by when the interpreter exits.
import asyncio
import socket

kept_for_exit = []


def name(coro):
    return repr(coro).split(" at ")[0] + ">"


async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    kept_for_exit.append(loop.sock_recv(a, 10))
    print(name(kept_for_exit[0]))
    send = loop.sock_sendall(a, b"x")
    print(name(send))
    await send
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    client = socket.socket()
    client.setblocking(False)
    connect = loop.sock_connect(client, listener.getsockname())
    accept = loop.sock_accept(listener)
    print(name(connect))
    print(name(accept))
    await connect
    conn, _ = await accept
    print(f"sent {b.recv(10)}, accepted a connection: {conn.fileno() >= 0}")


asyncio.run(main())
