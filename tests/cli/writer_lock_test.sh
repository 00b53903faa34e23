#!/bin/sh
# One writer at a time, with real processes: a first indexer keeps the database busy (it reads
# standard input from a pipe the test holds open); a second one fails at once naming the
# database and the process that writes; --wait=1 gives up after a second; --wait queues and
# goes ahead when the first has finished; Ctrl-C ends a wait with exit 130.
# Usage: writer_lock_test.sh INDEXER TEST_DATA_DIR
set -u
indexer=$1
data=$2
tmp=$(mktemp -d)
db="$tmp/db"
first_pid=""
waiting_pid=""
cleanup() {
    for p in $first_pid $waiting_pid; do kill -KILL "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {
    name=$1
    shift
    if "$@"; then pass; else fail "$name"; fi
}
# Polls (every 0.1 s, at most 60 s) until the command succeeds.
eventually() {
    for _ in $(seq 1 600); do
        "$@" && return 0
        sleep 0.1
    done
    return 1
}
holds_lock() { [ "$(cat "$db/writer.lock" 2>/dev/null)" = "$1" ]; }
says_waiting() { grep -q "is writing to '$db'; waiting for it to finish" "$1"; }

# The first indexer: reads the fixtures' JSON Lines from a pipe that stays open. Only this
# shell holds the pipe's writing end (the other indexers are started without it), so that
# closing it ends the first indexer's input.
mkfifo "$tmp/feed"
"$indexer" --db "$db" --quiet --json - <"$tmp/feed" >"$tmp/first.json" 2>"$tmp/first.err" &
first_pid=$!
exec 3>"$tmp/feed"
cat "$data/jsonl/releases.jsonl" >&3
check "the first indexer takes the lock" eventually holds_lock "$first_pid"

# A second one fails at once and says why.
"$indexer" --db "$db" --quiet --json "$data/jsonl/releases.jsonl" >"$tmp/second.out" 2>"$tmp/second.err" 3>&-
status=$?
check "a second indexer exits 1 (got $status)" [ "$status" -eq 1 ]
expected="indexer: error: cannot write to database '$db': another indexer (process $first_pid) is writing to it; run again when it has finished, or use --wait to queue behind it"
check "a second indexer names the database and the writer: $(cat "$tmp/second.err")" \
    [ "$(cat "$tmp/second.err")" = "$expected" ]
check "nothing on stdout when it fails" [ ! -s "$tmp/second.out" ]

# --wait=1 waits a second, then gives up.
started=$(date +%s%N)
"$indexer" --db "$db" --quiet --wait=1 "$data/jsonl/releases.jsonl" 2>"$tmp/limited.err" 3>&-
status=$?
waited_ms=$((($(date +%s%N) - started) / 1000000))
check "--wait=1 exits 1 (got $status)" [ "$status" -eq 1 ]
check "--wait=1 waited at least a second ($waited_ms ms)" [ "$waited_ms" -ge 1000 ]
check "--wait=1 says it waits" grep -q "waiting for it to finish (at most 1 s)" "$tmp/limited.err"
check "--wait=1 says it gave up: $(cat "$tmp/limited.err")" \
    grep -q "another indexer (process $first_pid) was still writing to it after 1 s" "$tmp/limited.err"

# Ctrl-C ends a wait: nothing was done, exit 130.
"$indexer" --db "$db" --json --wait "$data/jsonl/releases.jsonl" \
    >"$tmp/stopped.json" 2>"$tmp/stopped.err" 3>&- &
waiting_pid=$!
check "a waiting indexer says so" eventually says_waiting "$tmp/stopped.err"
kill -INT "$waiting_pid"
wait "$waiting_pid"
status=$?
waiting_pid=""
check "Ctrl-C while waiting exits 130 (got $status)" [ "$status" -eq 130 ]
check "Ctrl-C while waiting: nothing done" grep -q '"interrupted":true.*' "$tmp/stopped.json"
check "Ctrl-C while waiting: no records" grep -q '"records":0,' "$tmp/stopped.json"

# --wait queues behind the first and goes ahead when it has finished.
"$indexer" --db "$db" --json --wait "$data/jsonl/releases.jsonl.gz" \
    >"$tmp/queued.json" 2>"$tmp/queued.err" 3>&- &
waiting_pid=$!
check "a queued indexer says it waits" eventually says_waiting "$tmp/queued.err"
sleep 1
check "a queued indexer is still waiting while the first writes" kill -0 "$waiting_pid"
check "a queued indexer has written nothing yet" [ ! -s "$tmp/queued.json" ]
exec 3>&-  # end of the first indexer's input
wait "$first_pid"
status=$?
first_pid=""
check "the first indexer finishes (exit $status)" [ "$status" -eq 0 ]
check "the first indexer added the 6 releases" grep -q '"added":6,' "$tmp/first.json"
wait "$waiting_pid"
status=$?
waiting_pid=""
check "the queued indexer goes ahead and finishes (exit $status): $(cat "$tmp/queued.err")" [ "$status" -eq 0 ]
# The same 6 releases, now with a source file (they came from standard input): none added.
check "the queued indexer finds the first one's work: $(cat "$tmp/queued.json")" \
    grep -q '"added":0,.*"documents":6,.*"records":6,' "$tmp/queued.json"

echo "writer_lock_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
