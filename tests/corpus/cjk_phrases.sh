#!/bin/sh
# Chinese phrase search over the real MFA corpus: precision and recall of CJK phrases against a
# plain substring scan of every release's title and body. Usage: cjk_phrases.sh INDEXER SERVER
# SOURCE_DIR. Skipped (exit 77) where ../shared/corpus is absent.
set -eu
indexer=$1
server=$2
source_dir=$3
corpus=${DATELINE_CORPUS:-$source_dir/../shared/corpus}
input=$corpus/mfa_press_zh.jsonl.gz

if [ ! -f "$input" ]; then
    echo "SKIPPED: the CJK phrase check needs $input (the shared corpus is not beside this clone)"
    exit 77
fi
if ! command -v node >/dev/null 2>&1; then
    echo "cjk phrase check: node is required (run scripts/setup.sh)" >&2
    exit 1
fi

tmp=$(mktemp -d)
server_log_dir=$tmp
. "$source_dir/tests/support/server.sh"
cleanup() {
    stop_server || true
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

echo "cjk phrase check: indexing $input"
"$indexer" --db "$tmp/db" --quiet --json "$input" >"$tmp/index.json" 2>"$tmp/index.err" || {
    cat "$tmp/index.err" >&2; exit 1; }
start_server "$server" "$tmp/db" --threads 2 --log-level warn || exit 1
node "$source_dir/tests/corpus/cjk_phrases.mjs" --url "$server_url" "$input"
