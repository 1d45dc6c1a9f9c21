#!/bin/bash
# The locale matrix's setup (reliability.md, class 5): builds de_DE, fr_FR and
# tr_TR (UTF-8) into DIR with localedef, so no system locale is needed, and
# proves each is active: a locale that failed to build would leave its tests
# running under C and passing for nothing.
#   usage: build_locales.sh DIR
set -euo pipefail
dir=$1
mkdir -p "$dir"
for loc in de_DE fr_FR tr_TR; do
  # Exit 1 means warnings only; anything above is a failure.
  localedef -i "$loc" -f UTF-8 "$dir/$loc.UTF-8" 2>/dev/null || [ $? -le 1 ]
  got=$(LOCPATH="$dir" LC_ALL="$loc.UTF-8" locale decimal_point 2>&1)
  if [ "$got" != "," ]; then
    echo "locale $loc.UTF-8 is not active (its decimal point: \"$got\")" >&2
    exit 1
  fi
done
# Turkish: the capital of i is İ, a classic breaker of case-insensitive names.
up=$(LOCPATH="$dir" LC_ALL=tr_TR.UTF-8 bash -c 'x=i; echo "${x^^}"')
[ "$up" = "İ" ] || { echo "tr_TR.UTF-8 upper-cases i as \"$up\", not İ" >&2; exit 1; }
echo "de_DE, fr_FR, tr_TR built in $dir and active"
