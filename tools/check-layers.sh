#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Checks the layering of docs/architecture.md: a file in layer N may include lifeline headers
# only from layers 0..N. Prints every offending include and fails if any.
set -u
root=${1:-$(dirname "$0")/../src/lifeline}
layers=(sim core dt net check scenario report cli)
status=0
for i in "${!layers[@]}"; do
  layer=${layers[$i]}
  allowed=("${layers[@]:0:$((i + 1))}")
  [ -d "$root/$layer" ] || continue
  while IFS= read -r line; do
    file=${line%%:*}
    inc=$(sed -E 's/.*#include "lifeline\/([a-z]+)\/.*/\1/' <<<"$line")
    ok=0
    for a in "${allowed[@]}"; do [ "$inc" = "$a" ] && ok=1; done
    if [ $ok -eq 0 ]; then
      echo "layering: $file includes layer '$inc', but '$layer' may use only: ${allowed[*]}"
      status=1
    fi
  done < <(grep -rnE '#include "lifeline/[a-z]+/' "$root/$layer" --include='*.h' --include='*.cc')
done
[ $status -eq 0 ] && echo "layering: ok (${layers[*]})"
exit $status
