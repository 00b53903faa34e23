#!/bin/sh
# Ctrl-C and SIGTERM commit what is done and exit 130: the real indexer on the bundled sample
# is interrupted mid-run; the database must open, hold exactly the documents the summary
# reports, and a re-run must complete it to the sample's 2,000 releases. A second signal stops
# at once and still leaves a database that opens.
# Usage: interrupt_test.sh INDEXER SOURCE_DIR
set -u
indexer=$1
source_dir=$2
input="$source_dir/data/sample/doj_press_releases_sample.jsonl.gz"
expected=2000
tmp=$(mktemp -d)
. "$(dirname "$0")/../support/xapian_checks.sh"
pid=""
trap '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
# check NAME CONDITION...: passes when the test command succeeds
check() {
    name=$1
    shift
    if "$@"; then pass; else fail "$name"; fi
}
json_number() { grep -o "\"$1\":[0-9]*" "$2" | cut -d: -f2; }

# Starts the indexer in the background on $1 with the remaining arguments.
start_indexer() {
    db=$1
    shift
    "$indexer" --db "$db" --json "$@" "$input" >"$tmp/out.json" 2>"$tmp/err" &
    pid=$!
}

# Waits until the indexer holds the database's writer lock, so its signal handlers are in
# place (at most 60 s).
wait_for_lock() {
    for _ in $(seq 1 600); do
        [ -s "$1/writer.lock" ] && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# Waits until the database at $1 holds at least one document (a first commit), at most 120 s.
wait_for_first_commit() {
    for _ in $(seq 1 1200); do
        [ "$(db_documents "$1")" -gt 0 ] 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# Waits for the indexer and checks exit 130, the summary against the database, its health.
check_interrupted_run() {
    what=$1
    db=$2
    wait "$pid"
    status=$?
    pid=""
    check "$what: exit status $status, expected 130" [ "$status" -eq 130 ]
    check "$what: summary says interrupted" grep -q '"interrupted":true' "$tmp/out.json"
    check "$what: stderr says it stops" grep -q "indexer: stopping: committing the work done" "$tmp/err"
    problems=$(db_problems "$db")
    check "$what: $problems" [ -z "$problems" ]
    reported=$(json_number documents "$tmp/out.json")
    found=$(db_documents "$db")
    echo "interrupt_test: $what: exit $status, $found of $expected documents committed"
    check "$what: the summary reports '$reported' documents, the database holds '$found'" \
        [ "${reported:-none}" = "$found" ]
}

# Completes an interrupted database and checks the count.
check_rerun() {
    what=$1
    db=$2
    before=$(db_documents "$db")
    "$indexer" --db "$db" --quiet --json "$input" >"$tmp/rerun.json" 2>"$tmp/err"
    status=$?
    check "$what: re-run exit status $status" [ "$status" -eq 0 ]
    check "$what: re-run reaches $expected documents: $(cat "$tmp/rerun.json")" \
        grep -q "\"documents\":$expected," "$tmp/rerun.json"
    added=$(json_number added "$tmp/rerun.json")
    check "$what: re-run adds the $((expected - before)) missing ones, not $added" \
        [ "$added" = "$((expected - before))" ]
    problems=$(db_problems "$db")
    check "$what: after the re-run: $problems" [ -z "$problems" ]
}

# 1. SIGINT after the first batch commit of the single writer: a partial database.
start_indexer "$tmp/int" --threads 1 --batch-size 100
if wait_for_first_commit "$tmp/int"; then
    kill -INT "$pid"
    check_interrupted_run "SIGINT" "$tmp/int"
    interrupted_at=$(db_documents "$tmp/int")
    check "SIGINT mid-run stopped early ($interrupted_at of $expected documents)" \
        [ "$interrupted_at" -lt "$expected" ]
    check_rerun "SIGINT" "$tmp/int"
else
    fail "SIGINT: no first commit: $(cat "$tmp/err")"
fi

# 2. SIGTERM during a bulk load into an empty database (nothing is visible before its end).
start_indexer "$tmp/term" --threads 2
if wait_for_lock "$tmp/term"; then
    sleep 1
    kill -TERM "$pid"
    check_interrupted_run "SIGTERM" "$tmp/term"
    check_rerun "SIGTERM" "$tmp/term"
else
    fail "SIGTERM: the indexer did not start: $(cat "$tmp/err")"
fi

# 3. A second signal stops at once, without the final commit; the last commit stays.
start_indexer "$tmp/twice" --threads 1 --batch-size 100
if wait_for_first_commit "$tmp/twice"; then
    kill -INT "$pid"
    kill -INT "$pid"
    wait "$pid"
    status=$?
    pid=""
    check "second SIGINT: exit status $status, expected 130" [ "$status" -eq 130 ]
    problems=$(db_problems "$tmp/twice")
    check "second SIGINT: $problems" [ -z "$problems" ]
    check_rerun "second SIGINT" "$tmp/twice"
else
    fail "second SIGINT: no first commit: $(cat "$tmp/err")"
fi

echo "interrupt_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
