#!/usr/bin/env bash
# Configures and builds Dateline into build/ (or $DATELINE_BUILD_DIR). Extra arguments go to
# the CMake configure step, e.g. scripts/build.sh -DDATELINE_WERROR=ON
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${DATELINE_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
