#!/usr/bin/env bash
# Install the .deb on a fresh Debian in a throwaway root, never on this machine:
#   bash installer/linux/check-deb.sh build/repair-counter_VERSION_ARCH.deb
#
# 1. debootstrap a minimal Debian of this machine's release into build/deb-check/root
#    (the bare system is cached in build/cache/ for the next run);
# 2. `apt-get install ./the.deb` in it (Depends come from the Debian archive, as on a counter PC);
# 3. the installed app's `repair-counter --self-test`, and a store created in the data folder;
# 4. `apt-get remove`: the program is gone, the data folder and the store are still there;
# 5. `apt-get purge`: the data folder is gone too.
# Runs as root (debootstrap and chroot need it) inside its own mount namespace, so the /proc it
# mounts for the chroot disappears with it whatever happens.
set -euo pipefail
deb=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$here/../.." && pwd)/build
work=$build/deb-check
cache=$build/cache
release=$(. /etc/os-release && echo "$VERSION_CODENAME")

if [ "$(id -u)" != 0 ]; then
  echo "check-deb.sh needs root (debootstrap, chroot); it never installs anything on this system" >&2
  exit 3
fi
if [ -z "${RC_CHECK_DEB_INSIDE:-}" ]; then
  exec env RC_CHECK_DEB_INSIDE=1 unshare --mount --propagation private -- bash "$0" "$@"
fi

say() { printf '\n== %s\n' "$*"; }
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }
in_root() { chroot "$work/root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

rm -rf "$work"
mkdir -p "$work/root" "$cache"
bare=$cache/debian-$release-minbase.tar
if [ -f "$bare" ]; then
  say "a fresh Debian $release (cached $bare)"
  tar -xf "$bare" -C "$work/root"
else
  say "a fresh Debian $release (debootstrap --variant=minbase)"
  debootstrap --variant=minbase "$release" "$work/root" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
  tar -cf "$bare.part" -C "$work/root" . && mv "$bare.part" "$bare"
fi
cp /etc/resolv.conf "$work/root/etc/resolv.conf"
mount -t proc proc "$work/root/proc"
cp "$deb" "$work/root/tmp/"
package_file=/tmp/$(basename "$deb")

say "apt-get install ./$(basename "$deb")"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package_file" \
  >"$work/install.log" 2>&1 || { tail -30 "$work/install.log"; fail "apt-get install"; }
echo "installed, with $(grep -c '^Setting up' "$work/install.log") packages set up"

say "the data folder"
# stat inside the root: the group exists there, not on this machine
in_root stat -c '%U:%G %a %n' /var/lib/repair-counter
[ "$(in_root stat -c '%U:%G %a' /var/lib/repair-counter)" = "root:repair-counter 2770" ] \
  || fail "/var/lib/repair-counter must be root:repair-counter 2770"
grep -q '^Exec=repair-counter$' "$work/root/usr/share/applications/repair-counter.desktop" || fail "desktop entry"
[ -f "$work/root/usr/share/icons/hicolor/256x256/apps/repair-counter.png" ] || fail "icon"

say "the installed app's self-test"
in_root repair-counter --self-test || fail "the installed app's self-test"

say "a store in the per-machine data folder"
echo "check-deb-pass-1" | in_root repair-counter init --outlet SZ01 --name "Check outlet" --region CN \
  --admin E1001 --password-stdin
[ -f "$work/root/var/lib/repair-counter/counter.db" ] || fail "the store was not created in /var/lib/repair-counter"
before=$(sha256sum "$work/root/var/lib/repair-counter/counter.db" | cut -d' ' -f1)

say "apt-get remove: the program goes, the data stays"
in_root apt-get remove -y -qq repair-counter >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "remove"; }
[ ! -e "$work/root/opt/repair-counter" ] && [ ! -e "$work/root/usr/bin/repair-counter" ] || fail "files left after remove"
after=$(sha256sum "$work/root/var/lib/repair-counter/counter.db" | cut -d' ' -f1)
[ "$before" = "$after" ] || fail "the store changed or went on remove"
in_root ls -la /var/lib/repair-counter

say "apt-get purge: the data goes too"
in_root apt-get purge -y -qq repair-counter >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "purge"; }
[ ! -e "$work/root/var/lib/repair-counter" ] || fail "/var/lib/repair-counter is still there after purge"
echo "gone"

umount "$work/root/proc"
rm -rf "$work"
say "check-deb: passed (install, self-test, store, remove keeps data, purge deletes it)"
