#!/usr/bin/env bats
# The checks at scale, which take longer than make test should: make check
# runs this file (scripts/check.sh, "stress"), and `bats
# scripts/stress.bats` runs it on its own.  Chapter 21's C echo server
# against CPython's asyncio clients, as in io.bats.

load helpers
load io/server

setup_file() { build_all; }

# select() can watch descriptors below FD_SETSIZE (1024) only: these are
# 1,500 connections at once, on descriptors well past it.
@test "1,500 connections open at once, each echoing its own line" {
    local hard
    hard="$(ulimit -Hn)"
    [ "$hard" = unlimited ] || [ "$hard" -ge 3200 ] ||
        skip "the hard limit on open files is $hard: 1,500 connections need about 3,200 (server and client)"
    ulimit -n 3200
    serve "$(server_bin)" 0
    run client many "$PORT" 1500
    echo "$output"
    [ "$status" -eq 0 ]
    lines_reach 3001
    kill -0 "$PID"
}

# Each connection's objects go once it is closed (the per-round
# coroutine of chapter 21's main.c): after a warm-up, 10,000 more cost
# no memory that stays.
@test "resident memory stays flat over 10,000 short connections in a row (within 512 KiB)" {
    serve "$(server_bin)" 0
    run client churn "$PORT" 1000
    [ "$status" -eq 0 ]
    lines_reach 2001
    local before after
    before="$(rss_kib)"
    run client churn "$PORT" 10000
    [ "$status" -eq 0 ]
    lines_reach 22001
    after="$(rss_kib)"
    echo "VmRSS $before KiB after 1,000 connections, $after KiB after 10,000 more"
    [ "$((after - before))" -le 512 ]
}
