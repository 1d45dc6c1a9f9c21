#!/usr/bin/env bash
# make format: clang-format (.clang-format) over every C++ source of the project.
# make format-check (and the test format_check): the same without writing;
# fails listing the files that differ.
set -euo pipefail
cd "$(dirname "$0")/.."
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
  mapfile -t files < <(find app bench cli core datasets media tests widgets -name '*.cpp' -o -name '*.h')
fi
if [ "${1:-}" = "--check" ]; then
  clang-format --dry-run --Werror "${files[@]}"
else
  clang-format -i "${files[@]}"
fi
