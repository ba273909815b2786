#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The guest's /init for lifeline kernel-check. It loads the network modules,
# waits for the board's netdevs, plays /scenario.sh (the scenario translated
# to shell commands by lifeline) and powers off. Markers go to /dev/kmsg, so
# they sit in the serial log in order with the kernel's own messages:
#   LK: step N begin | LK: step N rc R | LK: cp N ... | LK: end
# A watchdog (lk.wd=SECONDS) lists the blocked tasks (sysrq w) and powers off
# when a step never returns, as one does after an oops left rtnl held.
export PATH=/bin:/sbin
/bin/busybox mkdir -p /proc /sys /dev /tmp
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs dev /dev 2>/dev/null
/bin/busybox --install -s /bin
mark() { echo "LK: $*" > /dev/kmsg; }
arg() { for a in $(cat /proc/cmdline); do case $a in "$1"=*) echo "${a#*=}"; return;; esac; done; echo "$2"; }
WD=$(arg lk.wd 30)
NETDEVS=$(arg lk.netdevs 1)
echo 1 > /proc/sys/kernel/sysrq
HUNG=$(arg lk.hung 0)
[ "$HUNG" != 0 ] && echo "$HUNG" > /proc/sys/kernel/hung_task_timeout_secs 2>/dev/null
mark "init uptime=$(cut -d' ' -f1 /proc/uptime)"
# The watchdog: re-armed by every step, so it fires WD seconds after the
# step that never returned began.
watchdog() {
  [ -n "${WDPID:-}" ] && kill "$WDPID" 2>/dev/null
  ( sleep "$WD"; mark "watchdog: step ${1:-boot} did not return within ${WD}s; blocked tasks follow"
    echo w > /proc/sysrq-trigger; sleep 1; mark "end watchdog"; poweroff -f ) &
  WDPID=$!
}
watchdog boot
for m in $(cat /lib/modules/order); do insmod "/lib/modules/$m" || mark "insmod $m failed"; done
i=0
while [ "$(ls /sys/class/net | grep -vx lo | wc -l)" -lt "$NETDEVS" ] && [ $i -lt 100 ]; do
  sleep 0.1; i=$((i + 1)); done

# ---- helpers for /scenario.sh
step() { STEP=$1; watchdog "$1"; mark "step $1 begin"; }
# Each command runs in a process of its own, as a user's shell runs it: an
# oops kills that process, not /init. Its output and exit status are logged.
done_step() { sed 's/^/LK: out /' /tmp/out > /dev/kmsg 2>/dev/null; mark "step $STEP rc $1"; }
run() { ( "$@" ) > /tmp/out 2>&1; done_step $?; }
write() { ( echo "$1" > "$2" ) 2> /tmp/out; done_step $?; }
# ip link set IF up|down, as iproute2 makes the request: always, under rtnl
# (dev_change_flags()). busybox's ip reads the flags first and skips the
# request when IFF_UP already has the value, so the guest writes
# /sys/class/net/IF/flags instead, which takes rtnl and calls
# dev_change_flags() as RTM_NEWLINK does.
link() {
  [ -e "/sys/class/net/$1" ] || { echo "Cannot find device \"$1\"" > /tmp/out; done_step 1; return; }
  f=$(cat "/sys/class/net/$1/flags")
  if [ "$2" = up ]; then f=$(printf '0x%x' $(( f | 1 ))); else f=$(printf '0x%x' $(( f & ~1 ))); fi
  write "$f" "/sys/class/net/$1/flags"
}
# The bus a device is on and the driver bound to it, from sysfs.
bus_of() { for b in /sys/bus/*/devices/"$1"; do [ -e "$b" ] && basename "$(dirname "$(dirname "$b")")" && return; done; echo none; }
unbind() {
  b=${3:-$(bus_of "$1")}; d=$2
  [ -z "$d" ] && [ -e "/sys/bus/$b/devices/$1/driver" ] && d=$(basename "$(readlink "/sys/bus/$b/devices/$1/driver")")
  if [ -z "$d" ]; then echo "write error: No such device" > /tmp/out; done_step 1; return; fi
  write "$1" "/sys/bus/$b/drivers/$d/unbind"
}
bind() {
  b=${3:-$(bus_of "$1")}
  if [ -n "$2" ]; then write "$1" "/sys/bus/$b/drivers/$2/bind"; else write "$1" "/sys/bus/$b/drivers_probe"; fi
}
netdevs() { ls /sys/class/net | grep -vx lo | tr '\n' ' '; }
snap() {
  # The netdevs, then each one's state, then every PHY and its driver.
  mark "cp $1 netdevs $(netdevs)"
  for n in $(netdevs); do
    d=/sys/class/net/$n
    c=$(cat $d/carrier 2>/dev/null || echo 0)
    phy=none; [ -e $d/phydev ] && phy=$(basename "$(readlink $d/phydev)")
    mark "cp $1 netdev $n carrier=$c operstate=$(cat $d/operstate) speed=$(cat $d/speed 2>/dev/null || echo -1) duplex=$(cat $d/duplex 2>/dev/null || echo unknown) phy=$phy up=$(( $(cat $d/flags) & 1 ))"
  done
  for p in /sys/bus/mdio_bus/devices/*; do
    [ -e "$p/phy_id" ] || continue
    drv=none; [ -e "$p/driver" ] && drv=$(basename "$(readlink "$p/driver")")
    mark "cp $1 phy $(basename "$p") id=$(cat $p/phy_id) driver=$drv"
  done
}
# settle: poll until nothing observable changed for 2 s, at most $1 s.
settle() {
  # ls of the bound devices too: a bind or unbind is a change.
  last=""; same=0; t=0
  while [ $t -lt $(( $1 * 10 )) ]; do
    now="$(for n in $(netdevs); do cat /sys/class/net/$n/carrier /sys/class/net/$n/operstate 2>/dev/null; done; ls /sys/bus/mdio_bus/drivers/*/ 2>/dev/null)"
    if [ "$now" = "$last" ]; then same=$((same + 1)); [ $same -ge 20 ] && break; else same=0; last=$now; fi
    sleep 0.1; t=$((t + 1))
  done
}
mark "scenario start uptime=$(cut -d' ' -f1 /proc/uptime)"
. /scenario.sh
mark "end uptime=$(cut -d' ' -f1 /proc/uptime)"
poweroff -f
