#!/bin/sh
# Installs the built .deb into a fresh, minimal Debian bookworm (debootstrap)
# and checks that it gives a working `aelab` there: on the PATH, --version,
# --help, a short headless training run, and the desktop files in place.
# Needs root, debootstrap and the network to Debian's mirror; downloads about
# 300 MB. Not part of `make test` (too slow and too big for CI).
#
#   sudo packaging/fresh-install-check.sh [ROOT_DIR]   (default /tmp/aelab-fresh)
set -eu

deb=$(ls build/package/aelab_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "no build/package/aelab_*.deb: run 'make package' first" >&2; exit 2; }
root=${1:-/tmp/aelab-fresh}
mirror=http://deb.debian.org/debian

cleanup() {
    umount "$root/proc" 2>/dev/null || true
    umount "$root/dev" 2>/dev/null || true
}
trap cleanup EXIT

if [ ! -x "$root/usr/bin/apt-get" ]; then
    debootstrap --variant=minbase bookworm "$root" "$mirror"
fi
cat > "$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp "$deb" "$root/tmp/"

chroot "$root" /bin/sh -eu <<EOF
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q /tmp/$(basename "$deb")
command -v aelab
aelab --version
aelab --help | head -n 3
test -f /usr/share/applications/aelab.desktop
test -f /usr/share/icons/hicolor/scalable/apps/aelab.svg
ls /usr/share/metainfo/*aelab*.xml
aelab field --dataset spiral --steps 300 --out /tmp/aelab-check
test -s /tmp/aelab-check/metrics.json
EOF
echo "fresh install: aelab works in $root"
