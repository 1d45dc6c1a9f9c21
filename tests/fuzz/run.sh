#!/bin/bash
# Builds the libFuzzer targets (the fuzz preset: clang with ASan + UBSan) and
# runs each for a bounded time from its committed seed corpus, then prints
# executions, corpus growth and findings per target. Crashing inputs are kept
# in build-fuzz/findings/TARGET/ to reproduce: build-fuzz/tests/fuzz/TARGET FILE
#   usage: tests/fuzz/run.sh [seconds per target, default 60] [targets...]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(points_csv idx idx_gzip mnist_json image model_file model_records session lesson)

# clang and its libFuzzer runtime come from Debian's packages.
need=()
for p in clang libclang-rt-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

# Torch's and Qt's own allocations at exit are not the loaders' leaks.
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
printf "%-12s %10s %10s %8s %8s  %s\n" target seconds execs corpus+ findings "exec/s"
status=0
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t
  found=build-fuzz/findings/$t
  rm -rf "$found"  # this run's findings only
  mkdir -p "$work" "$found"
  before=$(ls "$work" tests/fuzz/corpus/$t | wc -l)
  log=build-fuzz/fuzz-$t.log
  # -rss_limit_mb: an input that makes a loader allocate gigabytes is a finding.
  build-fuzz/tests/fuzz/fuzz_$t "$work" tests/fuzz/corpus/$t -max_total_time="$seconds" \
      -rss_limit_mb=2048 -max_len=131072 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$found/" >"$log" 2>&1 || true
  execs=$(grep -oP 'stat::number_of_executed_units:\s*\K[0-9]+' "$log" | tail -1)
  rate=$(grep -oP 'stat::average_exec_per_sec:\s*\K[0-9]+' "$log" | tail -1)
  after=$(ls "$work" tests/fuzz/corpus/$t | wc -l)
  findings=$(ls "$found" | wc -l)
  [ "$findings" -eq 0 ] || status=1
  printf "%-12s %10s %10s %8s %8s  %s\n" "$t" "$seconds" "${execs:-?}" "$((after - before))" "$findings" "${rate:-?}"
done
exit $status
