#!/bin/bash
# valgrind memcheck over parallax-cli: init, add-document, annotate, export
# (native and W3C), import, and stats when the CLI has it. Any memory error
# or definite leak fails the test.
# Usage: valgrind-cli.sh PARALLAX_CLI ESSAY
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cli=$1
essay=$2
if ! command -v valgrind >/dev/null; then
  echo "valgrind-cli: SKIP: valgrind is not installed" >&2
  exit 77
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export G_SLICE=always-malloc G_DEBUG=gc-friendly
vg=(valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite
    --show-leak-kinds=definite --track-origins=yes
    --suppressions="$(dirname "$0")/valgrind.supp")
runs=0
check() {  # check ARGS…: run parallax-cli ARGS under memcheck
  runs=$((runs + 1))
  if ! "${vg[@]}" --log-file="$dir/vg.$runs.log" "$cli" "$@" > "$dir/out.$runs"; then
    echo "valgrind-cli: parallax-cli $* failed under memcheck:" >&2
    cat "$dir/vg.$runs.log" >&2
    exit 1
  fi
}
"$cli" init "$dir/a.parallax"
"$cli" add-document "$dir/a.parallax" "$essay" >/dev/null
for start in 100 900 2000 5000; do
  "$cli" annotate "$dir/a.parallax" --document 1 --start $start --end $((start + 80)) --perspective Western --tag history >/dev/null
done
check annotate "$dir/a.parallax" --document 1 --start 7000 --end 7090 --perspective Russian --tag security --note "a note"
check export "$dir/a.parallax" --format native -o "$dir/native.json"
check export "$dir/a.parallax" --format w3c -o "$dir/w3c.json"
check export "$dir/a.parallax" --format csv -o "$dir/a.csv"
"$cli" init "$dir/b.parallax"
"$cli" add-document "$dir/b.parallax" "$essay" >/dev/null
check import "$dir/b.parallax" "$dir/native.json"
"$cli" init "$dir/c.parallax"
"$cli" add-document "$dir/c.parallax" "$essay" >/dev/null
check import "$dir/c.parallax" "$dir/w3c.json"
check list "$dir/b.parallax" --format json
if "$cli" --help | grep -q '^  stats '; then
  check stats "$dir/a.parallax"
  check stats "$dir/a.parallax" --format json
fi
check check "$dir/b.parallax"
check salvage "$dir/a.parallax" "$dir/salvaged.parallax"
echo "valgrind-cli: $runs runs of parallax-cli clean under memcheck"
