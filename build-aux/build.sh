#!/bin/bash
# Configure (or reuse) and compile a build directory.
# Usage: build-aux/build.sh BUILDDIR [meson setup args…]
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=$1
shift
if [ -f "$builddir/meson-private/coredata.dat" ]; then
  if [ $# -gt 0 ]; then
    meson setup --reconfigure "$builddir" "$@"
  fi
else
  meson setup "$builddir" "$@"
fi
meson compile -C "$builddir"
