#!/bin/bash
# Install what is missing, build, and run every test (UI tests under Xvfb).
# Usage: build-aux/test.sh [BUILDDIR [meson setup args…]]   (BUILDDIR defaults to _build)
# Extra `meson test` arguments can be given in PLX_MESON_TEST_ARGS.
# Ends with the line "N passed, N failed"; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-_build}
[ $# -gt 0 ] && shift

build-aux/install-deps.sh || exit 1
rm -f "$builddir"/meson-logs/testlog*.json

if ! build-aux/build.sh "$builddir" "$@"; then
  echo "test.sh: the build in $builddir failed" >&2
  python3 build-aux/test-summary.py --add-failed 1
  exit 1
fi

runner=(xvfb-run -a -s "-screen 0 1600x1000x24")
if command -v dbus-run-session >/dev/null 2>&1; then
  runner+=(dbus-run-session --)
fi

# shellcheck disable=SC2086  # PLX_MESON_TEST_ARGS is a word list
"${runner[@]}" meson test -C "$builddir" --print-errorlogs ${PLX_MESON_TEST_ARGS:-}
status=$?

python3 build-aux/test-summary.py "$builddir" || status=1
exit $status
