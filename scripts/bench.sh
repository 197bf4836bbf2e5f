#!/usr/bin/env bash
# make bench: each benchmark runs the C program and its CPython twin in
# the same invocation, takes the median of RUNS runs of each, and prints
# both numbers side by side and one summary line (switch:, curve:, alive:,
# timers:, scale:).  It ends with one line per target, "target N: ...:
# met" or "...: NOT met".  A target missed is reported, not an error.
#   scripts/bench.sh           the real sizes, 5 runs each (about 2 minutes)
#   scripts/bench.sh --tiny    tiny sizes, one run each: only proves it works
# Memory is each program's own peak resident set, which it prints after
# its seconds (scripts/bench/peak.h and peak.py say why that is VmHWM
# rather than getrusage()'s ru_maxrss, which also holds the shell's).
# CPython is the python3 on PATH, run with -S so that no site hook of the
# machine's adds to its start or its memory.  The uvloop column is
# /usr/bin/python3 with uvloop (Debian's python3-uvloop), where it imports.
# The C programs are BENCH_BUILD's (make bench: the release build, with
# link-time optimization BENCH_LTO); the tests' build, BUILD, runs the
# 1000 x 1000 point once more for comparison.  Either defaults to build/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BENCH_BUILD:-${BUILD:-build}}/bench" PLAIN_BIN="${BUILD:-build}/bench"

# The curve: one million sleep(0) switches split over N tasks, as
# "TASKS x ROUNDS" words; the 1000 x 1000 point is also the switch: line.
runs=5 curve="10x100000 100x10000 1000x1000 10000x100 100000x10" at=1000x1000
alive_small=1x1000 alive_big=1x1000000 floor_trips=10000000
timer_size="10000 2.0" scale_big=100000 scale_small=10000 nap=1 scale_limit=1.2
if [ "${1:-}" = "--tiny" ]; then
    runs=1 curve="2x50 5x20 10x10 20x5 50x2" at=10x10
    alive_small=1x10 alive_big=1x1000 floor_trips=1000
    timer_size="100 0.05" scale_big=1000 scale_small=100 nap=0.01 scale_limit=0.21
fi
# The targets the last lines report on, each "met" or "NOT met".
alive_max_kib=512 curve_min_ratio=10 at_min_ratio=20 at_max_floors=4

# python3 once, by its own path: a version manager's shim (pyenv's is a
# bash script) would cost about 0.1 s on every one of the runs.
python="" python_note="python3 not found: the CPython side is skipped"
if command -v python3 >/dev/null; then
    python="$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)" || python=""
    [ -x "$python" ] || python="$(command -v python3)"
    python_note="CPython $("$python" -S -c 'import platform; print(platform.python_version())') ($python -S)"
fi
uvloop="" uvloop_note="uvloop skipped: /usr/bin/python3 cannot import uvloop (Debian: apt-get install python3-uvloop)"
if [ -x /usr/bin/python3 ] && uvloop_version="$(/usr/bin/python3 -c \
    'import platform, uvloop; print(uvloop.__version__, "on CPython", platform.python_version())' 2>/dev/null)"; then
    uvloop=/usr/bin/python3 uvloop_note="uvloop $uvloop_version (/usr/bin/python3)"
fi

# median of the numbers on stdin (one per line)
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# repeat CMD... RUNS times, collecting its stdout lines in a file
repeat() {
    local out="$1"; shift
    : >"$out"
    for _ in $(seq "$runs"); do "$@" >>"$out"; done
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
column_median() { cut -d' ' -f"$2" "$1" | median; }

# switches per second, in millions: rate SWITCHES SECONDS
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.2f", n / t / 1e6 }'; }
# nanoseconds per switch: ns SWITCHES SECONDS
ns() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.1f", t / n * 1e9 }'; }
# A / B, to DIGITS decimals (0 if B is): ratio A B DIGITS
ratio() { awk -v a="$1" -v b="$2" -v d="$3" 'BEGIN { printf "%.*f", d, (b > 0) ? a / b : 0 }'; }
# whether A OP B holds, OP one of <= >=: holds A OP B
holds() { awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN { exit !(op == "<=" ? a <= b : a >= b) }'; }
# "met" or "NOT met", as a condition's status says: verdict CMD...
verdict() { if "$@"; then echo met; else echo "NOT met"; fi; }

# One point of the curve for one implementation: "<seconds> <peak KiB>",
# the seconds at least 1 us (the programs' resolution), so that a tiny
# run on a fast machine divides by no zero.
point() {
    repeat "$tmp/point" "$@"
    echo "$(column_median "$tmp/point" 1 | awk '{ print ($1 > 1e-6) ? $1 : 1e-6 }') $(column_median "$tmp/point" 2)"
}

read -r at_tasks at_rounds <<<"${at/x/ }"
total=$((at_tasks * at_rounds))
echo "== 1. the switch curve: $total sleep(0) switches as tasks x rounds, time and peak memory, median of $runs"
echo "$python_note; $uvloop_note"
echo "C: $BIN, $([ -n "${BENCH_LTO:-}" ] && echo "built with link-time optimization ($BENCH_LTO)" || echo "built without link-time optimization")"
table_row() { printf '%16s | %10s %9s | %10s %9s | %10s %9s | %8s %10s\n' "$@"; }
printf '%16s | %20s | %20s | %20s | %19s\n' "" "C" "CPython" "uvloop" "C against CPython"
table_row "tasks x rounds" ns/switch "peak KiB" ns/switch "peak KiB" ns/switch "peak KiB" speed memory
curve_lines=() worst_ratio="" worst_ratio_at="" worst_memory="" worst_memory_at="" memory_all_met=yes
for size in $curve; do
    read -r tasks rounds <<<"${size/x/ }"
    switches=$((tasks * rounds))
    read -r c_s c_kib <<<"$(point "$BIN/switch" "$tasks" "$rounds")"
    c_rate=$(rate "$switches" "$c_s") c_ns=$(ns "$switches" "$c_s")
    py_rate="" py_ns="" py_kib="-" py_part="CPython skipped" tail="C against CPython n/a"
    speed="" memory="" speed_cell="-" memory_cell="-"
    if [ -n "$python" ]; then
        read -r py_s py_kib <<<"$(point "$python" -S scripts/bench/switch.py "$tasks" "$rounds")"
        py_rate=$(rate "$switches" "$py_s") py_ns=$(ns "$switches" "$py_s")
        speed=$(ratio "$py_s" "$c_s" 1) memory=$(ratio "$c_kib" "$py_kib" 2)
        speed_cell="${speed}x" memory_cell="${memory}x"
        py_part="CPython $py_rate M/s $py_kib KiB" tail="C ${speed}x as fast, ${memory}x the memory"
        if [ -z "$worst_ratio" ] || holds "$speed" "<=" "$worst_ratio"; then
            worst_ratio=$speed worst_ratio_at="$tasks x $rounds"
        fi
        if [ -z "$worst_memory" ] || holds "$memory" ">=" "$worst_memory"; then
            worst_memory=$memory worst_memory_at="C $c_kib KiB, CPython $py_kib KiB at $tasks x $rounds"
        fi
        holds "$c_kib" "<=" "$py_kib" || memory_all_met=no
    fi
    uv_ns="-" uv_kib="-" uv_part="uvloop skipped"
    if [ -n "$uvloop" ]; then
        read -r uv_s uv_kib <<<"$(point "$uvloop" scripts/bench/switch.py --uvloop "$tasks" "$rounds")"
        uv_ns=$(ns "$switches" "$uv_s") uv_part="uvloop $(rate "$switches" "$uv_s") M/s $uv_kib KiB"
    fi
    table_row "$tasks x $rounds" "$c_ns" "$c_kib" "${py_ns:--}" "$py_kib" "$uv_ns" "$uv_kib" "$speed_cell" "$memory_cell"
    curve_lines+=("curve: $tasks x $rounds: C $c_rate M/s $c_kib KiB, $py_part, $uv_part, $tail")
    if [ "$size" = "$at" ]; then
        at_c_rate=$c_rate at_py_rate=$py_rate at_speed=$speed at_ns=$c_ns py_at_s=${py_s:-}
    fi
done
repeat "$tmp/floor" "$BIN/floor" "$floor_trips"
floor_ns=$(median <"$tmp/floor")
at_floors=$(ratio "$at_ns" "$floor_ns" 1)
echo "the switch floor, a bare round trip between two stacks: $floor_ns ns"
# The tests' build, where it is another: what link-time optimization gave.
plain_line=""
if [ "$PLAIN_BIN" != "$BIN" ] && [ -x "$PLAIN_BIN/switch" ]; then
    read -r plain_s _ <<<"$(point "$PLAIN_BIN/switch" "$at_tasks" "$at_rounds")"
    plain_line="plain: $at_tasks x $at_rounds from $PLAIN_BIN/switch, without link-time optimization: $(ns "$total" "$plain_s") ns/switch"
    [ -n "$python" ] && plain_line="$plain_line, $(ratio "$py_at_s" "$plain_s" 1)x CPython"
fi
printf '%s\n' "${curve_lines[@]}"
[ -z "$plain_line" ] || echo "$plain_line"
if [ -n "$python" ]; then
    echo "switch: C $at_c_rate M/s, CPython $at_py_rate M/s, ratio ${at_speed}x, floor $floor_ns ns/round trip"
else
    echo "switch: C $at_c_rate M/s, CPython skipped, ratio n/a, floor $floor_ns ns/round trip"
fi

echo
read -r alive_tasks alive_small_rounds <<<"${alive_small/x/ }"
read -r _ alive_big_rounds <<<"${alive_big/x/ }"
echo "== 2. memory follows what is alive: $alive_tasks task awaiting sleep(0) $alive_small_rounds and $alive_big_rounds times, C, median of $runs"
repeat "$tmp/alive.small" "$BIN/switch" "$alive_tasks" "$alive_small_rounds"
repeat "$tmp/alive.big" "$BIN/switch" "$alive_tasks" "$alive_big_rounds"
alive_small_kib=$(column_median "$tmp/alive.small" 2)
alive_big_kib=$(column_median "$tmp/alive.big" 2)
alive_growth=$((alive_big_kib - alive_small_kib))
echo "C:       peak RSS $alive_small_kib KiB after $alive_small_rounds, $alive_big_kib KiB after $alive_big_rounds"
echo "alive: C $alive_tasks x $alive_small_rounds $alive_small_kib KiB, $alive_tasks x $alive_big_rounds $alive_big_kib KiB, growth $alive_growth KiB"

echo
read -r timer_tasks timer_span <<<"$timer_size"
echo "== 3. timers: $timer_tasks tasks sleeping over $timer_span s, lateness on the loop's clock, median of $runs"
repeat "$tmp/tm.c" "$BIN/timers" "$timer_tasks" "$timer_span"
c_timers="median $(column_median "$tmp/tm.c" 1) us p99 $(column_median "$tmp/tm.c" 2) us max $(column_median "$tmp/tm.c" 3) us"
echo "C:       $c_timers"
if [ -n "$python" ]; then
    repeat "$tmp/tm.py" "$python" -S scripts/bench/timers.py "$timer_tasks" "$timer_span"
    py_timers="median $(column_median "$tmp/tm.py" 1) us p99 $(column_median "$tmp/tm.py" 2) us max $(column_median "$tmp/tm.py" 3) us"
    echo "CPython: $py_timers"
    echo "timers: C $c_timers, CPython $py_timers"
else
    echo "timers: C $c_timers, CPython skipped"
fi

echo
echo "== 4. scale: $scale_big and $scale_small tasks sleeping ${nap} s at once, median of $runs"
# prints "<seconds at big size> <KiB per task> <peak KiB at big size>" for one implementation
scale_of() {
    repeat "$tmp/big" "$@" "$scale_big" "$nap"
    repeat "$tmp/small" "$@" "$scale_small" "$nap"
    local seconds rss_big rss_small
    seconds=$(column_median "$tmp/big" 1)
    rss_big=$(column_median "$tmp/big" 2)
    rss_small=$(column_median "$tmp/small" 2)
    echo "$seconds $(awk -v b="$rss_big" -v s="$rss_small" -v n=$((scale_big - scale_small)) \
        'BEGIN { printf "%.2f", (b - s) / n }') $rss_big"
}
read -r c_s c_kib c_rss <<<"$(scale_of "$BIN/scale")"
echo "C:       $c_s s for $scale_big tasks, peak RSS $c_rss KiB, $c_kib KiB per task"
py_s=""
if [ -n "$python" ]; then
    read -r py_s py_kib py_rss <<<"$(scale_of "$python" -S scripts/bench/scale.py)"
    echo "CPython: $py_s s for $scale_big tasks, peak RSS $py_rss KiB, $py_kib KiB per task"
    echo "scale: C $c_s s $c_kib KiB/task, CPython $py_s s $py_kib KiB/task ($scale_big tasks)"
else
    echo "scale: C $c_s s $c_kib KiB/task, CPython skipped ($scale_big tasks)"
fi

# ---- 5. echo (chapter 21): begin ----
# One load, the same C client (scripts/bench/echo.c, on the aio loop)
# against three servers in turn: chapter 21's C server, its twin on
# CPython asyncio, and the twin on uvloop where /usr/bin/python3 has it.
# Each server is started on port 0 and stopped after its runs.
echo_conns=50 echo_rounds=1000 echo_size=64 echo_runs=3 echo_min_ratio=3
if [ "${1:-}" = "--tiny" ]; then
    echo_conns=2 echo_rounds=20 echo_runs=1
fi
echo_server="${BENCH_BUILD:-${BUILD:-build}}/21-echo-server"
echo_twin=chapters/21-echo-server/twin.py
# Against the server CMD...: "<round trips/s> <server CPU us per round
# trip> <of which in the kernel>", the median rate of the runs, and the
# CPU time (user + system, and system alone) the server spent in all of
# them, from /proc/PID/stat ("-" without it).
# The CPU time is the fairer number on a busy machine: the client and the
# server share its cores.
echo_tick=$(getconf CLK_TCK 2>/dev/null || echo 100)
# "<user + system> <system>" clock ticks of process $1 so far, or nothing
echo_cpu_ticks() { [ -r "/proc/$1/stat" ] && awk '{ print $14 + $15, $15 }' "/proc/$1/stat" || echo ""; }
echo_against() {
    local out="$tmp/echo.server" port="" pid i before after
    : >"$out" # emptied first: else the wait below may read the last server's line
    "$@" >"$out" 2>&1 &
    pid=$!
    for i in $(seq 800); do
        [ -s "$out" ] && break
        sleep 0.025
    done
    port="$(head -n 1 "$out")" port="${port##*:}"
    if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -eq 0 ]; then
        echo "echo: the server $1 gave no port: $(head -c 200 "$out")" >&2
        kill "$pid" 2>/dev/null || true
        echo "0 - -"
        return
    fi
    : >"$tmp/echo.runs"
    before=$(echo_cpu_ticks "$pid")
    for _ in $(seq "$echo_runs"); do
        "$BIN/echo" "$port" "$echo_conns" "$echo_rounds" "$echo_size" | cut -d' ' -f2 >>"$tmp/echo.runs"
    done
    after=$(echo_cpu_ticks "$pid")
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "$(median <"$tmp/echo.runs") $(awk -v b="$before" -v a="$after" -v hz="$echo_tick" \
        -v n=$((echo_runs * echo_conns * echo_rounds)) \
        'BEGIN { if (b == "" || a == "") { print "- -"; exit }
                 split(b, x, " "); split(a, y, " ")
                 printf "%.1f %.1f", (y[1] - x[1]) / hz / n * 1e6, (y[2] - x[2]) / hz / n * 1e6 }')"
}
echo
echo "== 5. echo: $echo_conns connections x $echo_rounds round trips of $echo_size bytes, round trips/s, median of $echo_runs"
echo_c="" echo_py="" echo_uv="" echo_line=""
if [ -x "$echo_server" ]; then
    read -r echo_c echo_c_cpu echo_c_sys <<<"$(echo_against "$echo_server" 0)"
    echo "C:       $echo_c round trips/s, server $echo_c_cpu us CPU per round trip, $echo_c_sys of them in the kernel"
    echo_line="echo: C $echo_c trips/s $echo_c_cpu us/trip (kernel $echo_c_sys)"
    if [ -n "$python" ]; then
        read -r echo_py echo_py_cpu echo_py_sys <<<"$(echo_against "$python" -S -u "$echo_twin" 0)"
        echo "CPython: $echo_py round trips/s, server $echo_py_cpu us CPU per round trip, $echo_py_sys of them in the kernel"
        echo_line="$echo_line, CPython $echo_py trips/s $echo_py_cpu us/trip (kernel $echo_py_sys)"
    else
        echo_line="$echo_line, CPython skipped"
    fi
    if [ -n "$uvloop" ]; then
        read -r echo_uv echo_uv_cpu echo_uv_sys <<<"$(echo_against "$uvloop" -u -c 'import runpy, sys, uvloop
uvloop.install()
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")' "$echo_twin" 0)"
        echo "uvloop:  $echo_uv round trips/s, server $echo_uv_cpu us CPU per round trip, $echo_uv_sys of them in the kernel"
        echo_line="$echo_line, uvloop $echo_uv trips/s $echo_uv_cpu us/trip (kernel $echo_uv_sys)"
    else
        echo_line="$echo_line, uvloop skipped"
    fi
    echo "$echo_line"
else
    echo "echo: skipped, $echo_server is not built (make all)"
fi
# ---- 5. echo (chapter 21): end ----

echo
echo "== targets"
echo "target 1: memory follows what is alive, C's peak RSS at $alive_tasks x $alive_big_rounds within $alive_max_kib KiB" \
    "of $alive_tasks x $alive_small_rounds: $(printf %+d "$alive_growth") KiB ($alive_big_kib against $alive_small_kib KiB):" \
    "$(verdict holds "$alive_growth" "<=" "$alive_max_kib")"
at_met() { holds "$at_speed" ">=" "$at_min_ratio" && holds "$at_floors" "<=" "$at_max_floors"; }
if [ -n "$python" ]; then
    echo "target 2: C >= ${curve_min_ratio}x CPython at every point of the curve: lowest ${worst_ratio}x, at $worst_ratio_at:" \
        "$(verdict holds "$worst_ratio" ">=" "$curve_min_ratio")"
    echo "target 3: C peak memory <= CPython's at every point of the curve: highest ${worst_memory}x ($worst_memory_at):" \
        "$(verdict [ "$memory_all_met" = yes ])"
    echo "target 4: at $at_tasks x $at_rounds, C >= ${at_min_ratio}x CPython and <= ${at_max_floors}x the switch floor:" \
        "${at_speed}x CPython, ${at_floors}x the floor ($at_ns ns per switch, floor $floor_ns ns):" \
        "$(verdict at_met)"
else
    echo "target 2: C >= ${curve_min_ratio}x CPython at every point of the curve: not measured, no python3: NOT met"
    echo "target 3: C peak memory <= CPython's at every point of the curve: not measured, no python3: NOT met"
    echo "target 4: at $at_tasks x $at_rounds, C <= ${at_max_floors}x the switch floor (CPython skipped):" \
        "${at_floors}x the floor ($at_ns ns per switch, floor $floor_ns ns): NOT met"
fi
echo "target 5: $scale_big tasks sleeping $nap s done <= $scale_limit s after the first create_task:" \
    "C $c_s s${py_s:+ (CPython $py_s s)}: $(verdict holds "$c_s" "<=" "$scale_limit")"
# ---- target 6, echo (chapter 21) ----
if [ -n "$echo_c" ] && [ -n "$echo_py" ]; then
    echo_ratio=$(ratio "$echo_c" "$echo_py" 1)
    echo_met() { holds "$echo_ratio" ">=" "$echo_min_ratio" && { [ -z "$echo_uv" ] || holds "$echo_c" ">=" "$echo_uv"; }; }
    echo "target 6: echo round trips/s, C >= ${echo_min_ratio}x CPython asyncio and ahead of uvloop:" \
        "${echo_ratio}x CPython${echo_uv:+, $(ratio "$echo_c" "$echo_uv" 2)x uvloop}: $(verdict echo_met)"
else
    echo "target 6: echo round trips/s, C >= ${echo_min_ratio}x CPython asyncio and ahead of uvloop: not measured: NOT met"
fi
