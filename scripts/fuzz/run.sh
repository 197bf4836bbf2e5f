#!/usr/bin/env bash
# The differential test: random scenario scripts run on the C loop and on
# CPython's asyncio must print identical logs, loop times included, and
# the same on stderr (for these scripts: nothing).
#   scripts/fuzz/run.sh FIRST COUNT
# Prints each failing seed with its script and the differences, then what
# the seeds exercised, then one line "N seeds: N passed, N failed".  Exit
# status 1 if any failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
# PYTHON picks the CPython to compare with (default python3); the C side
# follows that version's asyncio (AIO_PYTHON), whatever the environment says.
first="${1:-1}" count="${2:-300}"
# `make fuzz SEEDS=N` passes N as COUNT: say so in its words.
case "$first" in ''|*[!0-9]*) echo "run.sh: FIRST must be a seed number, 0 or more, not '$first'" >&2; exit 2 ;; esac
if ! [[ "$count" =~ ^[0-9]+$ ]] || [ "$((10#$count))" -eq 0 ]; then
    echo "run.sh: the number of seeds (make fuzz SEEDS=N) must be a whole number, 1 or more, not '$count'" >&2
    exit 2
fi
first=$((10#$first)) count=$((10#$count))
bin="${BUILD:-build}/fuzz-driver"
python="${PYTHON:-python3}"

version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" || {
    echo "run.sh: '$python' does not run; the differential test needs CPython 3.11, 3.12 or 3.13" >&2
    exit 2
}
case "$version" in
    3.11|3.12|3.13) ;;
    *) echo "run.sh: $python is Python $version; the differential test needs 3.11, 3.12 or 3.13" >&2
       exit 2 ;;
esac
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$python" scripts/fuzz/gen.py "$first" "$count" >"$tmp/scripts"
# Each side writes a "== seed N" line to stdout and to stderr before each
# seed, so that what it writes on stderr (warnings, reports at the loop's
# close, a fatal error) is compared seed by seed too.  A side that stops
# early is reported at the seed it stopped in.
c_status=0 py_status=0
AIO_PYTHON="$version" AIO_CLOCK=virtual "$bin" <"$tmp/scripts" >"$tmp/c" 2>"$tmp/c.err" || c_status=$?
AIO_CLOCK=virtual "$python" scripts/twin.py scripts/fuzz/driver.py <"$tmp/scripts" >"$tmp/py" 2>"$tmp/py.err" ||
    py_status=$?

# Where the two logs differ, split the files by seed and compare seed by
# seed.
split_by_seed() { awk -v dir="$2" '/^(== )?seed / { if (out) close(out); out = dir "/" $NF } { print > out }' "$1"; }
failed=0
if ! cmp -s "$tmp/py" "$tmp/c" || ! cmp -s "$tmp/py.err" "$tmp/c.err"; then
    for part in s cs ps ce pe; do mkdir "$tmp/$part"; done
    split_by_seed "$tmp/scripts" "$tmp/s"
    split_by_seed "$tmp/c" "$tmp/cs"
    split_by_seed "$tmp/py" "$tmp/ps"
    split_by_seed "$tmp/c.err" "$tmp/ce"
    split_by_seed "$tmp/py.err" "$tmp/pe"
    for seed in $(seq "$first" $((first + count - 1))); do
        stopped=""
        [ -f "$tmp/cs/$((seed + 1))" ] && [ -f "$tmp/ps/$((seed + 1))" ] || stopped=yes
        # A seed a side never reached, or left no line on stderr for, is empty.
        for part in cs ps ce pe; do
            [ -f "$tmp/$part/$seed" ] || : >"$tmp/$part/$seed"
        done
        if ! diff -q "$tmp/ps/$seed" "$tmp/cs/$seed" >/dev/null 2>&1 ||
            ! diff -q "$tmp/pe/$seed" "$tmp/ce/$seed" >/dev/null 2>&1; then
            failed=$((failed + 1))
            echo "--- seed $seed fails; its script (replay: scripts/fuzz/run.sh $seed 1):"
            cat "$tmp/s/$seed"
            diff -u --label CPython --label C "$tmp/ps/$seed" "$tmp/cs/$seed" || true
            diff -u --label "CPython's stderr" --label "C's stderr" "$tmp/pe/$seed" "$tmp/ce/$seed" || true
        fi
        # Past the seed a side stopped in, there is nothing to compare.
        [ -z "$stopped" ] || break
    done
fi
# Both sides must have logged every seed: an empty log compares equal.
events=$(grep -vc '^== ' "$tmp/c" || true)
for side in c py; do
    if [ "$side" = c ]; then side_status=$c_status; else side_status=$py_status; fi
    if [ "$side_status" -ne 0 ] || [ "$(grep -c '^== seed' "$tmp/$side")" -ne "$count" ]; then
        echo "the $side driver did not run every seed (exit status $side_status)"
        exit 1
    fi
done
echo "compared $events events, CPython $version against AIO_PYTHON=$version"
# What the seeds exercised, from the C log (the same as CPython's where
# they agree): how many operations of each kind ran, one line, sorted
#   ran: as_completed=86 await=70 ...
# and how they ended, by the first word after the colon,
#   outcomes: as_completed#:TimeoutError=25 gather:ValueError=12 ...
# where a wait is wait_all, wait_first or wait_exception by its
# return_when, "kind#" is one await inside as_completed, "ok+exception" an
# ok whose value shows an exception (gather_rx), pending a wait that left
# some pending, and nested:expired-INNER-OUTER what expired() said.
awk '
    $2 !~ /^t[0-9]+$/ || $3 == "returns" || $3 == "stops" { next }
    $3 == "raises" { ran["raise"]++; next }
    {
        kind = $3 == "wait" ? "wait_" $4 : $3
        result = substr($0, index($0, ": ") + 2)
        words = split(result, word, " ")
        end = word[1]
        if ($0 ~ / #[0-9]+: /) kind = kind "#"; else ran[kind]++
        if (end == "ok" && result ~ /Error\(/) end = "ok+exception"
        if (kind ~ /^wait_/ && result ~ /pending \[[^]]/) end = "pending"
        if (kind == "nested" && end != "CancelledError") end = "expired-" word[words - 1] "-" word[words]
        outcome[kind ":" end]++
    }
    function line(title, counts,    n, key, keys, i, j, t, text) {
        n = 0
        for (key in counts) keys[++n] = key
        for (i = 2; i <= n; i++)
            for (j = i; j > 1 && keys[j - 1] > keys[j]; j--) { t = keys[j]; keys[j] = keys[j - 1]; keys[j - 1] = t }
        text = title ":"
        for (i = 1; i <= n; i++) text = text " " keys[i] "=" counts[keys[i]]
        print text
    }
    END { line("ran", ran); line("outcomes", outcome) }
' "$tmp/c"
echo "$count seeds: $((count - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
