#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# build.sh CACHE OUT KERNEL_VERSION [IMAGE MODULES_DIR]
# Builds what lifeline kernel-check boots from the packages in CACHE/debs:
# OUT/Image (the kernel), OUT/base.cpio.gz (busybox, ethtool and its
# libraries, the network modules in load order, /init). With IMAGE and
# MODULES_DIR it takes the kernel and modules a user built instead (the
# modules directory is lib/modules/VERSION of a `make modules_install`).
# The scenario itself is a second, small cpio appended at boot.
set -eu
export PATH="$PATH:/sbin:/usr/sbin"
mkdir -p "$2"; C=$(cd "$1" && pwd); O=$(cd "$2" && pwd); KV=$3; IMG=${4:-}; MODS=${5:-}
H=$(cd "$(dirname "$0")" && pwd)
rm -rf "$O/x" "$O/k" "$O/root"; mkdir -p "$O/x" "$O/root"
for p in busybox-static ethtool libmnl0 libc6; do
  f=$(ls "$C/debs/${p}"_*_arm64.deb | head -1); dpkg-deb -x "$f" "$O/x"; done
if [ -n "$IMG" ] && [ "${IMG%.deb}" != "$IMG" ]; then
  # A linux-image .deb of the user's: its vmlinuz and lib/modules.
  mkdir -p "$O/k"; dpkg-deb -x "$IMG" "$O/k"
  cp "$(ls "$O/k"/boot/vmlinuz-* | head -1)" "$O/Image"
  cp "$(ls "$O/k"/boot/config-* | head -1)" "$O/config" 2>/dev/null || true
  MD=$(ls -d "$O/k"/lib/modules/* | head -1)
elif [ -n "$IMG" ]; then
  cp "$IMG" "$O/Image"
  MD=$MODS
else
  dpkg-deb -x "$(ls "$C/debs/linux-image-$KV-arm64-unsigned"_*_arm64.deb | head -1)" "$O/x"
  cp "$O/x/boot/vmlinuz-$KV-arm64" "$O/Image"  # a gzip'd Image: QEMU's -kernel takes it as is
  cp "$O/x/boot/config-$KV-arm64" "$O/config"
  MD=$O/x/lib/modules/$KV-arm64
fi
R=$O/root
mkdir -p "$R/bin" "$R/sbin" "$R/lib/modules" "$R/lib/aarch64-linux-gnu" "$R/tmp"
cp "$O/x/bin/busybox" "$R/bin/"; ln -s busybox "$R/bin/sh"
cp "$O/x/sbin/ethtool" "$R/sbin/" 2>/dev/null || cp "$O/x/usr/sbin/ethtool" "$R/sbin/"
cp -L "$(find "$O/x" -name ld-linux-aarch64.so.1 | head -1)" "$R/lib/"
for l in libc.so.6 libm.so.6 libmnl.so.0; do cp -L "$(find "$O/x" -name $l | head -1)" "$R/lib/aarch64-linux-gnu/"; done
# The modules the board needs, each after the modules it depends on (the
# "depends=" of its .modinfo, so no kmod is needed on the host); the PHY
# driver before the MAC so that the MAC's probe finds it bound, as at a real
# boot from an initramfs that has both.
: > "$R/lib/modules/order"
modfile() { find "$MD" -name "$1.ko*" -o -name "$(echo "$1" | tr _ -).ko*" | head -1; }
unpack() { case $1 in *.xz) xz -dc "$1";; *.zst) zstd -qdc "$1";; *) cat "$1";; esac; }
add() {
  grep -qx "$1.ko" "$R/lib/modules/order" && return 0
  f=$(modfile "$1")
  # A user's kernel may have it built in.
  if [ -z "$f" ]; then [ -n "$IMG" ] && return 0; echo "build.sh: module $1 not in $MD" >&2; exit 2; fi
  unpack "$f" > "$R/lib/modules/$1.ko"
  for d in $(tr '\0' '\n' < "$R/lib/modules/$1.ko" | sed -n 's/^depends=//p' | tr ',' ' '); do add "$d"; done
  echo "$1.ko" >> "$R/lib/modules/order"
}
for m in marvell macb; do add $m; done
[ -s "$R/lib/modules/order" ] || [ -n "$IMG" ] || { echo "build.sh: no macb/marvell modules in $MD" >&2; exit 2; }
cp "$H/init.sh" "$R/init"; chmod +x "$R/init"
(cd "$R" && find . | cpio -o -H newc --quiet | gzip -1 > "$O/base.cpio.gz")
rm -rf "$O/x" "$O/k"
echo "modules: $(tr '\n' ' ' < "$R/lib/modules/order")"
