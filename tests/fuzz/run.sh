#!/bin/bash
# Builds the libFuzzer targets with clang in _build-fuzz and runs each for
# SECONDS (default 60), from its seeds in tests/fuzz/corpus/<target>/ (and,
# for W3C, the W3C test suite's samples). Prints the executions per target;
# exits non-zero on any crash, leak or timeout, leaving the input that did it
# in _build-fuzz/fuzz-artifacts/<target>/ (keep it under regressions/<target>/).
# Usage: tests/fuzz/run.sh [SECONDS]
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/../.."
src=$PWD
build=${PLX_FUZZ_BUILDDIR:-_build-fuzz}

if ! command -v clang >/dev/null; then
  echo "fuzz: clang is not installed (build-aux/install-deps.sh installs it)" >&2
  exit 1
fi
if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Dgui=false >/dev/null || exit 1
fi
ninja -C "$build" tests/fuzz/fuzz-native tests/fuzz/fuzz-w3c tests/fuzz/fuzz-document >/dev/null || {
  echo "fuzz: the build failed" >&2
  exit 1
}

# Seeds beyond tests/fuzz/corpus: the suite's samples are in the repository already.
declare -A extra_seeds=(
  [native]=""
  [w3c]="tests/conformance/w3c-web-annotation-tests/samples/correct tests/conformance/w3c-web-annotation-tests/samples/incorrect"
  [document]=""
)

failed=0
for target in native w3c document; do
  # The first corpus directory is where libFuzzer writes what it finds; it
  # stays in the build directory, so the seeds in the source tree stay as chosen.
  work=$build/fuzz-corpus/$target
  artifacts=$build/fuzz-artifacts/$target/
  log=$build/fuzz-$target.log
  mkdir -p "$work" "$artifacts"
  # shellcheck disable=SC2086  # extra_seeds holds several directories
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:fast_unwind_on_malloc=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS="suppressions=$src/tests/lsan.supp:print_suppressions=0" \
  G_SLICE=always-malloc \
    "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$artifacts" -print_final_stats=1 \
      "$work" "tests/fuzz/corpus/$target" ${extra_seeds[$target]} >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  if [ $rc -eq 0 ]; then
    echo "fuzz-$target: ${execs:-?} executions in ${seconds} s, no crash, leak or timeout"
  else
    failed=$((failed + 1))
    echo "fuzz-$target: FAILED (exit $rc) after ${execs:-?} executions; log $log" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' "$log" | head -n 8 >&2
  fi
done
exit $(( failed > 0 ))
