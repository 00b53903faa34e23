#!/bin/sh
# Browser test: index the bundled sample, start the real server on a free loopback port,
# drive the page with headless Chromium (playwright-core), stop the server.
# Usage: run.sh INDEXER_BIN SERVER_BIN SOURCE_DIR
# Exit: node's exit code; 77 (skipped) when chromium or playwright-core is missing,
# unless DATELINE_REQUIRE_BROWSER=1, which turns that into a failure.
set -eu

prog=browser_search_flow
if [ "$#" -ne 3 ]; then
    echo "$prog: usage: $0 INDEXER_BIN SERVER_BIN SOURCE_DIR" >&2
    exit 2
fi
indexer=$1
server=$2
source_dir=$3
here=$(cd "$(dirname "$0")" && pwd)
chromium_bin=${CHROMIUM_BIN:-/usr/bin/chromium}

if [ ! -x "$chromium_bin" ] || [ ! -d "$here/node_modules/playwright-core" ] || ! command -v node >/dev/null 2>&1; then
    if [ "${DATELINE_REQUIRE_BROWSER:-0}" = 1 ]; then
        echo "$prog: error: the browser test needs node, $chromium_bin and tests/browser/node_modules/playwright-core; run scripts/setup.sh" >&2
        exit 1
    fi
    echo "SKIPPED: browser test needs chromium and playwright-core (run scripts/setup.sh)"
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dateline-browser.XXXXXX")
server_log_dir=$tmp
. "$here/../support/server.sh"
cleanup() {
    stop_server || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "$prog: indexing $source_dir/data/sample"
"$indexer" --db "$tmp/db" --quiet "$source_dir/data/sample"

start_server "$server" "$tmp/db" --web-dir "$source_dir/web" || exit 1
echo "$prog: server at $server_url"

status=0
(cd "$here" && BASE_URL=$server_url ARTIFACT_DIR=${ARTIFACT_DIR:-$here/artifacts} node search_flow.mjs) || status=$?
if [ "$status" -ne 0 ]; then
    echo "$prog: server stderr (last 20 lines):" >&2
    tail -n 20 "$tmp/server.err" >&2
fi
exit "$status"
