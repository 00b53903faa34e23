#!/bin/sh
# Browser tests: headless Debian Chromium (playwright-core) against real dateline-server
# processes on loopback ports: the page, the timeline, the document view, the
# <dateline-search> component and the iframe mode on other origins, a sub-path, accessibility
# (axe-core), size and screenshots. main.mjs indexes the data, starts the servers and the host
# pages itself; one line per check, then "N passed, M failed".
# Usage: run.sh INDEXER_BIN SERVER_BIN SOURCE_DIR
# Exit: node's exit code; 77 (skipped) when chromium, node or the npm packages are missing,
# unless DATELINE_REQUIRE_BROWSER=1, which turns that into a failure.
set -eu

prog=browser_tests
if [ "$#" -ne 3 ]; then
    echo "$prog: usage: $0 INDEXER_BIN SERVER_BIN SOURCE_DIR" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
chromium_bin=${CHROMIUM_BIN:-/usr/bin/chromium}

missing=""
[ -x "$chromium_bin" ] || missing="$missing $chromium_bin"
command -v node >/dev/null 2>&1 || missing="$missing node"
for package in playwright-core axe-core; do
    [ -d "$here/node_modules/$package" ] || missing="$missing tests/browser/node_modules/$package"
done
if [ -z "$missing" ] && [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    echo "$prog: error: playwright-core needs Node.js 20 or later; this is $(node --version)" >&2
    exit 1
fi
if [ -n "$missing" ]; then
    if [ "${DATELINE_REQUIRE_BROWSER:-0}" = 1 ]; then
        echo "$prog: error: the browser tests need$missing; run scripts/setup.sh" >&2
        exit 1
    fi
    echo "SKIPPED: browser tests need$missing (run scripts/setup.sh)"
    exit 77
fi

ARTIFACT_DIR=${ARTIFACT_DIR:-$here/artifacts} CHROMIUM_BIN=$chromium_bin exec node "$here/main.mjs" "$1" "$2" "$3"
