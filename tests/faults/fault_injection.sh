#!/bin/bash
# The fault-injection suite (reliability.md): every verb that writes files,
#   kills   killed with SIGKILL at random moments of a rerun: the earlier
#           run's files stay byte for byte, or (a kill after the move) the
#           new run's are all there and whole; never a mix
#   disk    rerun with writes failing past a size (ulimit -f; SIGXFSZ ignored,
#           so writes fail with EFBIG as with a full disk's ENOSPC): exit 1,
#           one line naming OUT and a file, the earlier run's files intact
#   special every file option given a FIFO, /dev/zero, a folder, a link loop:
#           exit 2 within seconds, one line naming the path
#   memory  the largest sizes the options accept under a 4 GB address-space
#           limit: done, or one line and exit 1; never a signal
# usage: fault_injection.sh AELAB [kills per verb, default 3]   (make faults: 20)
set -uo pipefail
aelab=$1
kills=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

declare -A run=(
  [field]="field --steps 2000 --points 500 --grid 32"
  [chain]="chain --train-steps 300 --points 300 --particles 300 --chain-steps 30 --video-size 64"
  [anneal]="anneal --train-steps 300 --points 300 --particles 300 --steps-per-level 3 --levels 5 --video-size 64"
  [interpolate]="interpolate --dataset lines --model plain --steps 20 --pairs 4"
  [image-dae]="image-dae --dataset lines --steps 20 --chains 4 --chain-steps 5"
  [dvae]="dvae --dataset lines --epochs 1 --train-images 500 --eval-images 50 --k-eval 10"
)
verbs=(field chain anneal interpolate image-dae dvae)

# The visible files of a run folder with their checksums, one per line.
state() { (cd "$1" && find . -type f ! -name '.aelab-run' ! -path './.aelab-staging-*' -print0 |
           sort -z | xargs -0 -r sha256sum); }
# Every file the manifest lists is there and nothing else; JSON parses.
whole() {
  local dir=$1
  diff <(sort "$dir/.aelab-run") <(cd "$dir" && find . -type f ! -name '.aelab-run' \
       ! -path './.aelab-staging-*' | sed 's|^\./||' | sort) > /dev/null || return 1
  command -v python3 > /dev/null || return 0 # the JSON check needs Python
  for j in "$dir"/*.json; do python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$j" || return 1; done
}

for verb in "${verbs[@]}"; do
  out="$work/$verb"
  start=$(date +%s%N)
  $aelab ${run[$verb]} --seed 1 --out "$out" > /dev/null 2>&1 || { fail "$verb: first run"; continue; }
  ms=$(( ($(date +%s%N) - start) / 1000000 ))

  # kills
  for ((k = 0; k < kills; k++)); do
    before=$(state "$out")
    $aelab ${run[$verb]} --seed $((k + 2)) --out "$out" > /dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v ms="$ms" -v r="$RANDOM" 'BEGIN { printf "%.3f", ms * 1.1 * r / 32767 / 1000 }')"
    kill -9 "$pid" 2> /dev/null
    wait "$pid" 2> /dev/null
    after=$(state "$out")
    if [ "$after" != "$before" ] && ! whole "$out"; then
      fail "$verb: kill $k left a mix of two runs or a partial file"
    fi
  done
  $aelab ${run[$verb]} --seed 1 --out "$out" > /dev/null 2>&1 || fail "$verb: run after the kills"
  ls -a "$out" | grep -q '^\.aelab-staging-' && fail "$verb: a dead run's staging folder stayed"

  # disk
  for kb in 1 16 64; do
    before=$(state "$out")
    err=$(bash -c "trap '' XFSZ; ulimit -f $kb; exec $aelab ${run[$verb]} --seed 9 --out '$out'" 2>&1 > /dev/null)
    rc=$?
    if [ $rc -eq 0 ]; then continue; fi # everything fitted under the limit
    [ $rc -eq 1 ] || fail "$verb: disk full at $kb KB: exit $rc"
    [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "$verb: disk full at $kb KB: not one line: $err"
    [[ "$err" == *"$out"* ]] || fail "$verb: disk full at $kb KB: the message names no output: $err"
    [ "$(state "$out")" == "$before" ] || fail "$verb: disk full at $kb KB changed the earlier run"
  done
done

# special files, for every file option
mkfifo "$work/fifo"
mkdir -p "$work/folder"
ln -s "$work/loop" "$work/loop"
declare -A fileOption=(
  [field --dataset csv --csv]=csv [field --model]=model [chain --model]=model
  [anneal --model]=model [interpolate --checkpoint]=model [image-dae --dataset]=dataset
)
for opt in "${!fileOption[@]}"; do
  for path in "$work/fifo" /dev/zero "$work/folder" "$work/loop"; do
    err=$(timeout 20 $aelab $opt "$path" --out "$work/special" 2>&1 > /dev/null)
    rc=$?
    [ $rc -eq 124 ] && { fail "$opt $path: still running after 20 s"; continue; }
    [ $rc -eq 2 ] || fail "$opt $path: exit $rc ($err)"
    [[ "$err" == *"$path"* ]] || fail "$opt $path: the message does not name it: $err"
  done
done

# memory: the largest sizes, a 4 GB address space
for args in "field --points 1000000 --width 4096 --batch 65536 --steps 1" \
            "chain --particles 1000000 --train-steps 1 --chain-steps 1 --video-size 64" \
            "anneal --particles 200000 --train-steps 1 --steps-per-level 1 --levels 2 --video-size 64" \
            "interpolate --dataset lines --batch 65536 --steps 1 --pairs 1" \
            "image-dae --dataset lines --base 4096 --batch 65536 --steps 1 --chains 1 --chain-steps 1" \
            "dvae --dataset lines --hidden 100000 --batch 65536 --epochs 0.001 --eval-images 1 --k-eval 10000000"; do
  err=$(bash -c "ulimit -v 4000000; exec timeout 120 $aelab $args --out '$work/memory'" 2>&1 > /dev/null)
  rc=$?
  [ $rc -eq 124 ] && continue # still working at 2 minutes: no signal seen
  if [ $rc -gt 2 ]; then fail "memory: $args: exit $rc (a signal?)"; fi
  if [ $rc -eq 1 ] && [[ "$err" != *"out of memory"* ]]; then fail "memory: $args: $err"; fi
done

echo "fault injection: ${#verbs[@]} verbs, $kills kills each; $failures failures"
[ $failures -eq 0 ]
