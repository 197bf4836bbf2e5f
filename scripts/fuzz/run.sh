#!/usr/bin/env bash
# The differential test: random scenario scripts run on the C loop and on
# CPython's asyncio must print identical logs, loop times included.
#   scripts/fuzz/run.sh FIRST COUNT
# Prints each failing seed with its script and the difference, then one
# line "N seeds: N passed, N failed".  Exit status 1 if any failed.
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
AIO_PYTHON="$version" AIO_CLOCK=virtual "$bin" <"$tmp/scripts" >"$tmp/c"
AIO_CLOCK=virtual "$python" scripts/twin.py scripts/fuzz/driver.py <"$tmp/scripts" >"$tmp/py"

# Split all three files by seed and compare seed by seed.
split_by_seed() { awk -v dir="$2" '/^(== )?seed / { if (out) close(out); out = dir "/" $NF } { print > out }' "$1"; }
mkdir "$tmp/s" "$tmp/cs" "$tmp/ps"
split_by_seed "$tmp/scripts" "$tmp/s"
split_by_seed "$tmp/c" "$tmp/cs"
split_by_seed "$tmp/py" "$tmp/ps"
failed=0
for seed in $(seq "$first" $((first + count - 1))); do
    if ! diff -q "$tmp/ps/$seed" "$tmp/cs/$seed" >/dev/null 2>&1; then
        failed=$((failed + 1))
        echo "--- seed $seed fails; its script (replay: scripts/fuzz/run.sh $seed 1):"
        cat "$tmp/s/$seed"
        diff -u --label CPython --label C "$tmp/ps/$seed" "$tmp/cs/$seed" || true
    fi
done
# Both sides must have logged every seed: an empty log compares equal.
events=$(grep -vc '^== ' "$tmp/c" || true)
for side in c py; do
    if [ "$(grep -c '^== seed' "$tmp/$side")" -ne "$count" ]; then
        echo "the $side driver did not run every seed"
        exit 1
    fi
done
echo "compared $events events, CPython $version against AIO_PYTHON=$version"
echo "$count seeds: $((count - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
