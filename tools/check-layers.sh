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
# net/designs/ (the design ops tables) is part of the net layer: the loop above checks its
# includes with net's. The layers above reach a design only through the knob registry
# (net/knobs.h) and NetConfig, never by including a design's header.
if [ -d "$root/net/designs" ]; then
  while IFS= read -r line; do
    echo "layering: ${line%%:*} includes net/designs/, which only net/ may use"
    status=1
  done < <(grep -rnE '#include "lifeline/net/designs/' "$root" --include='*.h' --include='*.cc' |
    grep -vE "^$root/net/")
  while IFS= read -r line; do
    echo "layering: ${line%%:*} (in net/designs/) includes a layer above net"
    status=1
  done < <(grep -rnE '#include "lifeline/(check|scenario|report|cli)/' "$root/net/designs" \
    --include='*.h' --include='*.cc')
else
  echo "layering: $root/net/designs is missing"
  status=1
fi
[ $status -eq 0 ] && echo "layering: ok (${layers[*]}; net/designs in net)"
exit $status
