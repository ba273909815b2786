#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Installs the Debian packages lifeline needs to build, test and run
# (clang and libclang-rt-dev, which ships libFuzzer, for the fuzz targets).
# As root it installs what is missing with apt-get; otherwise it prints the
# exact apt-get line and stops, so that nothing happens behind the user's back.
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache
  libboost-context-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libfdt-dev device-tree-compiler
  libcli11-dev nlohmann-json3-dev libfmt-dev libmimalloc-dev
  graphviz
  chromium  # the audit page's test opens it headless (cli/audit_cmd_test.cc)
  clang libclang-rt-dev
)
packages+=(clang-format)  # tools/check-format.sh, run by .ci/run
packages+=(relacy-dev)  # bench/relacy_bench.cc: lifeline beside Relacy on the same program
packages+=(openmpi-bin)  # mpirun: the launcher `explore --shard mpi` is tested under (tools/mpi-shards-test.sh)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "lifeline needs these Debian packages; install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
