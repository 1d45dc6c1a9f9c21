#!/usr/bin/env bash
# make lint: clang-tidy (checks in .clang-tidy) over the project's own
# sources, with the build's compile commands. clang cannot read GCC's
# precompiled headers, so their -include flags are dropped from a copy of
# compile_commands.json; the headers are then parsed as plain includes.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mkdir -p "$build/lint"
sed -E 's#-Winvalid-pch -include [^ ]*cmake_pch\.hxx##g' "$build/compile_commands.json" \
  >"$build/lint/compile_commands.json"
# Our sources only: not moc output, not the PCH stubs, not the fuzz targets (clang-only build).
files=$(git ls-files '*.cpp' | grep -v '^tests/fuzz/')
run-clang-tidy -quiet -p "$build/lint" -j "$(nproc)" $files
