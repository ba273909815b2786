#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# `explore --shard mpi` under Open MPI's mpirun, 4 ranks, merged with
# `lifeline merge`, against one `lifeline explore` of the same space: the
# verdict (found, exhausted, executions, bounds, the shrunk schedule, the
# failing run) must be the same. Also: merge refuses a missing or a doubled
# shard. Run by ctest (mpi_shards).
#
# Usage: tools/mpi-shards-test.sh LIFELINE SOURCE_DIR
# mpirun missing is a failure (tools/deps.sh installs openmpi-bin, as CI
# does), unless LIFELINE_SKIP_MPI=1 says to skip.
set -euo pipefail
lifeline=$1
src=$2
if ! command -v mpirun > /dev/null; then
  if [ "${LIFELINE_SKIP_MPI:-0}" = 1 ]; then
    echo "SKIP: mpirun not found and LIFELINE_SKIP_MPI=1"
    exit 0
  fi
  echo "FAIL: mpirun not found: install Debian's openmpi-bin (tools/deps.sh does), or set" \
       "LIFELINE_SKIP_MPI=1 to skip this test" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mpi=(mpirun -np 4 --oversubscribe)
[ "$(id -u)" -eq 0 ] && mpi+=(--allow-run-as-root)

# Compares two explore documents, but for what only a single process has
# (the steps of the shrunk schedule) and where the replay file went.
same() {
  python3 - "$1" "$2" << 'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
for d in (a, b):
    for k in ("steps", "replay_file", "replay_command"):
        d.pop(k, None)
if a != b:
    for k in a:
        if a.get(k) != b.get(k):
            print("differs:", k, json.dumps(a.get(k))[:300], "against", json.dumps(b.get(k))[:300])
    sys.exit(1)
PY
}

check() {  # NAME BOARD SCENARIO EXPLORE-OPTIONS...
  local name=$1 board=$2 scn=$3
  shift 3
  local status=0
  "$lifeline" explore "$board" "$scn" "$@" -j 1 --json --replay-out "$tmp/$name.replay" \
    > "$tmp/$name.single.json" || status=$?
  [ "$status" -le 1 ] || { echo "FAIL $name: explore exited $status" >&2; exit 1; }
  "${mpi[@]}" "$lifeline" explore "$board" "$scn" "$@" -j 1 --shard mpi \
    --shard-out "$tmp/$name.shard%K.json"
  local merged=0
  "$lifeline" merge "$tmp/$name".shard{0,1,2,3}.json --json --replay-out "$tmp/$name.m.replay" \
    > "$tmp/$name.merged.json" || merged=$?
  [ "$merged" -eq "$status" ] || { echo "FAIL $name: merge exited $merged, explore $status" >&2; exit 1; }
  same "$tmp/$name.single.json" "$tmp/$name.merged.json" || { echo "FAIL $name: verdicts differ" >&2; exit 1; }
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sys.argv[2], "found" if d["found"] else "not found", "exhausted" if d["exhausted"] else "not exhausted", d["executions"], "executions")' \
    "$tmp/$name.merged.json" "$name"
}

clearfog=armada-388-clearfog-pro
check found-dfs "$clearfog" "$src/scenarios/race-ifup-unbind-clearfog.scn" --bound 1
check exhausted-dfs "$clearfog" "$src/scenarios/race-rmmod-bind-ifup-clearfog.scn" --bound 1 --budget 400
check found-dpor "$clearfog" "$src/scenarios/race-ifup-unbind-clearfog.scn" --strategy dpor --bound 1

# A shard missing, a shard twice: refused with exit 2 and a message.
for files in "0 1 2" "0 1 2 2 3"; do
  args=()
  for k in $files; do args+=("$tmp/found-dfs.shard$k.json"); done
  status=0
  "$lifeline" merge "${args[@]}" > /dev/null 2> "$tmp/err" || status=$?
  if [ "$status" -ne 2 ] || ! grep -Eq "missing|twice" "$tmp/err"; then
    echo "FAIL: merge of shards $files exited $status: $(cat "$tmp/err")" >&2
    exit 1
  fi
done
echo "mpi shards: 3 explorations merged from 4 ranks as one process explores them"
