#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# fetch.sh CACHE [KERNEL_VERSION]
# Downloads the arm64 Debian packages lifeline kernel-check boots (kernel image and
# modules, busybox, ethtool and its libraries) into CACHE/debs, once. It uses a private
# apt configuration under CACHE/apt (its own state, cache, sources list and
# architecture), so the host's dpkg and apt setup are never changed: no
# `dpkg --add-architecture`. The archive URIs are the host's own (a mirror is kept).
# Exit: 0 done, 3 the archive could not be reached after retries, 2 anything else.
set -u
C=${1:?usage: fetch.sh CACHE [KERNEL_VERSION]}
KV=${2:-6.12.117+deb12}
mkdir -p "$C" && C=$(cd "$C" && pwd) || exit 2
D=$C/apt
mkdir -p "$C/debs" "$D/etc/parts" "$D/state/lists/partial" "$D/cache/archives/partial" || exit 2
[ -e "$D/status" ] || : > "$D/status"
say() { echo "kernel-check: $*" >&2; }

have() { ls "$C/debs/$1"_*_arm64.deb >/dev/null 2>&1; }
need=""
have "linux-image-$KV-arm64-unsigned" || need="$need linux-image-$KV-arm64-unsigned"
for p in busybox-static ethtool libmnl0 libc6; do have $p || need="$need $p"; done
[ -z "$need" ] && exit 0

# The host's archive URIs: deb822 .sources files first, then one-line sources.list.
uris() {
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -e "$f" ] && sed -n 's/^URIs:[[:space:]]*//p' "$f" | tr ' ' '\n'
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -e "$f" ] && sed -n 's/^deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]\{1,\}\)\{0,1\}\([^[:space:]]*\).*/\2/p' "$f"
  done
}
MAIN=$(uris | grep -v security | grep . | head -1)
SEC=$(uris | grep security | head -1)
# LIFELINE_KERNEL_CHECK_ARCHIVE: another archive (a local mirror) for both.
if [ -n "${LIFELINE_KERNEL_CHECK_ARCHIVE:-}" ]; then
  MAIN=$LIFELINE_KERNEL_CHECK_ARCHIVE; SEC=$LIFELINE_KERNEL_CHECK_ARCHIVE-security
fi
[ -n "$MAIN" ] || { say "no Debian archive in /etc/apt/sources.list*; add one (deb URI bookworm main)"; exit 2; }
[ -n "$SEC" ] || SEC=$(echo "$MAIN" | sed 's,/debian/*$,/debian-security,')
KR=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$KR" ] || { say "missing $KR: apt-get install debian-archive-keyring"; exit 2; }
cat > "$D/etc/sources.list" <<EOS
deb [signed-by=$KR] $MAIN bookworm main
deb [signed-by=$KR] $SEC bookworm-security main
EOS
set -- -o Dir::Etc::sourcelist="$D/etc/sources.list" -o Dir::Etc::sourceparts="$D/etc/parts" \
  -o APT::Architecture=arm64 -o APT::Architectures::=arm64 -o Dir::State="$D/state" \
  -o Dir::State::status="$D/status" -o Dir::Cache="$D/cache" -o Debug::NoLocking=1 \
  -o APT::Sandbox::User=root -o Acquire::Retries=3 -o Acquire::http::Timeout=30 -q

# Up to three tries with a pause; "unreachable" only when every try failed to connect.
tries=${LIFELINE_FETCH_TRIES:-3}
retry() {
  n=1
  while :; do
    out=$("$@" 2>&1) && return 0
    echo "$out" >&2
    [ $n -ge $tries ] && break
    say "retrying in $((n * 5)) s ($n of $tries failed)"; sleep $((n * 5)); n=$((n + 1))
  done
  echo "$out" | grep -Eqi "could not (connect|resolve)|temporary failure|connection (timed out|refused)|network is unreachable|failed to fetch|unable to connect|no route" && return 3
  return 2
}
say "fetching package lists (private apt configuration in $D)"
# An update whose every list failed still exits 0: it worked when lists arrived.
update() { apt-get "$@" update 2>&1 && ls "$D/state/lists/"*_Packages* >/dev/null 2>&1; }
retry update "$@"; rc=$?
[ $rc -eq 0 ] || exit $rc
cd "$C/debs" || exit 2
for p in $need; do
  say "downloading $p (arm64)"
  retry apt-get "$@" download "$p:arm64"; rc=$?
  if [ $rc -ne 0 ]; then
    case $p in linux-image-*)
      say "available 6.12 kernels: $(apt-cache "$@" pkgnames linux-image-6.12 2>/dev/null | grep unsigned | sort | tr '\n' ' ')";;
    esac
    exit $rc
  fi
done
exit 0
