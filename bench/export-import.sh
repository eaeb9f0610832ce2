#!/bin/sh
# Times export and import of a project with many annotations.
# usage: bench/export-import.sh [BUILD-DIR] [N]   (defaults: _build, 100000)
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-_build}
n=${2:-100000}
cli="$build/src/cli/parallax-cli"
generate="$build/bench/plx-bench-generate"
essay="$here/../data/russia-role-nagorno-karabakh.md"

for program in "$cli" "$generate"; do
  if [ ! -x "$program" ]; then
    echo "export-import.sh: $program is missing; build with -Dtests=true first" >&2
    exit 2
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/parallax-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

# Seconds taken by a command, with its output discarded.
timed() {
  label=$1
  shift
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  printf '%-34s %8.2f s\n' "$label" "$(echo "$end - $start" | bc)"
}

size() {
  printf '%-34s %8s\n' "  size of $(basename "$1")" "$(du -h "$1" | cut -f1)"
}

timed "generate $n annotations" "$generate" "$work/source.plx" "$essay" "$n"
timed "export native" "$cli" export "$work/source.plx" --format native -o "$work/out.json"
size "$work/out.json"
timed "export w3c" "$cli" export "$work/source.plx" --format w3c -o "$work/out.jsonld"
size "$work/out.jsonld"
timed "export csv" "$cli" export "$work/source.plx" --format csv -o "$work/out.csv"
size "$work/out.csv"

for format in json jsonld; do
  "$cli" init "$work/target-$format.plx"
  "$cli" add-document "$work/target-$format.plx" "$essay" >/dev/null
  timed "import $format (all added)" "$cli" import "$work/target-$format.plx" "$work/out.$format"
  timed "import $format again (all skipped)" "$cli" import "$work/target-$format.plx" "$work/out.$format"
done
"$cli" import "$work/target-json.plx" "$work/out.json"
