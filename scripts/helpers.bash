# Shared by the .bats files.  Paths are relative to the repository root.
bats_require_minimum_version 1.5.0

ROOT="$(cd "$(dirname "${BATS_TEST_FILENAME}")/.." && pwd)"
BUILD="${BUILD:-build}"
export BUILD

# The C loop imitates CPython 3.11 unless told otherwise (AIO_PYTHON); the
# tests that compare it with no CPython at all use 3.11, whatever the
# caller's environment says, since that is what expected/ holds.
export AIO_PYTHON=3.11

# The reader's python3, as "3.12", or "" with the reason in PYTHON_SKIP:
# none at all, or a version the loop does not follow.  Asked once per run.
python_version() {
    local cache="${BATS_RUN_TMPDIR:-/tmp}/python3-version"
    if [ ! -f "$cache" ]; then
        if command -v python3 >/dev/null; then
            python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null >"$cache" || echo "?" >"$cache"
        else
            : >"$cache"
        fi
    fi
    cat "$cache"
}

# For the files that compare the C loop with CPython: run the C side as the
# reader's python3 behaves (AIO_PYTHON), or, when that python3 cannot be
# compared with, say why in PYTHON_SKIP for need_python to skip with.
use_readers_python() {
    PYTHON_SKIP=""
    local version; version="$(python_version)"
    case "$version" in
        3.11|3.12|3.13) export AIO_PYTHON="$version" ;;
        "") PYTHON_SKIP="python3 is not installed: the comparisons with CPython need 3.11, 3.12 or 3.13" ;;
        *) PYTHON_SKIP="python3 is ${version}: the comparisons with CPython need 3.11, 3.12 or 3.13" ;;
    esac
}

need_python() { [ -z "${PYTHON_SKIP:-}" ] || skip "$PYTHON_SKIP"; }

# expected/X, or expected/3.12/X where that version prints it differently.
expected() {
    if [ -f "$ROOT/expected/$AIO_PYTHON/$1" ]; then
        echo "$ROOT/expected/$AIO_PYTHON/$1"
    else
        echo "$ROOT/expected/$1"
    fi
}

# Build everything once per file (a no-op when `make test` already did).
build_all() {
    make -s -C "$ROOT" all cases >/dev/null
}

bin() { echo "$ROOT/$BUILD/$1"; }

# Run Python twins once per test file, in one CPython process (see
# scripts/twin.py --batch): $TWINS/NAME.out, .err and .status.
run_twins() {
    TWINS="$BATS_FILE_TMPDIR/twins"
    mkdir -p "$TWINS"
    [ -z "${PYTHON_SKIP:-}" ] && command -v python3 >/dev/null || return 0
    (cd "$ROOT" && AIO_CLOCK=virtual AIO_STAMP=1 python3 -u scripts/twin.py --batch "$TWINS" "$@")
}

# Every chapter, by directory name: 01-coroutine-object ...
chapters() { (cd "$ROOT/chapters" && ls -d [0-9][0-9]-* ); }

chapter_named() { (cd "$ROOT/chapters" && ls -d "$1"-*); }

# Addresses differ from run to run and from the post's machine.
normalise() { sed -E 's/0x[0-9a-fA-F]+/0xADDRESS/g'; }

# A warning names the line that caused it: a line of main.c in C, of
# twin.py in Python, with that line's source under it (which C cannot
# show).  Compare what is said, not where.
unplace() { sed -E -e 's/^[^ :]+:[0-9]+: DeprecationWarning: /WHERE: DeprecationWarning: /' -e '/^  /d'; }

# Head program NAME's part of each of the files $TMP/FILE... that collect
# many programs' output, so that one diff says which program differs.
heading() {
    local name="$1" file; shift
    for file; do printf '== %s\n' "$name" >>"$TMP/$file"; done
}

# Drop the "12.345 " loop-time stamp AIO_STAMP=1 puts before each line.
unstamp() { sed -E 's/^[0-9]+\.[0-9]{3} //'; }

# The last stamp in expected/NN-*.times: how long the chapter runs.
expected_seconds() { tail -n 1 "$ROOT/expected/$1.times" | cut -d' ' -f1; }

# Compare two files, printing a diff that bats shows on failure.
same() { diff -u "$1" "$2"; }
