#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Runs the libFuzzer targets of fuzz/ (built in build/fuzz by `make
# build-fuzz`).
#
#   tools/fuzz.sh SECONDS [TARGET...]
#
# For each target (default: all): first every input of the regression
# corpus fuzz/regressions/TARGET/ is run once, then the target fuzzes for
# SECONDS from its seeds (boards/ compiled to blobs, scenarios/, fuzz/seeds/)
# and the corpus it grew on earlier runs (build/fuzz/corpus/TARGET/). An
# input that crashes, trips a sanitizer, leaks, runs longer than
# FUZZ_TIMEOUT seconds (default 10) or allocates more than FUZZ_RSS_MB
# (default 2048) is copied into fuzz/regressions/TARGET/, so that it is
# replayed from then on, and the script fails. Commit that file with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:?usage: tools/fuzz.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(scenario replay dtb)
build=build/fuzz
timeout_s=${FUZZ_TIMEOUT:-10}
rss_mb=${FUZZ_RSS_MB:-2048}

export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=0:abort_on_error=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}

# Seeds: the bundled boards as blobs, the bundled scenarios, hand-written
# replay files.
seeds=$build/seeds
mkdir -p "$seeds/dtb" "$seeds/scenario" "$seeds/replay"
for dts in boards/*.dts; do
  out=$seeds/dtb/$(basename "${dts%.dts}").dtb
  [ "$out" -nt "$dts" ] || dtc -q -@ -I dts -O dtb -o "$out" "$dts"
done
find scenarios -name '*.scn' -exec cp -f {} "$seeds/scenario/" \;
cp -f fuzz/seeds/replay/* "$seeds/replay/"

status=0
for t in "${targets[@]}"; do
  bin=$build/fuzz_$t
  [ -x "$bin" ] || { echo "fuzz: $bin is not built (make build-fuzz)" >&2; exit 1; }
  regress=fuzz/regressions/$t
  corpus=$build/corpus/$t
  artifacts=$build/artifacts/$t/
  mkdir -p "$regress" "$corpus" "$artifacts"
  common=(-timeout="$timeout_s" -rss_limit_mb="$rss_mb" -malloc_limit_mb="$rss_mb")

  # 1. The regression corpus, every input once.
  mapfile -t found < <(find "$regress" -type f ! -name '.*' | sort)
  if [ ${#found[@]} -gt 0 ]; then
    echo "== fuzz_$t: replaying ${#found[@]} regression input(s)"
    if ! "$bin" "${common[@]}" "${found[@]}" > "$build/$t-regress.log" 2>&1; then
      tail -40 "$build/$t-regress.log" >&2
      echo "fuzz_$t: a regression input fails (log: $build/$t-regress.log)" >&2
      status=1
      continue
    fi
  fi

  # 2. Fuzzing for the given time.
  echo "== fuzz_$t: fuzzing for ${seconds}s"
  rm -f "$artifacts"*
  if ! "$bin" "${common[@]}" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$artifacts" "$corpus" "$seeds/$t" > "$build/$t-fuzz.log" 2>&1; then
    tail -60 "$build/$t-fuzz.log" >&2
    for a in "$artifacts"*; do
      [ -f "$a" ] || continue
      cp "$a" "$regress/"
      echo "fuzz_$t: found $(basename "$a"), kept in $regress/ (replay: $bin $regress/$(basename "$a"))" >&2
    done
    status=1
  else
    grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$build/$t-fuzz.log" | tr '\n' ' '
    echo
  fi
done
exit $status
