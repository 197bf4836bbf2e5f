# Shared by the .bats files.  Paths are relative to the repository root.
bats_require_minimum_version 1.5.0

ROOT="$(cd "$(dirname "${BATS_TEST_FILENAME}")/.." && pwd)"
BUILD="${BUILD:-build}"
export BUILD

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
    command -v python3 >/dev/null || return 0
    (cd "$ROOT" && AIO_CLOCK=virtual AIO_STAMP=1 python3 -u scripts/twin.py --batch "$TWINS" "$@")
}

# Every chapter, by directory name: 01-coroutine-object ...
chapters() { (cd "$ROOT/chapters" && ls -d [0-9][0-9]-* ); }

chapter_named() { (cd "$ROOT/chapters" && ls -d "$1"-*); }

# Addresses differ from run to run and from the post's machine.
normalise() { sed -E 's/0x[0-9a-fA-F]+/0xADDRESS/g'; }

# Drop the "12.345 " loop-time stamp AIO_STAMP=1 puts before each line.
unstamp() { sed -E 's/^[0-9]+\.[0-9]{3} //'; }

# The last stamp in expected/NN-*.times: how long the chapter runs.
expected_seconds() { tail -n 1 "$ROOT/expected/$1.times" | cut -d' ' -f1; }

# Compare two files, printing a diff that bats shows on failure.
same() { diff -u "$1" "$2"; }
