#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# suite.sh LIFELINE: `make kernel-check`, the bundled differential scenarios
# (scenarios/kernel-check/*.scn, each naming its board in a "# board:" line)
# on Linux in QEMU and on the model. Fails when a scenario differs or the
# harness breaks; when the package archive cannot be reached after retries
# it prints "skipped: archive unreachable" and succeeds, since that is the
# network's fault, not lifeline's.
set -u
L=${1:?usage: suite.sh LIFELINE}
H=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$H/../.." && pwd)
CACHE=${LIFELINE_KERNEL_CHECK_CACHE:-$ROOT/build/kernel-check}
sh "$H/deps.sh" || exit 1
sh "$H/fetch.sh" "$CACHE/cache" 6.12.117+deb12
rc=$?
if [ $rc -eq 3 ]; then echo "kernel-check: skipped: archive unreachable"; exit 0; fi
[ $rc -eq 0 ] || { echo "kernel-check: fetching the packages failed (exit $rc)"; exit 1; }
failed=0; n=0
start=$(date +%s)
for s in "$ROOT"/scenarios/kernel-check/*.scn; do
  b=$(sed -n 's/^# board: *//p' "$s" | head -1)
  n=$((n + 1))
  echo "== kernel-check $b $(basename "$s")"
  "$L" kernel-check "$b" "$s" --cache "$CACHE"
  r=$?
  case $r in
    0) ;;
    1) echo "kernel-check: $(basename "$s"): kernel and model DIFFER"; failed=$((failed + 1));;
    *) echo "kernel-check: $(basename "$s"): harness failure (exit $r)"; failed=$((failed + 1));;
  esac
done
echo "kernel-check: $((n - failed)) passed, $failed failed ($(( $(date +%s) - start )) s)"
[ $failed -eq 0 ]
