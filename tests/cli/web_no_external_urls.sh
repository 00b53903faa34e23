#!/bin/sh
# Fails if any file under WEB_DIR points outside the server it was served from:
# an absolute http(s)/ws(s)/ftp URL anywhere, or a protocol-relative //host URL used as a
# src/href/action/url()/import/fetch target. A plain // comment in JS is not flagged, nor are
# the XML namespace names of SVG, XLink and XHTML (identifiers that are never fetched).
# Usage: web_no_external_urls.sh WEB_DIR
set -eu

prog=web_no_external_urls
if [ "$#" -ne 1 ]; then
    echo "$prog: usage: $0 WEB_DIR" >&2
    exit 2
fi
web_dir=$1
if [ ! -d "$web_dir" ]; then
    echo "$prog: error: '$web_dir' is not a directory" >&2
    exit 2
fi

# Absolute URLs with a scheme that reaches another host.
absolute='(https?|wss?|ftp):[/\\]{2}'
# Protocol-relative URLs ("//host...") in places that load or link something.
q='["'"'"'`]'
host='[A-Za-z0-9_.~%-]'
relative="((src|href|action|formaction|poster|srcset|data|content|xlink:href)[[:space:]]*=[[:space:]]*${q}?[[:space:]]*//${host})"
relative="${relative}|(url[[:space:]]*\([[:space:]]*${q}?[[:space:]]*//${host})"
relative="${relative}|(@import[[:space:]]+${q}//${host})"
relative="${relative}|((import|from)[[:space:]]*\(?[[:space:]]*${q}//${host})"
relative="${relative}|((fetch|URL|Worker|SharedWorker|EventSource|WebSocket|sendBeacon|importScripts|open|assign|replace)[[:space:]]*\([[:space:]]*${q}//${host})"

files=$(find "$web_dir" -type f | LC_ALL=C sort)
count=0
bad=0
report=$(mktemp)
trap 'rm -f "$report"' EXIT INT TERM

# One file per iteration; file names with newlines are not supported (web/ has none).
old_ifs=$IFS
IFS='
'
for f in $files; do
    count=$((count + 1))
    if LC_ALL=C sed -E "s#http://www\.w3\.org/(2000/svg|1999/xlink|1999/xhtml)([\"'])#\2#g" "$f" |
        LC_ALL=C grep -nIiE "$absolute|$relative" >"$report" 2>/dev/null; then
        while IFS= read -r line; do
            echo "$f:$line" >&2
        done <"$report"
        bad=$((bad + 1))
    fi
done
IFS=$old_ifs

if [ "$bad" -ne 0 ]; then
    echo "$prog: FAILED: $bad of $count files under $web_dir contain external URLs (listed above as file:line); keep every URL relative" >&2
    exit 1
fi
echo "$prog: ok ($count files)"
