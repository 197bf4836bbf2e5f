#!/usr/bin/env bash
# make bench: each benchmark runs the C program and its CPython twin in
# the same invocation, takes the median of RUNS runs of each, and prints
# both numbers, their ratio, and one summary line.
#   scripts/bench.sh           the real sizes, 5 runs each (about a minute)
#   scripts/bench.sh --tiny    tiny sizes, one run each: only proves it works
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BUILD:-build}/bench"

runs=5 switch_size="1000 1000" floor_trips=10000000
timer_size="10000 2.0" scale_big=100000 scale_small=10000 nap=1
if [ "${1:-}" = "--tiny" ]; then
    runs=1 switch_size="10 10" floor_trips=1000
    timer_size="100 0.05" scale_big=1000 scale_small=100 nap=0.01
fi

python=""
if command -v python3 >/dev/null; then
    python=python3
else
    echo "python3 not found: the CPython side is skipped"
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

echo "== 1. switches: tasks x rounds of sleep(0) = $switch_size, median of $runs"
read -r tasks rounds <<<"$switch_size"
switches=$((tasks * rounds))
repeat "$tmp/sw.c" "$BIN/switch" $switch_size
repeat "$tmp/floor" "$BIN/floor" "$floor_trips"
c_rate=$(awk -v n="$switches" -v t="$(median <"$tmp/sw.c")" 'BEGIN { printf "%.2f", n / t / 1e6 }')
floor_ns=$(median <"$tmp/floor")
c_ns=$(awk -v r="$c_rate" 'BEGIN { printf "%.1f", 1000 / r }')
echo "C:       $c_rate M switches/s ($c_ns ns each; the floor is $floor_ns ns per bare round trip)"
if [ -n "$python" ]; then
    repeat "$tmp/sw.py" $python scripts/bench/switch.py $switch_size
    py_rate=$(awk -v n="$switches" -v t="$(median <"$tmp/sw.py")" 'BEGIN { printf "%.2f", n / t / 1e6 }')
    ratio=$(awk -v c="$c_rate" -v p="$py_rate" 'BEGIN { printf "%.1f", c / p }')
    echo "CPython: $py_rate M switches/s"
    echo "switch: C $c_rate M/s, CPython $py_rate M/s, ratio ${ratio}x, floor $floor_ns ns/round trip"
else
    echo "switch: C $c_rate M/s, CPython skipped, ratio n/a, floor $floor_ns ns/round trip"
fi

echo
echo "== 2. timers: tasks, span in s = $timer_size, lateness on the loop's clock, median of $runs"
repeat "$tmp/tm.c" "$BIN/timers" $timer_size
c_timers="median $(column_median "$tmp/tm.c" 1) us p99 $(column_median "$tmp/tm.c" 2) us max $(column_median "$tmp/tm.c" 3) us"
echo "C:       $c_timers"
if [ -n "$python" ]; then
    repeat "$tmp/tm.py" $python scripts/bench/timers.py $timer_size
    py_timers="median $(column_median "$tmp/tm.py" 1) us p99 $(column_median "$tmp/tm.py" 2) us max $(column_median "$tmp/tm.py" 3) us"
    echo "CPython: $py_timers"
    echo "timers: C $c_timers, CPython $py_timers"
else
    echo "timers: C $c_timers, CPython skipped"
fi

echo
echo "== 3. scale: $scale_big and $scale_small tasks sleeping ${nap} s at once, median of $runs"
# prints "<seconds at big size> <KiB per task>" for one implementation
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
if [ -n "$python" ]; then
    read -r py_s py_kib py_rss <<<"$(scale_of $python scripts/bench/scale.py)"
    echo "CPython: $py_s s for $scale_big tasks, peak RSS $py_rss KiB, $py_kib KiB per task"
    echo "scale: C $c_s s $c_kib KiB/task, CPython $py_s s $py_kib KiB/task ($scale_big tasks)"
else
    echo "scale: C $c_s s $c_kib KiB/task, CPython skipped ($scale_big tasks)"
fi
