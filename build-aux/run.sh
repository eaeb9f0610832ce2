#!/bin/bash
# Install what is missing, build into _build and start Parallax on the default
# project (created on first start with the bundled essay), in the language of
# the session. Only what running the app needs is installed and built; the
# tests' packages and programs come with build-aux/test.sh.
# Arguments are passed to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
build-aux/install-deps.sh --run
if [ ! -f _build/meson-private/coredata.dat ]; then
  meson setup _build
fi
targets=(parallax gsettings-compile-data)
for lang in $(sed 's/#.*//' po/LINGUAS); do
  targets+=("parallax-$lang.mo")
done
meson compile -C _build "${targets[@]}"
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
# The build's own catalogues: _build/po/LANG/LC_MESSAGES/parallax.mo.
export PLX_LOCALEDIR="$PWD/_build/po"
exec _build/src/app/parallax "$@"
