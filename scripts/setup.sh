#!/usr/bin/env bash
# Installs everything Dateline needs to build, run and test on Debian 12. Idempotent and
# non-interactive: packages already present are not reinstalled.
#
#   scripts/setup.sh            build, run and test dependencies (Debian packages, npm packages)
#   scripts/setup.sh --runtime  only what building and serving need (no browser, no npm)
set -euo pipefail
cd "$(dirname "$0")/.."

build_packages=(
    build-essential cmake pkg-config git ca-certificates
    libxapian-dev libcpp-httplib-dev nlohmann-json3-dev libcli11-dev zlib1g-dev
    libarchive-dev libgumbo-dev libxml2-dev libyaml-cpp-dev xapian-tools libsqlite3-dev
)
# wrk, xapian-omega (scriptindex) and gnuplot-nox (the plot) are for the benchmarks in bench/
test_packages=(catch2 chromium curl jq time clang libclang-rt-14-dev wrk xapian-omega gnuplot-nox)

packages=("${build_packages[@]}")
with_tests=1
if [ "${1:-}" = "--runtime" ]; then
    with_tests=0
else
    packages+=("${test_packages[@]}")
    # Node.js comes from Debian unless the machine already has node and npm.
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        packages+=(nodejs npm)
    fi
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

if [ "$with_tests" -eq 1 ]; then
    # The browser tests drive Debian's chromium with playwright-core (no browser download) and
    # check accessibility with axe-core.
    if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ] ||
        [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
        echo "setup: installing npm packages for the browser tests" >&2
        (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
    fi
fi
echo "setup: all dependencies are installed" >&2
