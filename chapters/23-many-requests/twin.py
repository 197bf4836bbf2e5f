# Twin of chapter 23: a slow server on the loop, then ten requests to it,
# one after another and then all at once with gather.
import asyncio
import socket

REQUESTS = 10


async def handle(conn):
    """One connection: read the request, take 1 s over it, answer, close."""
    loop = asyncio.get_running_loop()
    request = await loop.sock_recv(conn, 100)
    await asyncio.sleep(1)
    await loop.sock_sendall(conn, b"answer to " + request)
    conn.close()


async def serve(listener):
    """Accept connections for ever, each handled by a task of its own."""
    loop = asyncio.get_running_loop()
    while True:
        conn, _ = await loop.sock_accept(listener)
        asyncio.create_task(handle(conn))


async def fetch(port, n):
    """One request: connect, send it, read the answer until the server closes."""
    loop = asyncio.get_running_loop()
    sock = socket.socket()
    sock.setblocking(False)
    await loop.sock_connect(sock, ("127.0.0.1", port))
    await loop.sock_sendall(sock, f"request {n}".encode())
    answer = b""
    while chunk := await loop.sock_recv(sock, 100):
        answer += chunk
    sock.close()
    return answer.decode()


async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))  # port 0: any free port
    listener.listen(REQUESTS)
    listener.setblocking(False)
    port = listener.getsockname()[1]
    server = asyncio.create_task(serve(listener))

    # Whole seconds, rounded down: in real time every wait ends a little late.
    start = loop.time()
    for n in range(1, REQUESTS + 1):
        print(await fetch(port, n))
    print(f"one after another: {REQUESTS} requests in {int(loop.time() - start)} s")

    start = loop.time()
    requests = [fetch(port, n) for n in range(1, REQUESTS + 1)]
    answers = await asyncio.gather(*requests)
    for answer in answers:
        print(answer)
    print(f"all at once: {REQUESTS} requests in {int(loop.time() - start)} s")

    server.cancel()
    try:
        await server
    except asyncio.CancelledError:
        pass
    listener.close()


if __name__ == "__main__":
    asyncio.run(main())
