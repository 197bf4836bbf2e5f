# Shared by io.bats and stress.bats: chapter 21's echo server started and
# stopped by each test, and CPython's asyncio clients
# (scripts/io/client.py) against it.  Loaded after helpers.bash.

setup() { TMP="$BATS_TEST_TMPDIR"; PID=""; }

teardown() { [ -z "$PID" ] || stop_server; }

server_bin() { bin 21-echo-server; }
client() { python3 "$ROOT/scripts/io/client.py" "$@"; }

# serve CMD...: start a server in the background with SIGINT at its
# default action (scripts/cases/sigdfl.c says why), stdout in $TMP/out
# and stderr in $TMP/err; wait for its first line; set PID and PORT.
serve() {
    "$(bin cases/sigdfl)" "$@" >"$TMP/out" 2>"$TMP/err" &
    PID=$!
    local first="" i
    for i in $(seq 200); do
        [ -s "$TMP/out" ] && break
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.025
    done
    read -r first <"$TMP/out" || { echo "the server printed nothing"; cat "$TMP/err"; return 1; }
    PORT="${first##*:}"
}

# Stop the server, and set STATUS to how it ended.
stop_server() {
    kill "$PID" 2>/dev/null || true
    STATUS=0
    wait "$PID" 2>/dev/null || STATUS=$?
    PID=""
}

# The resident set of the server, in KiB.
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status"; }

# Wait until the server's stdout has N lines (its last connection closed).
lines_reach() {
    local i
    for i in $(seq 200); do
        [ "$(wc -l <"$TMP/out")" -ge "$1" ] && return 0
        sleep 0.025
    done
    echo "the server printed $(wc -l <"$TMP/out") lines, not $1"
    return 1
}
