#!/usr/bin/env bash
# What `make test` needs, checked before anything is built, so that a
# fresh machine gets one clear message per missing piece instead of
# "make: bats: No such file or directory".
#
#   bats >= 1.5 and a C compiler ($CC, else cc): required; exit status 2
#   python3 3.11, 3.12 or 3.13: optional; any other (or none) only skips
#   the comparisons with CPython, which this says, and the tests go on.
set -uo pipefail

missing=0

# install_hint WHAT APT BREW [NPM]
install_hint() {
    echo "  Debian/Ubuntu: sudo apt-get install $2" >&2
    echo "  macOS:         brew install $3" >&2
    [ -n "${4:-}" ] && echo "  npm:           npm install -g $4" >&2
    return 0
}

# bats prints "Bats 1.8.2"; 1.5 is the first with `run --separate-stderr`
# and bats_require_minimum_version, which the tests use.
if ! command -v bats >/dev/null; then
    echo "make test: bats >= 1.5 is needed to run the tests, and it is not installed. Install it with:" >&2
    install_hint bats bats bats-core bats
    missing=1
else
    version="$(bats --version 2>/dev/null | sed -n 's/^Bats \([0-9][0-9.]*\).*/\1/p')"
    major="${version%%.*}" rest="${version#*.}" minor="${rest%%.*}"
    if [ -z "$version" ] || [ "$major" -lt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -lt 5 ]; }; then
        echo "make test: bats >= 1.5 is needed, but this one is ${version:-of unknown version} ($(command -v bats)). Install a newer one with:" >&2
        install_hint bats bats bats-core bats
        missing=1
    fi
fi

cc="${CC:-cc}"
if ! command -v "${cc%% *}" >/dev/null; then
    echo "make test: a C11 compiler is needed ('$cc' was not found; set CC to use another). Install one with:" >&2
    install_hint compiler "gcc make" "llvm (or: xcode-select --install)"
    missing=1
fi

if ! command -v python3 >/dev/null; then
    echo "make test: note: python3 is not installed, so the comparisons with CPython (the chapters' and"
    echo "  scenarios' Python twins and the random scenarios) are skipped; everything else runs."
    echo "  To include them, install CPython 3.11, 3.12 or 3.13 (apt-get install python3 / brew install python@3.13)."
else
    version="$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)"
    case "$version" in
        3.11|3.12|3.13) ;;
        *)
            echo "make test: note: python3 is ${version:-not runnable}; the loop follows CPython 3.11, 3.12 and 3.13 only,"
            echo "  so the comparisons with CPython (twins, random scenarios) are skipped: their output differs"
            echo "  between versions, and no other version has been checked.  Everything else runs."
            echo "  To include them, put a CPython 3.11, 3.12 or 3.13 first on PATH as python3."
            ;;
    esac
fi

[ "$missing" -eq 0 ] || exit 2
