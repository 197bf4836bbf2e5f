# Twin of chapter 22: chapter 21's echo server, stopped by a signal.
# SIGINT or SIGTERM (loop.add_signal_handler) stops the accepting; the
# connections still open get a grace period (wait_for), and what is left
# after it is cancelled.  `python3 twin.py [PORT]` serves on
# 127.0.0.1:PORT (8000; 0: any free port) until Ctrl-C or SIGTERM.  With
# no PORT, on a clock that is not the wall clock's (the tests run it with
# AIO_CLOCK=virtual), it serves three scripted clients of its own and
# sends itself SIGTERM at 1.5 s.
import asyncio
import os
import signal
import socket
import sys

BUFFER = 4096
GRACE = 2  # seconds an open connection gets to finish


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


async def serve(server, handlers, demo):
    loop = asyncio.get_running_loop()
    number = 0
    while True:
        conn, address = await loop.sock_accept(server)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        number += 1
        peer = peer_name(address, demo)
        print(f"[{number}] opened {peer}")
        task = asyncio.create_task(handle(conn, number, peer))
        handlers[task] = None  # in the order they came: a dict, not a set
        task.add_done_callback(handlers.pop)


def listen(port):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(socket.SOMAXCONN)
    server.setblocking(False)
    return server


def on_signal(stop, name):
    # Runs on the loop, through call_soon: any loop call is fine here.
    if not stop.done():
        stop.set_result(name)


async def shut_down(name, serving, server, handlers):
    serving.cancel()  # no more accept()
    try:
        await serving
    except asyncio.CancelledError:
        pass
    server.close()
    still_open = list(handlers)
    print(f"{name}: stopped accepting; {len(still_open)} connection(s) open, {GRACE} s to finish")
    if still_open:
        try:
            await asyncio.wait_for(asyncio.gather(*still_open), timeout=GRACE)
            print("every connection finished in time")
        except TimeoutError:
            # wait_for cancelled the gather, which cancelled what was left.
            cancelled = sum(task.cancelled() for task in still_open)
            print(f"grace period over: {cancelled} connection(s) cancelled")
    print("server stopped")


# ---- the demo's clients ---------------------------------------------------

async def client(name, address, start, lines):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(start)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        await loop.sock_connect(sock, address)
    except ConnectionRefusedError:
        print(f"{name}: connection refused")
        sock.close()
        return
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
    if lines[-1] == "bye":
        print(f"{name}: done, shuts its side")
        sock.shutdown(socket.SHUT_WR)
    while await loop.sock_recv(sock, BUFFER):  # until the server's EOF
        pass
    print(f"{name}: the server closed the connection")
    sock.close()


async def main(port, demo):
    loop = asyncio.get_running_loop()
    server = listen(0 if demo else port)
    host, port = server.getsockname()
    stop = loop.create_future()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal, stop, sig.name)
    handlers = {}
    serving = asyncio.create_task(serve(server, handlers, demo))
    if not demo:
        print(f"serving on {host}:{port} (Ctrl-C or SIGTERM stops it)")
        await shut_down(await stop, serving, server, handlers)
        return
    print(f"serving on {host} (demo: three scripted clients, SIGTERM at 1.5 s)")
    clients = asyncio.gather(client("alice", (host, port), 0, ["hello", "how are you?", "bye"]),
                             client("bob", (host, port), 0.5, ["hi, I stay"]),
                             client("carol", (host, port), 2.5, ["too late?"]))
    loop.call_later(1.5, os.kill, os.getpid(), signal.SIGTERM)
    await shut_down(await stop, serving, server, handlers)
    await clients


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    wall_clock = os.environ.get("AIO_CLOCK", "real") == "real" and float(os.environ.get("AIO_SPEED", "1")) == 1
    asyncio.run(main(port, demo=len(sys.argv) == 1 and not wall_clock))
