# Shared by the .bats files.  Paths are relative to the repository root.
bats_require_minimum_version 1.5.0

# This file is read again for every test, so what it does at the top
# costs no process where it can help it.
case "$BATS_TEST_DIRNAME" in
    /*) ROOT="${BATS_TEST_DIRNAME%/*}" ;;
    *) ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)" ;;
esac
BUILD="${BUILD:-build}"
export BUILD

# The C loop imitates CPython 3.11 unless told otherwise (AIO_PYTHON); the
# tests that compare it with no CPython at all use 3.11, whatever the
# caller's environment says, since that is what expected/ holds.
export AIO_PYTHON=3.11

# python3's version as "3.12", "?" if it cannot say.
ask_python_version() { python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo "?"; }

# The reader's python3, pinned once per run.  A version manager's shim
# (pyenv's is a bash script) costs about 80 ms on every call, and the
# tests make many; a two-line sh wrapper first on PATH runs the same
# interpreter, found the way the shim finds it, in a millisecond.  It
# runs it with -S, without the site module: the twins and the tests'
# scripts need nothing but the standard library, and a machine's
# site-packages can hook every start (this one's imports certifi, 30 ms
# and more each time) or change what a twin prints (a sitecustomize
# that sets warning filters).  Its version goes beside it.  The first
# file to get here writes both, each under a temporary name first; the
# others find them, or, in the moment before they exist, find the shim
# and ask it themselves.
pin_python3() {
    [ -n "${BATS_RUN_TMPDIR:-}" ] || return 0
    local dir="$BATS_RUN_TMPDIR/pinned" exe version=""
    if [ ! -d "$dir" ] && mkdir "$dir" 2>/dev/null; then
        if command -v python3 >/dev/null; then
            exe="$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)" || exe=""
            if [ -x "$exe" ] && [[ "$exe" != *"'"* ]]; then
                printf '#!/bin/sh\nexec '\''%s'\'' -S "$@"\n' "$exe" >"$dir/.python3"
                chmod +x "$dir/.python3" && mv "$dir/.python3" "$dir/python3"
            fi
            version="$(ask_python_version)"
        fi
        echo "$version" >"$dir/.version" && mv "$dir/.version" "$dir/version"
    fi
    PATH="$dir:$PATH"
}
pin_python3

# The reader's python3, as "3.12", or "" when there is none.
python_version() {
    local version="" pinned="${BATS_RUN_TMPDIR:-/nonexistent}/pinned/version"
    if [ -f "$pinned" ]; then
        read -r version <"$pinned" || true
    elif command -v python3 >/dev/null; then
        version="$(ask_python_version)"
    fi
    READERS_PYTHON="$version"
}

# For the files that compare the C loop with CPython: run the C side as the
# reader's python3 behaves (AIO_PYTHON), or, when that python3 cannot be
# compared with, say why in PYTHON_SKIP for need_python to skip with.
use_readers_python() {
    PYTHON_SKIP=""
    python_version
    case "$READERS_PYTHON" in
        3.11|3.12|3.13) export AIO_PYTHON="$READERS_PYTHON" ;;
        "") PYTHON_SKIP="python3 is not installed: the comparisons with CPython need 3.11, 3.12 or 3.13" ;;
        *) PYTHON_SKIP="python3 is ${READERS_PYTHON}: the comparisons with CPython need 3.11, 3.12 or 3.13" ;;
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

# Build what a file needs (the chapters and test programs, and any
# targets named), once per file.  `make test` has built everything just
# before it runs bats, and says so: then there is nothing to ask make.
build_all() {
    [ "${MAKE_TEST_BUILT:-}" = "$BUILD" ] || make -s -C "$ROOT" all cases "$@" >/dev/null
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
normalise() { sed -E 's/0x[0-9a-f]+/0xADDRESS/g'; } # %p is lower case: 0xADDRESS stays as it is
# A descriptor number depends on what the program inherited (bats keeps
# 3, 4, 10 and 251 open): the trace's sock_accept() results are FD.
unfd() { sed -E 's/(sock_accept\(\) gave )[0-9]+$/\1FD/'; }

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

# The other side of heading(): what programs NAME... should print, each
# part headed the same way, appended to $TMP/FILE in one process.  A
# part is expected/VERSION/NAME.SUFFIX where VERSION ($AIO_PYTHON) prints
# it differently, else expected/NAME.SUFFIX, else nothing (NAME may be
# "try/08-catch-cancel").  Trailing empty lines are dropped, as "$(<f)"
# drops them.
expected_parts() {
    local file="$1" suffix="$2"; shift 2
    awk -v dir="$ROOT/expected" -v version="$AIO_PYTHON" -v suffix="$suffix" '
        BEGIN {
            for (i = 1; i < ARGC; i++) {
                print "== " ARGV[i]
                path = dir "/" version "/" ARGV[i] "." suffix
                if ((getline line < path) < 0) path = dir "/" ARGV[i] "." suffix
                else close(path)
                blank = 0
                while ((getline line < path) > 0) {
                    if (line == "") { blank++; continue }
                    for (; blank > 0; blank--) print ""
                    print line
                }
                close(path)
            }
            exit
        }' "$@" >>"$TMP/$file"
}

# Drop the "12.345 " loop-time stamp AIO_STAMP=1 puts before each line.
unstamp() { sed -E 's/^[0-9]+\.[0-9]{3} //'; }

# The last stamp in expected/NN-*.times: how long the chapter runs.
expected_seconds() { tail -n 1 "$ROOT/expected/$1.times" | cut -d' ' -f1; }

# bats runs a DEBUG trap before every command of a test, to say which
# line failed: a quarter of a millisecond each time, fifty times what a
# shell builtin costs.  A loop over every program runs with the trap off,
# in a subshell; if it fails, bats names the line that called it, and the
# diff it prints says the rest.
untraced() ( trap - DEBUG; "$@" )

# Compare two files, printing a diff that bats shows on failure.
same() { diff -u "$1" "$2"; }
