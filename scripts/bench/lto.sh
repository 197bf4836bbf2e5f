#!/bin/sh
# Prints the link-time optimization flag that CC and AR can build a
# program with, through a static library as the Makefile builds them:
# -flto=auto (gcc: one job a core), else -flto, else nothing.
#   usage: lto.sh CC AR
cc="${1:-cc}" ar="${2:-ar}"
dir="$(mktemp -d)" || exit 0
trap 'rm -rf "$dir"' EXIT
printf 'int aio_probe(void) { return 0; }\n' >"$dir/lib.c"
printf 'int aio_probe(void);\nint main(void) { return aio_probe(); }\n' >"$dir/main.c"
for flag in -flto=auto -flto; do
    rm -f "$dir/lib.o" "$dir/lib.a" "$dir/main"
    if $cc "$flag" -Werror -c "$dir/lib.c" -o "$dir/lib.o" 2>/dev/null &&
        $ar rcs "$dir/lib.a" "$dir/lib.o" 2>/dev/null &&
        $cc "$flag" -Werror "$dir/main.c" "$dir/lib.a" -o "$dir/main" 2>/dev/null &&
        "$dir/main"; then
        echo "$flag"
        exit 0
    fi
done
