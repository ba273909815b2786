#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The pictures docs/cli.md shows, made by the lifeline they describe, so that
# they stay true: `make pictures` runs this after building. The suite renders
# the same commands and compares them with the files here byte for byte
# (src/lifeline/cli/pictures_docs_test.cc).
#   tools/pictures.sh LIFELINE DOCS_DIR
set -eu
lifeline=$1
docs=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$(dirname "$0")/.."
# The provider graph of a board, by link.
"$lifeline" graph armada-388-clearfog-pro --format svg > "$tmp/graph-clearfog.svg"
# What S3 (the MDIO bus unbound under an attached PHY) leaves behind.
"$lifeline" run armada-388-clearfog-pro scenarios/s3-clearfog.scn \
  --graph "$tmp/run-s3-clearfog.svg" > /dev/null
# The bundled race, explored and shrunk, as swimlanes (explore exits 1: it found it).
status=0
"$lifeline" explore armada-388-clearfog-pro scenarios/race-ifup-unbind-clearfog.scn \
  --replay-out "$tmp/race.replay" --schedule-svg "$tmp/schedule-race-clearfog.svg" > /dev/null ||
  status=$?
[ "$status" -eq 1 ] || { echo "pictures.sh: explore exited $status, expected 1" >&2; exit 1; }
for f in graph-clearfog.svg run-s3-clearfog.svg schedule-race-clearfog.svg; do
  cp "$tmp/$f" "$docs/$f"
done
