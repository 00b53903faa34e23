#!/bin/sh
# A killed indexer leaves the last commit intact: SIGKILL the indexer at several moments while
# it indexes the bundled sample; every time the database must open and search, and a final
# re-run must reach exactly the sample's document count, with no duplicates.
# Usage: kill_test.sh INDEXER SERVER SOURCE_DIR
set -u
indexer=$1
server=$2
source_dir=$3
sample="$source_dir/data/sample"
expected=2000
tmp=$(mktemp -d)
server_log_dir=$tmp
. "$(dirname "$0")/../support/server.sh"
trap 'stop_server; rm -rf "$tmp"' EXIT
passed=0
failed=0
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# A query over HTTP through the real server, printing the JSON "total".
search_total() {
    start_server "$server" "$tmp/db" --log-level error || return 0
    curl -s "${server_url}api/search?q=justice&size=1" | grep -o '"total":[0-9]*' | cut -d: -f2
    stop_server
}

# Kill after these many tenths of a second (spread over a ~4 s run).
for delay in 3 8 14 21 27 33; do
    "$indexer" --db "$tmp/db" --quiet --batch-size 150 "$sample" >/dev/null 2>"$tmp/err" &
    pid=$!
    sleep "$(echo "$delay" | sed 's/\(.\)$/.\1/')"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    # The database opens and answers, whatever moment the kill came at.
    if [ -f "$tmp/db/iamglass" ]; then
        total=$(search_total)
        if [ -n "$total" ]; then passed=$((passed + 1)); else fail "no search answer after a kill at 0.$delay s"; fi
    else
        passed=$((passed + 1))  # killed before the first commit: nothing to open yet
    fi
done

"$indexer" --db "$tmp/db" --quiet --json "$sample" >"$tmp/final.json" 2>"$tmp/err"
status=$?
if [ "$status" -eq 0 ]; then passed=$((passed + 1)); else fail "re-run exit status $status"; cat "$tmp/err"; fi
if grep -q "\"documents\":$expected" "$tmp/final.json"; then passed=$((passed + 1)); else
    fail "expected $expected documents after the re-run: $(cat "$tmp/final.json")"
fi
total=$(search_total)
if [ "$total" -gt 0 ] 2>/dev/null; then passed=$((passed + 1)); else fail "search after re-run: '$total'"; fi

echo "kill_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
