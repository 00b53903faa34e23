#!/bin/sh
# `indexer --shards N` through the real binary: exit codes and messages of the layout rules.
# A new database gets N shards and a stub file; a re-run finds them (exit 0, nothing added);
# another N, or --shards on a single database, is refused with exit 1 naming the database and
# both counts; a count out of range is a usage error (exit 2).
# Usage: shards_cli_test.sh INDEXER TEST_DATA_DIR
set -u
indexer=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
# expect_exit NAME CODE COMMAND...: stderr goes to $tmp/err.
expect_exit() {
    name=$1
    code=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    actual=$?
    if [ "$actual" -eq "$code" ]; then pass; else fail "$name: exit $actual, expected $code"; cat "$tmp/err"; fi
}
stderr_has() {
    if grep -qF -- "$2" "$tmp/err"; then pass; else fail "$1: stderr lacks '$2'"; cat "$tmp/err"; fi
}

sharded="$tmp/sharded"
single="$tmp/single"
expect_exit "first run with --shards 2" 0 "$indexer" --db "$sharded" --shards 2 --quiet --json "$data/wire"
if [ "$(cat "$sharded/XAPIANDB")" = "$(printf 'auto shard-0\nauto shard-1')" ]; then pass; else fail "stub file"; fi
for s in 0 1; do
    if [ -f "$sharded/shard-$s/iamglass" ]; then pass; else fail "shard-$s is not a glass database"; fi
done
grep -q '"added":15' "$tmp/out" && grep -q '"documents":15' "$tmp/out" && pass || fail "first run summary: $(cat "$tmp/out")"

expect_exit "re-run without --shards" 0 "$indexer" --db "$sharded" --quiet --json "$data/wire"
grep -q '"added":0' "$tmp/out" && grep -q '"unchanged":15' "$tmp/out" && pass || fail "re-run summary: $(cat "$tmp/out")"

expect_exit "another number of shards" 1 "$indexer" --db "$sharded" --shards 3 --quiet "$data/wire"
stderr_has "another number of shards" "indexer: error: database '$sharded' has 2 shards, --shards asks for 3"
if [ ! -e "$sharded/shard-2" ]; then pass; else fail "a refused run made shard-2"; fi

expect_exit "single database" 0 "$indexer" --db "$single" --quiet "$data/wire"
expect_exit "--shards on a single database" 1 "$indexer" --db "$single" --shards 2 --quiet "$data/wire"
stderr_has "--shards on a single database" "database '$single' has 1 shard, --shards asks for 2"

expect_exit "--shards 0" 2 "$indexer" --db "$tmp/other" --shards 0 "$data/wire"
expect_exit "--shards 257" 2 "$indexer" --db "$tmp/other" --shards 257 "$data/wire"

echo "shards cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
