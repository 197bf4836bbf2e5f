#!/usr/bin/env bats
# Real I/O on the loop, against real peers on loopback: chapter 21's C
# echo server with CPython asyncio clients (scripts/io/client.py), and a C
# client on the loop (scripts/bench/echo.c) with the CPython twin as its
# server.  Every server is started and stopped by its test, on port 0:
# its first line ends with the port the system gave it.  The checks at
# scale (1,500 connections at once, 10,000 in a row) are in stress.bats,
# which make check runs.

load helpers
load io/server

setup_file() { build_all benches; }

@test "the server names its port, then opens and closes a line per connection, with the peer's address:port" {
    serve "$(server_bin)" 0
    [[ "$(head -n 1 "$TMP/out")" =~ ^serving\ on\ 127\.0\.0\.1:[0-9]+$ ]]
    run client churn "$PORT" 2 1
    [ "$status" -eq 0 ]
    lines_reach 5
    sed -n 2,5p "$TMP/out" >"$TMP/conns"
    grep -Eqx '\[1\] opened 127\.0\.0\.1:[0-9]+' "$TMP/conns"
    grep -Eqx '\[1\] closed 127\.0\.0\.1:[0-9]+' "$TMP/conns"
    grep -Eqx '\[2\] closed 127\.0\.0\.1:[0-9]+' "$TMP/conns"
    [ "$(grep -o '127\.0\.0\.1:[0-9]*' <(grep '^\[1\]' "$TMP/conns") | sort -u | wc -l)" -eq 1 ]
}

# Object memory is one reserved range (common/machinery/object.c): 4 GiB,
# or a quarter of ulimit -v.  Reserved, not used: the server's resident set
# is a few MiB, but a larger reservation would count against every limit.
@test "the server reserves 4 GiB of address space for its objects, not more: VmSize under 6 GiB" {
    serve "$(server_bin)" 0
    local size
    size="$(awk '/^VmSize:/ { print $2 }' "/proc/$PID/status")"
    echo "VmSize $size KiB"
    [ "$size" -gt $((4 * 1024 * 1024)) ] && [ "$size" -lt $((6 * 1024 * 1024)) ]
}

@test "bytes back are the bytes sent: 20 connections at once, 1 MB each in chunks of random sizes, same SHA-256" {
    serve "$(server_bin)" 0
    run client hash "$PORT" 20 1000000
    echo "$output"
    [ "$status" -eq 0 ]
}

@test "a client that shuts its write side (SHUT_WR) gets everything echoed, then EOF" {
    serve "$(server_bin)" 0
    run client halfclose "$PORT" 3000000
    echo "$output"
    [ "$status" -eq 0 ]
    lines_reach 3
    grep -Eqx '\[1\] closed 127\.0\.0\.1:[0-9]+' "$TMP/out"
}

# A reset lands in the server's recv() (ConnectionResetError) or in its
# send() (BrokenPipeError, which sendall must raise, never SIGPIPE).
@test "clients that reset mid-stream (SO_LINGER 0) end their own connections only: the server serves the next" {
    serve "$(server_bin)" 0
    run client reset "$PORT" 20
    echo "$output"
    [ "$status" -eq 0 ]
    lines_reach 43
    cat "$TMP/out"
    kill -0 "$PID"
    [ "$(grep -cE '^\[[0-9]+\] closed 127\.0\.0\.1:[0-9]+: (ConnectionResetError: \[Errno [0-9]+\] Connection reset by peer|BrokenPipeError: \[Errno [0-9]+\] Broken pipe)$' "$TMP/out")" -ge 1 ]
    ! grep -E ': (OSError|Exception)' "$TMP/out"
    [ ! -s "$TMP/err" ]
}

@test "a client that sends and never reads stalls its own connection only: 20 others echo meanwhile" {
    serve "$(server_bin)" 0
    run client stall "$PORT" 20
    echo "$output"
    [ "$status" -eq 0 ]
}

# CPython's twin ends with a traceback whose last line is this one.
@test "an address already in use: one line on stderr, CPython's last line, and exit 1" {
    serve "$(server_bin)" 0
    run --separate-stderr "$(server_bin)" "$PORT"
    [ "$status" -eq 1 ]
    [ -z "$output" ]
    [[ "$stderr" =~ ^OSError:\ \[Errno\ [0-9]+\]\ Address\ already\ in\ use$ ]]
    local c_line="$stderr"
    run --separate-stderr python3 -u "$ROOT/chapters/21-echo-server/twin.py" "$PORT"
    [ "$status" -eq 1 ]
    [ "$c_line" = "${stderr##*$'\n'}" ] || { echo "C: $c_line"; echo "CPython: ${stderr##*$'\n'}"; return 1; }
}

@test "a port that is not a port: one line on stderr, CPython's last line, and exit 1" {
    local port
    for port in abc 70000 -1; do
        run --separate-stderr "$(server_bin)" "$port"
        [ "$status" -eq 1 ]
        [ "$(wc -l <<<"$stderr")" -eq 1 ]
        local c_line="$stderr"
        run --separate-stderr python3 -u "$ROOT/chapters/21-echo-server/twin.py" "$port"
        [ "$status" -eq 1 ]
        [ "$c_line" = "${stderr##*$'\n'}" ] || { echo "C: $c_line"; echo "CPython: ${stderr##*$'\n'}"; return 1; }
    done
}

# asyncio.run()'s Ctrl-C: main is cancelled, then every task left, each
# closing its connection; then KeyboardInterrupt, by SIGINT (status 130).
# ends_as_run_does SERVER...: serve, hold a connection open, send SIGINT.
ends_as_run_does() {
    serve "$@"
    exec 5<>/dev/tcp/127.0.0.1/"$PORT"
    lines_reach 2
    kill -INT "$PID"
    STATUS=0
    wait "$PID" || STATUS=$?
    PID=""
    exec 5<&-
    [ "$STATUS" -eq 130 ]
    grep -Eqx '\[1\] closed 127\.0\.0\.1:[0-9]+: cancelled' "$TMP/out"
    [ "$(tail -n 1 "$TMP/err")" = KeyboardInterrupt ]
}

@test "SIGINT ends the server as asyncio.run() does: open connections closed as cancelled, KeyboardInterrupt, status 130" {
    ends_as_run_does "$(server_bin)" 0
}

@test "the twin on CPython ends the same way on SIGINT" {
    need_python_here
    ends_as_run_does python3 -u "$ROOT/chapters/21-echo-server/twin.py" 0
}

@test "SIGTERM ends the server at once, by its default action" {
    serve "$(server_bin)" 0
    kill -TERM "$PID"
    STATUS=0
    wait "$PID" || STATUS=$?
    PID=""
    [ "$STATUS" -eq $((128 + 15)) ]
}

need_python_here() { python3 -c 'import asyncio' 2>/dev/null || skip "python3 is not installed"; }

@test "a C client on the loop against the CPython twin's server: 20 connections x 200 round trips, every echo checked" {
    need_python_here
    serve python3 -u "$ROOT/chapters/21-echo-server/twin.py" 0
    run "$(bin bench/echo)" "$PORT" 20 200 1000
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" =~ ^[0-9.]+\ [0-9]+$ ]]
}

@test "a refused connection raises CPython's ConnectionRefusedError, word for word" {
    # A port bound but not listening: nobody accepts there.
    local port
    exec 6< <(exec python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1], flush=True); time.sleep(10)' 2>/dev/null)
    # Its PID, to end it with the test: bats would wait out its 10 s.
    local holder=$!
    read -r port <&6
    run --separate-stderr "$(bin bench/echo)" "$port" 1 1 1
    [ "$status" -eq 1 ]
    local c_line="$stderr"
    run python3 -c '
import asyncio, socket, sys
async def main():
    s = socket.socket(); s.setblocking(False)
    try:
        await asyncio.get_running_loop().sock_connect(s, ("127.0.0.1", int(sys.argv[1])))
    except OSError as e:
        print(f"{type(e).__name__}: {e}")
asyncio.run(main())' "$port"
    exec 6<&-
    kill "$holder" 2>/dev/null || true
    echo "C: $c_line"
    echo "CPython: $output"
    [ "$c_line" = "$output" ]
}
