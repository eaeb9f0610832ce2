#!/usr/bin/env python3
"""Print "N passed, N failed" from the meson-logs/testlog*.json of build dirs
(meson names the log testlog-SETUP.json when a test setup is used).

Usage: test-summary.py [--add-failed N] BUILDDIR...
OK and EXPECTEDFAIL count as passed; FAIL, TIMEOUT, ERROR and UNEXPECTEDPASS as
failed; SKIP is reported on its own line. Exits 1 if anything failed.
"""
import glob
import json
import os
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
FAILED = {"FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS"}


def main(argv):
    passed = failed = skipped = 0
    dirs = []
    i = 0
    while i < len(argv):
        if argv[i] == "--add-failed":
            failed += int(argv[i + 1])
            i += 2
        else:
            dirs.append(argv[i])
            i += 1
    paths = [p for d in dirs for p in sorted(glob.glob(os.path.join(d, "meson-logs", "testlog*.json")))]
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                result = json.loads(line).get("result")
                if result in PASSED:
                    passed += 1
                elif result in FAILED:
                    failed += 1
                elif result == "SKIP":
                    skipped += 1
                else:
                    failed += 1  # unknown: don't let it pass silently
    if skipped:
        print(f"{skipped} skipped")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
