#!/bin/bash
# Install what is missing, build into _build and start Parallax on the default
# project (created on first start with the bundled essay).
# Arguments are passed to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
build-aux/install-deps.sh
build-aux/build.sh _build
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
exec _build/src/app/parallax "$@"
