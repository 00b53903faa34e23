#!/bin/sh
# Command-line contract of the real binaries: exit codes, where help and errors go, the
# located error format and the run summary. Usage: cli_contract.sh INDEXER SERVER TEST_DATA_DIR
set -u
indexer=$1
server=$2
data=$3
tmp=$(mktemp -d)
server_log_dir=$tmp
. "$(dirname "$0")/../support/server.sh"
trap 'stop_server KILL; rm -rf "$tmp"' EXIT
passed=0
failed=0

# expect NAME EXPECTED_STATUS COMMAND... ; stdout/stderr land in $tmp/out and $tmp/err
expect() {
    name=$1 expected=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    status=$?
    if [ "$status" -eq "$expected" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name: exit $status, expected $expected"
        sed 's/^/  stderr: /' "$tmp/err" | head -5
    fi
}
# check NAME GREP_ARGS... FILE: passes when grep finds the pattern
check() {
    name=$1
    shift
    if grep -q "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name"
    fi
}

expect "indexer --help" 0 "$indexer" --help
check "indexer --help on stdout" "Exit status" "$tmp/out"
expect "indexer --version" 0 "$indexer" --version
check "indexer --version text" "^indexer [0-9]" "$tmp/out"
expect "indexer unknown flag" 2 "$indexer" --db "$tmp/db" --no-such-flag "$data/wire"
check "indexer usage error format" "^indexer: error: .*(see --help)" "$tmp/err"
expect "indexer without --db" 2 "$indexer" "$data/wire"

expect "indexer indexes fixtures" 0 "$indexer" --db "$tmp/db" --quiet "$data/wire" "$data/jsonl/releases.jsonl"
check "indexer summary" "21 added, 0 replaced, 0 unchanged, 0 skipped" "$tmp/err"
expect "indexer re-run is idempotent" 0 "$indexer" --db "$tmp/db" --quiet "$data/wire" "$data/jsonl/releases.jsonl.gz"
check "indexer re-run summary" "0 added, 0 replaced, 21 unchanged" "$tmp/err"

expect "indexer skips bad records and goes on" 0 "$indexer" --db "$tmp/db" --quiet "$data/bad"
check "located error with line" "mixed.jsonl:4: error: not a JSON object" "$tmp/err"
check "located error without line" "empty.txt: error: empty file" "$tmp/err"
expect "indexer --strict fails on skips" 1 "$indexer" --db "$tmp/db" --quiet --strict "$data/bad/mixed.jsonl"
expect "indexer missing input" 1 "$indexer" --db "$tmp/db" --quiet "$tmp/no-such-file.jsonl"
check "missing input named" "no-such-file.jsonl: error: no such file or folder" "$tmp/err"

expect "indexer reads stdin" 0 sh -c "cat '$data/wire/belt-and-road-forum.txt' | '$indexer' --db '$tmp/db2' --quiet --json -"
check "json summary on stdout" '"added":1' "$tmp/out"

expect "indexer on a path that is not a database" 1 "$indexer" --db "$data/wire/ap-style.txt" "$data/wire"
check "database error message" "^indexer: error: cannot open database" "$tmp/err"

# Maintenance: --delete by id, --prune of files gone from a folder, their usage errors.
expect "indexer --delete" 0 "$indexer" --db "$tmp/db" --quiet --delete fixture-001 no-such-id
check "--delete summary" "0 skipped, 1 deleted in" "$tmp/err"
check "--delete names an unknown id" "^indexer: warning: --delete: no document has the id 'no-such-id'" "$tmp/err"
expect "indexer --delete without a database" 1 "$indexer" --db "$tmp/none" --delete x
check "--delete without a database" "^indexer: error: cannot open database '$tmp/none': there is no database there" "$tmp/err"
cp -R "$data/wire" "$tmp/wire"
expect "indexer indexes a folder" 0 "$indexer" --db "$tmp/db3" --quiet "$tmp/wire"
rm "$tmp/wire/ap-style.txt"
expect "indexer --prune" 0 "$indexer" --db "$tmp/db3" --prune "$tmp/wire"
check "--prune summary" "0 skipped, 1 deleted in" "$tmp/err"
check "--prune names the file that is gone" "ap-style.txt: note: file is gone: removed its 1 document$" "$tmp/err"
expect "indexer --prune again" 0 "$indexer" --db "$tmp/db3" --quiet --prune "$tmp/wire"
check "--prune again: nothing to do" "0 skipped, 0 deleted in" "$tmp/err"
expect "indexer --prune without a folder" 2 "$indexer" --db "$tmp/db3" --prune
check "--prune usage error" "^indexer: error: --prune needs the folders to look in" "$tmp/err"
expect "indexer --wait with a bad time" 2 "$indexer" --db "$tmp/db3" --wait=soon "$tmp/wire"
expect "indexer --wait SECONDS mistaken for an input" 2 "$indexer" --db "$tmp/db3" --wait 30 "$tmp/wire"
check "--wait usage error" "\-\-wait=30, not \-\-wait 30" "$tmp/err"

expect "server --help" 0 "$server" --help
check "server --help on stdout" "\-\-web-dir" "$tmp/out"
expect "server --version" 0 "$server" --version
expect "server unknown flag" 2 "$server" --db "$tmp/db" --bogus
expect "server bad port" 2 "$server" --db "$tmp/db" --port 70000
check "server configuration problem named" "\-\-port" "$tmp/err"
expect "server bad web dir" 2 "$server" --db "$tmp/db" --web-dir "$tmp/nowhere"

# The server prints its address, answers, and exits 0 on SIGINT and on SIGTERM (even when
# started in the background by a shell, which starts it with SIGINT ignored).
for signal in INT TERM; do
    if start_server "$server" "$tmp/db" --log-level warn; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: server did not start"
        continue
    fi
    check "server prints its address" -q "listening on http://127.0.0.1:" "$tmp/server.out"
    if command -v curl >/dev/null 2>&1; then
        curl -s "${server_url}api/health" >"$tmp/health.json"
        check "server answers health" '"status":"ok"' "$tmp/health.json"
    fi
    pid=$server_pid
    kill -"$signal" "$pid"
    # Bounded wait: a server that ignores the signal fails the test instead of hanging it.
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        failed=$((failed + 1))
        echo "FAIL: server did not stop on SIG$signal"
        stop_server KILL
        continue
    fi
    if stop_server; then passed=$((passed + 1)); else
        failed=$((failed + 1))
        echo "FAIL: server exit status was not 0 after SIG$signal"
    fi
done

echo "cli_contract: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
