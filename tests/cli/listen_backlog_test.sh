#!/bin/bash
# A burst of new connections while the server cannot accept them for a moment (busy workers
# starve the accept thread of CPU; here the process is stopped outright) must wait in the
# kernel's accept queue, not be dropped: a dropped SYN is retried only after 1 s, then 3 s, 7 s,
# which is how clients of a busy server saw multi-second stalls and timeouts.
# Opens BURST connections to a stopped server, counts those the kernel completes within a
# few seconds (the queue stays full, so retried SYNs are dropped too), then lets the server go
# on and checks that it answers.
# Usage: listen_backlog_test.sh INDEXER_BIN SERVER_BIN TEST_DATA_DIR
set -eu

prog=listen_backlog_test
if [ "$#" -ne 3 ]; then
    echo "$prog: usage: $0 INDEXER_BIN SERVER_BIN TEST_DATA_DIR" >&2
    exit 2
fi
indexer=$1
server=$2
data=$3
burst=100

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dateline-backlog.XXXXXX")
server_log_dir=$tmp
. "$(dirname "$0")/../support/server.sh"
cleanup() {
    [ -n "$server_pid" ] && kill -CONT "$server_pid" 2>/dev/null
    stop_server || true
    rm -rf "$tmp"
}
trap cleanup EXIT

"$indexer" --db "$tmp/db" --quiet "$data/jsonl" >"$tmp/index.out" 2>&1 || { cat "$tmp/index.out" >&2; exit 1; }
start_server "$server" "$tmp/db" --max-connections 512 || exit 1
port=$(echo "$server_url" | sed 's|.*:\([0-9]*\)/$|\1|')

kill -STOP "$server_pid"
for i in $(seq 1 "$burst"); do
    # bash's /dev/tcp: the redirection returns once the handshake is complete.
    (timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && echo connected" >"$tmp/conn.$i" 2>/dev/null || true) &
done
wait_for=$(jobs -p)
for job in $wait_for; do
    [ "$job" = "$server_pid" ] || wait "$job" 2>/dev/null || true
done
connected=$(cat "$tmp"/conn.* | grep -c connected || true)
kill -CONT "$server_pid"

echo "$prog: $connected of $burst connections completed within 3 s while the server was stopped"
if [ "$connected" -lt "$burst" ]; then
    echo "$prog: FAILED: the listen backlog dropped $((burst - connected)) connections" >&2
    exit 1
fi

# The server goes on answering after the burst (its clients have hung up).
if ! curl -fsS --max-time 10 "${server_url}api/health" >/dev/null; then
    echo "$prog: FAILED: the server does not answer after the burst" >&2
    exit 1
fi
echo "$prog: ok"
