#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# deps.sh: the host tools lifeline kernel-check runs (Debian packages):
# QEMU for arm64 (qemu-system-arm), cpio, xz, dpkg-deb. As root they are
# installed with apt-get; otherwise the missing ones are named with the line
# to run. Exit 0 when everything is there, 2 when something is missing.
need=""
command -v qemu-system-aarch64 >/dev/null || need="$need qemu-system-arm"
command -v cpio >/dev/null || need="$need cpio"
command -v xz >/dev/null || need="$need xz-utils"
command -v gzip >/dev/null || need="$need gzip"
command -v dpkg-deb >/dev/null || need="$need dpkg"
command -v apt-get >/dev/null || { echo "kernel-check: needs apt-get (a Debian-based host)" >&2; exit 2; }
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "kernel-check: installing$need" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need >&2 ||
    { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need >&2; } ||
    { echo "kernel-check: could not install$need" >&2; exit 2; }
  exit 0
fi
echo "kernel-check: missing host packages; run: sudo apt-get install$need" >&2
exit 2
