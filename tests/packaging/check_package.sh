#!/bin/bash
# Builds the .deb with CPack from this build tree (as `make package` does) and
# checks it: the binary, the .desktop file, the icon and the AppStream
# metadata are in it, and the model zoo with every sidecar; it stays under
# 20 MB; it depends on Debian's packages of LibTorch, Qt, QCustomPlot and
# OpenBLAS; and the packaged (stripped) binary runs and finds its models.
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log") || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/aelab_*_*.deb)
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/aelab ./usr/share/applications/aelab.desktop \
         ./usr/share/icons/hicolor/scalable/apps/aelab.svg \
         ./usr/share/metainfo/org.autoencoderlab.aelab.metainfo.xml \
         ./usr/share/aelab/peer_pytorch.py; do
  grep -q " $f\$" <<<"$contents" || { echo "FAIL: the package lacks $f"; exit 1; }
done
models=$(cd "$(dirname "$0")/../../resources/models" && ls *.json)
[ -n "$models" ] || { echo "FAIL: no models in resources/models"; exit 1; }
for m in $models; do
  for f in "$m" "${m%.json}.aelab-ae"; do
    grep -q " ./usr/share/aelab/models/$f\$" <<<"$contents" || { echo "FAIL: the package lacks the zoo's $f"; exit 1; }
  done
done
size=$(stat -c %s "$deb")
(( size < 20 * 1024 * 1024 )) || { echo "FAIL: the package is $size bytes, over 20 MB"; exit 1; }
echo "package: $(basename "$deb"), $size bytes with the zoo's $(wc -w <<<"$models") models"
depends=$(dpkg-deb -f "$deb" Depends)
for d in libtorch1.13 libqt6widgets6 libqcustomplot2.1-qt6 libopencv-imgcodecs406 libopenblas0-pthread; do
  grep -q "$d" <<<"$depends" || { echo "FAIL: Depends lacks $d: $depends"; exit 1; }
done
dpkg-deb -x "$deb" "$out/root"
version=$(QT_QPA_PLATFORM=offscreen "$out/root/usr/bin/aelab" --version)
# The first line is the version; the second names the BLAS and its kernel.
[[ "$(head -1 <<<"$version")" =~ ^aelab\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "FAIL: --version said: $version"; exit 1; }
grep -q "^BLAS: .*kernel" <<<"$version" || { echo "FAIL: --version names no BLAS kernel: $version"; exit 1; }
# The installed binary finds the installed zoo (share/aelab/models beside bin/).
zoo=$(AELAB_MODELS_DIR= QT_QPA_PLATFORM=offscreen "$out/root/usr/bin/aelab" zoo list)
grep -q "^model zoo: $out/root/usr/share/aelab/models (" <<<"$zoo" || { echo "FAIL: zoo list said: $zoo"; exit 1; }
grep -q "^Exec=aelab$" "$out/root/usr/share/applications/aelab.desktop" || { echo "FAIL: Exec"; exit 1; }
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$out/root/usr/share/metainfo/org.autoencoderlab.aelab.metainfo.xml" >/dev/null
fi
echo "package ok: $(basename "$deb") ($((size / 1024)) KiB) holds the app, its models, desktop entry, icon and metadata"
