# Twin of chapter 21: an echo server on asyncio's low-level socket calls
# (loop.sock_accept, sock_recv, sock_sendall), one task per connection.
# `python3 twin.py [PORT]` serves on 127.0.0.1:PORT (8000; 0: any free
# port).  With no PORT, on a clock that is not the wall clock's (the tests
# run it with AIO_CLOCK=virtual), it serves two scripted clients of its
# own instead, then stops: nobody at a keyboard can keep up with that clock.
import asyncio
import os
import socket
import sys

BUFFER = 4096


def peer_name(address, demo):
    # The demo leaves out the client's port: the system picks it.
    host, port = address[:2]
    return host if demo else f"{host}:{port}"


async def handle(conn, number, peer):
    loop = asyncio.get_running_loop()
    ending = ""
    try:
        while True:
            data = await loop.sock_recv(conn, BUFFER)
            if not data:  # the client closed its side: EOF
                break
            await loop.sock_sendall(conn, data)
    except OSError as error:
        ending = f": {type(error).__name__}: {error}"
    except asyncio.CancelledError:
        ending = ": cancelled"
        raise
    finally:
        conn.close()
        print(f"[{number}] closed {peer}{ending}")


async def serve(server, demo):
    loop = asyncio.get_running_loop()
    handlers = set()  # the loop keeps only weak references to tasks
    number = 0
    while True:
        conn, address = await loop.sock_accept(server)
        # Each echo goes out at once, not held back to be sent with more
        # (Nagle's algorithm), as asyncio's own transports have it.
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        number += 1
        peer = peer_name(address, demo)
        print(f"[{number}] opened {peer}")
        task = asyncio.create_task(handle(conn, number, peer))
        handlers.add(task)
        task.add_done_callback(handlers.discard)


def listen(port):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(socket.SOMAXCONN)
    server.setblocking(False)
    return server


async def client(name, address, start, lines):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(start)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    await loop.sock_connect(sock, address)
    for i, line in enumerate(lines):
        if i > 0:
            await asyncio.sleep(1)  # a person types the next line
        data = line.encode()
        await loop.sock_sendall(sock, data)
        echo = b""
        while len(echo) < len(data):
            chunk = await loop.sock_recv(sock, BUFFER)
            if not chunk:
                break
            echo += chunk
        print(f"{name}: sent {line!r}, got back {echo.decode()!r}")
    print(f"{name}: done, shuts its side")
    sock.shutdown(socket.SHUT_WR)
    while await loop.sock_recv(sock, BUFFER):  # until the server's EOF
        pass
    sock.close()


async def main(port, demo):
    server = listen(0 if demo else port)
    host, port = server.getsockname()
    if not demo:
        print(f"serving on {host}:{port}")
        try:
            await serve(server, demo)
        finally:
            server.close()
    print(f"serving on {host} (demo: two scripted clients)")
    serving = asyncio.create_task(serve(server, demo))
    await asyncio.gather(client("alice", (host, port), 0, ["hello", "how are you?"]),
                         client("bob", (host, port), 0.5, ["hi there", "bye"]))
    serving.cancel()
    try:
        await serving
    except asyncio.CancelledError:
        pass
    server.close()
    print("server stopped")


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    wall_clock = os.environ.get("AIO_CLOCK", "real") == "real" and float(os.environ.get("AIO_SPEED", "1")) == 1
    asyncio.run(main(port, demo=len(sys.argv) == 1 and not wall_clock))
