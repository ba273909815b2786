#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# boot.sh OUT DTB SCENARIO_SH LOG TIMEOUT APPEND
# One QEMU boot (TCG) of xlnx-versal-virt: the kernel OUT/Image with the
# board's DTB, OUT/base.cpio.gz plus a second cpio holding SCENARIO_SH as
# /scenario.sh, two user-mode NICs that reach nothing (restrict=on). The
# serial console goes to LOG. QEMU is killed after TIMEOUT seconds of wall
# time (the guest's own watchdog normally powers off long before).
set -eu
O=$1; DTB=$2; SCN=$3; LOG=$4; T=$5; APPEND=$6
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
mkdir -p "$W/r"; cp "$SCN" "$W/r/scenario.sh"
(cd "$W/r" && echo scenario.sh | cpio -o -H newc --quiet | gzip -1 > "$W/s.cpio.gz")
cat "$O/base.cpio.gz" "$W/s.cpio.gz" > "$W/initrd.gz"
: > "$LOG"
rc=0
timeout "$T" qemu-system-aarch64 -M xlnx-versal-virt -m 1G -nographic -no-reboot \
  -kernel "$O/Image" -dtb "$DTB" -initrd "$W/initrd.gz" \
  -nic user,restrict=on -nic user,restrict=on \
  -append "console=ttyAMA0 earlycon=pl011,mmio32,0xff000000 rdinit=/init panic=-1 printk.devkmsg=on $APPEND" \
  -serial "file:$LOG" -monitor none -display none </dev/null >/dev/null 2>"$W/err" || rc=$?
[ $rc -eq 124 ] && { echo "kernel-check: QEMU did not power off within ${T}s" >&2; exit 124; }
[ $rc -eq 0 ] || { cat "$W/err" >&2; exit $rc; }
