import asyncio
import socket
import struct


def print_error(what, error, port):
    print(f"{what}: {type(error).__name__}: {str(error).replace(str(port), 'PORT', 1)}")


async def main():
    loop = asyncio.get_running_loop()
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    address = closed.getsockname()
    client = socket.socket()
    client.setblocking(False)
    try:
        await loop.sock_connect(client, address)
    except OSError as error:
        print_error("sock_connect", error, address[1])
    client.close()
    closed.close()

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    address = listener.getsockname()
    client = socket.socket()
    client.setblocking(False)
    await loop.sock_connect(client, address)
    conn, _ = await loop.sock_accept(listener)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()
    try:
        await loop.sock_recv(client, 100)
    except OSError as error:
        print_error("sock_recv", error, address[1])
    try:
        await loop.sock_sendall(client, b"x")
    except OSError as error:
        print_error("sock_sendall", error, address[1])
    print(f"sock_recv again: {await loop.sock_recv(client, 100)}")

    blocking = socket.socket()  # a new number: the client is still open
    try:
        await loop.sock_accept(blocking)
    except ValueError as error:
        print_error("sock_accept on a blocking socket", error, address[1])
    try:
        await loop.sock_recv(blocking, 100)
    except ValueError as error:
        print_error("sock_recv on a blocking socket", error, address[1])
    blocking.close()
    client.close()
    listener.close()


asyncio.run(main(), debug=True)
