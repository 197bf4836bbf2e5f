"""Clients on CPython asyncio for scripts/io.bats: each talks to an echo
server on 127.0.0.1:PORT and checks what comes back.

    python3 scripts/io/client.py CHECK PORT [ARGS...]

Each check prints one line that says what it saw, and exits 1 if the
server did not behave; a check that cannot finish in its time raises
TimeoutError (exit 1).  The checks:

  hash N SIZE        N connections at once, each sending SIZE random bytes
                     in chunks of random sizes while it reads: the bytes
                     back have the same SHA-256 as the bytes sent
  halfclose SIZE     send SIZE bytes, shut the write side (SHUT_WR): all of
                     them come back, then EOF
  reset N            N connections reset mid-stream (SO_LINGER 0), each
                     after sending a little; then one normal exchange works
  many N             N connections open at once, every one echoing a line
                     while all the others are still open
  stall N            one connection sends and never reads, until the
                     server's socket buffers are full; meanwhile N others
                     get their echoes at once
  churn N [WORKERS]  N short connections (connect, one line, its echo,
                     close), WORKERS (10) at a time
"""
import asyncio
import hashlib
import random
import socket
import struct
import sys

HOST = "127.0.0.1"


async def connect(port):
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    await loop.sock_connect(sock, (HOST, port))
    return sock


async def recv_exactly(sock, size):
    loop = asyncio.get_running_loop()
    data = bytearray()
    while len(data) < size:
        chunk = await loop.sock_recv(sock, min(65536, size - len(data)))
        if not chunk:
            break
        data += chunk
    return bytes(data)


async def recv_to_eof(sock):
    loop = asyncio.get_running_loop()
    digest, total = hashlib.sha256(), 0
    while chunk := await loop.sock_recv(sock, 65536):
        digest.update(chunk)
        total += len(chunk)
    return digest.hexdigest(), total


async def echo_line(port, line=b"ping\n"):
    loop = asyncio.get_running_loop()
    sock = await connect(port)
    try:
        await loop.sock_sendall(sock, line)
        return await recv_exactly(sock, len(line)) == line
    finally:
        sock.close()


async def send_in_chunks(sock, data, rng):
    loop = asyncio.get_running_loop()
    pos = 0
    while pos < len(data):
        size = rng.choice((1, 7, 100, 1400, 4096, 65536, 300000))
        await loop.sock_sendall(sock, data[pos:pos + size])
        pos += size


async def one_hash(port, size, seed):
    rng = random.Random(seed)
    data = rng.randbytes(size)
    sock = await connect(port)
    try:
        reading = asyncio.create_task(recv_to_eof(sock))
        await send_in_chunks(sock, data, rng)
        sock.shutdown(socket.SHUT_WR)
        got, total = await reading
    finally:
        sock.close()
    return got == hashlib.sha256(data).hexdigest() and total == size


async def check_hash(port, n, size):
    results = await asyncio.gather(*(one_hash(port, int(size), seed) for seed in range(int(n))))
    print(f"hash: {sum(results)} of {n} connections got their {size} bytes back, same SHA-256")
    return all(results)


async def check_halfclose(port, size):
    ok = await one_hash(port, int(size), 1)
    print(f"halfclose: {size} bytes back, then EOF: {ok}")
    return ok


async def check_reset(port, n):
    loop = asyncio.get_running_loop()
    for i in range(int(n)):
        sock = await connect(port)
        await loop.sock_sendall(sock, b"x" * 1000)
        await recv_exactly(sock, 1)  # the server is echoing: mid-stream
        await loop.sock_sendall(sock, b"y" * (1000 * (i + 1)))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()  # RST instead of FIN, with data unread and in flight
    ok = await echo_line(port)
    print(f"reset: {n} connections reset mid-stream, then an echo: {ok}")
    return ok


async def check_many(port, n):
    loop = asyncio.get_running_loop()
    n = int(n)
    socks = await asyncio.gather(*(connect(port) for _ in range(n)))
    try:
        lines = [f"line {i}\n".encode() for i in range(n)]
        await asyncio.gather(*(loop.sock_sendall(s, line) for s, line in zip(socks, lines)))
        echoes = await asyncio.gather(*(recv_exactly(s, len(line)) for s, line in zip(socks, lines)))
        good = sum(echo == line for echo, line in zip(echoes, lines))
    finally:
        for s in socks:
            s.close()
    print(f"many: {good} of {n} connections open at once got their own line back")
    return good == n


async def check_stall(port, n):
    loop = asyncio.get_running_loop()
    hog = await connect(port)
    hog.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sent = 0
    block = b"z" * 65536
    # Send until the send buffer is full: the server's echo of it then
    # fills our receive buffer and its own send buffer, and its handler
    # waits in sock_sendall for a reader that never comes.
    while True:
        try:
            sent += hog.send(block)
        except BlockingIOError:
            try:
                await asyncio.wait_for(loop.sock_sendall(hog, block), 0.5)
                sent += len(block)
            except asyncio.TimeoutError:
                break
    start = loop.time()
    results = await asyncio.wait_for(asyncio.gather(*(echo_line(port) for _ in range(int(n)))), 5)
    took = loop.time() - start
    hog.close()
    ok = all(results) and took < 2
    print(f"stall: a client sent {sent // 1024} KiB and reads none; {sum(results)} of {n} others echoed"
          f" meanwhile, in {'under 2 s' if took < 2 else f'{took:.1f} s'}")
    return ok


async def check_churn(port, n, workers=10):
    n, workers = int(n), int(workers)
    counts = [n // workers + (1 if i < n % workers else 0) for i in range(workers)]

    async def worker(count):
        good = 0
        for _ in range(count):
            good += await echo_line(port)
        return good

    good = sum(await asyncio.gather(*(worker(c) for c in counts)))
    print(f"churn: {good} of {n} short connections echoed")
    return good == n


CHECKS = {"hash": check_hash, "halfclose": check_halfclose, "reset": check_reset, "many": check_many,
          "stall": check_stall, "churn": check_churn}


async def main(check, port, *args):
    return await asyncio.wait_for(CHECKS[check](int(port), *args), 60)


if __name__ == "__main__":
    sys.exit(0 if asyncio.run(main(*sys.argv[1:])) else 1)
