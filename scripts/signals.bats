#!/usr/bin/env bats
# loop.add_signal_handler() with real signals, on the real clock: chapter
# 22's echo server (C, and its CPython twin) serving on a free port, with
# a CPython client connected while SIGTERM arrives.  The server stops
# accepting, gives the open connection its 2 s of grace, cancels it if it
# is still open then, says what it did, and exits 0.  A client that
# finishes within the grace is served to its end; a new connection then
# is refused.  SIGINT does the same as SIGTERM.  Every signal goes as soon
# as the line that says the program is ready for it has been printed:
# no pause to let anything settle.

load helpers

use_readers_python

setup_file() {
    build_all
    local run="$BATS_FILE_TMPDIR"
    write_client "$run/client.py"
    local side
    for side in c py; do
        mkdir -p "$run/${side}_idle" "$run/${side}_finish" "$run/${side}_int"
    done
    set -m # job control: SIGINT and SIGTERM are the programs' own
    T="$run/c_idle" shut_down idle "$(bin 22-graceful-shutdown)" 0 &
    T="$run/c_finish" shut_down finish "$(bin 22-graceful-shutdown)" 0 &
    T="$run/c_int" shut_down int "$(bin 22-graceful-shutdown)" 0 &
    if [ -z "${PYTHON_SKIP:-}" ]; then
        T="$run/py_idle" shut_down idle python3 -u "$ROOT/chapters/22-graceful-shutdown/twin.py" 0 &
        T="$run/py_finish" shut_down finish python3 -u "$ROOT/chapters/22-graceful-shutdown/twin.py" 0 &
        T="$run/py_int" shut_down int python3 -u "$ROOT/chapters/22-graceful-shutdown/twin.py" 0 &
    fi
    wait
    set +m
}

# The client, in CPython whichever server it talks to.  It connects,
# sends "ping" and prints the echo: the test's sign that the connection
# is open.  "idle" then waits for the server to close it.  "finish" waits
# for SIGUSR1 (the test's sign that the server has stopped accepting),
# tries a second connection, sends one more line, gets its echo, closes
# its side and waits for the server's EOF.
write_client() {
    cat >"$1" <<'EOF'
import signal
import socket
import sys

port, mode = int(sys.argv[1]), sys.argv[2]
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
conn = socket.create_connection(("127.0.0.1", port))
conn.sendall(b"ping")
print(f"client: got {conn.recv(100).decode()!r}", flush=True)
if mode == "finish":
    signal.sigwait({signal.SIGUSR1})
    try:
        socket.create_connection(("127.0.0.1", port))
        print("client: a second connection was accepted")
    except ConnectionRefusedError:
        print("client: a second connection is refused")
    conn.sendall(b"bye now")
    print(f"client: got {conn.recv(100).decode()!r}")
    conn.shutdown(socket.SHUT_WR)
rest = conn.recv(100)
print("client: the server closed the connection" if not rest else f"client: got {rest!r}")
EOF
}

# shut_down MODE SERVER...: start SERVER in the background, wait for its
# "serving on 127.0.0.1:PORT" line, then, by MODE:
#   idle    connect the client, and once it has its echo send SIGTERM;
#   finish  the same, then, once the server says it stopped accepting,
#           tell the client to finish (SIGUSR1);
#   int     no client: SIGINT.
# Writes $T/out, err, status, seconds (from the signal to the server's
# exit) and client (the client's output).
shut_down() {
    local mode="$1"; shift
    MODE="$mode" CLIENT="$BATS_FILE_TMPDIR/client.py" bash -c '
        : >"$T/client"
        "$@" >"$T/out" 2>"$T/err" & pid=$!
        printed() { for _ in $(seq 400); do [ "$(wc -l <"$2")" -ge "$1" ] && return; sleep 0.05; done; }
        printed 1 "$T/out"
        port=$(sed -n "s/^serving on 127\.0\.0\.1:\([0-9]*\) .*/\1/p" "$T/out")
        if [ "$MODE" = int ]; then
            kill -INT "$pid"
        else
            python3 -u "$CLIENT" "$port" "$MODE" >"$T/client" 2>&1 & client=$!
            printed 1 "$T/client"
            kill -TERM "$pid"
        fi
        start=$(date +%s.%N)
        if [ "$MODE" = finish ]; then printed 3 "$T/out"; kill -USR1 "$client"; fi
        wait "$pid"; echo $? >"$T/status"
        awk -v a="$start" -v b="$(date +%s.%N)" "BEGIN { print b - a }" >"$T/seconds"
        [ -z "${client:-}" ] || wait "$client"
    ' shut_down "$@"
}

ran() { TMP="$BATS_FILE_TMPDIR/$1"; }

# The client's port differs from run to run.
unport() { sed -E 's/127\.0\.0\.1:[0-9]+/127.0.0.1:PORT/g'; }

# The server's stdout is $1, it wrote nothing on stderr, exited 0, and
# took from $2 to $3 seconds after the signal.
check_server() {
    [ "$(cat "$TMP/status")" = 0 ] || { echo "exit status $(cat "$TMP/status")"; cat "$TMP/err"; return 1; }
    printf '%s' "$1" | same - <(unport <"$TMP/out")
    same /dev/null "$TMP/err"
    awk -v s="$(cat "$TMP/seconds")" -v lo="$2" -v hi="$3" 'BEGIN { exit !(s >= lo && s < hi) }' ||
        { echo "took $(cat "$TMP/seconds") s, not $2 to $3 s"; return 1; }
}

IDLE_SERVER=$'serving on 127.0.0.1:PORT (Ctrl-C or SIGTERM stops it)
[1] opened 127.0.0.1:PORT
SIGTERM: stopped accepting; 1 connection(s) open, 2 s to finish
[1] closed 127.0.0.1:PORT: cancelled
grace period over: 1 connection(s) cancelled
server stopped
'
IDLE_CLIENT=$'client: got \'ping\'\nclient: the server closed the connection\n'

@test "C: SIGTERM with a connection open: it gets its 2 s of grace, then is cancelled; exit 0" {
    ran c_idle
    check_server "$IDLE_SERVER" 1.9 5
    printf '%s' "$IDLE_CLIENT" | same - "$TMP/client"
}

@test "CPython twin: SIGTERM with a connection open, the same" {
    need_python
    ran py_idle
    check_server "$IDLE_SERVER" 1.9 5
    printf '%s' "$IDLE_CLIENT" | same - "$TMP/client"
}

FINISH_SERVER=$'serving on 127.0.0.1:PORT (Ctrl-C or SIGTERM stops it)
[1] opened 127.0.0.1:PORT
SIGTERM: stopped accepting; 1 connection(s) open, 2 s to finish
[1] closed 127.0.0.1:PORT
every connection finished in time
server stopped
'
FINISH_CLIENT=$'client: got \'ping\'
client: a second connection is refused
client: got \'bye now\'
client: the server closed the connection
'

@test "C: a client that finishes within the grace is served to its end, a new one is refused; exit 0 at once" {
    ran c_finish
    check_server "$FINISH_SERVER" 0 1.9
    printf '%s' "$FINISH_CLIENT" | same - "$TMP/client"
}

@test "CPython twin: a client that finishes within the grace, the same" {
    need_python
    ran py_finish
    check_server "$FINISH_SERVER" 0 1.9
    printf '%s' "$FINISH_CLIENT" | same - "$TMP/client"
}

INT_SERVER=$'serving on 127.0.0.1:PORT (Ctrl-C or SIGTERM stops it)
SIGINT: stopped accepting; 0 connection(s) open, 2 s to finish
server stopped
'

@test "C: SIGINT (Ctrl-C) stops it the same way, not with KeyboardInterrupt: its handler is the loop's" {
    ran c_int
    check_server "$INT_SERVER" 0 1.9
}

@test "CPython twin: SIGINT, the same" {
    need_python
    ran py_int
    check_server "$INT_SERVER" 0 1.9
}

@test "scenario signal_handler: the same lines on the real clock as under the virtual one" {
    run --separate-stderr "$(bin scenarios/signal_handler)"
    [ "$status" -eq 0 ]
    same <(unstamp <"$ROOT/expected/scenarios/signal_handler.times") <(printf '%s\n' "$output")
}
