#!/usr/bin/env python3
"""Exports a small project with parallax-cli and checks the file with an
outside validator.

usage: check-export.py w3c|native VALIDATOR SCHEMA

w3c:    runs VALIDATOR (tests/conformance/validate-web-annotation.py) on a
        W3C Web Annotation export; every annotation must pass.
native: validates a native export (with and without the documents' text)
        against SCHEMA (docs/parallax.schema.json) with python3-jsonschema.
Needs PLX_CLI and PLX_ESSAY in the environment, as tests/meson.build sets.
SPDX-License-Identifier: GPL-3.0-or-later
"""
import json
import os
import subprocess
import sys
import tempfile

CLI = os.environ["PLX_CLI"]
ESSAY = os.environ["PLX_ESSAY"]

ANNOTATIONS = [
    # start, end, perspective, themes, note
    (10, 40, "Armenian", ["Հայաստան", "peace, talks"], 'a "quoted", note\nover two lines'),
    (100, 140, "Russian", ["Россия"], ""),
    (300, 360, "Azerbaijani", [], "Azərbaycan"),
    (301, 305, "Western", ["OSCE"], "nested inside the one above"),
]


def cli(*args):
    return subprocess.run([CLI, *args], check=True, capture_output=True, text=True).stdout


def build(directory):
    project = os.path.join(directory, "p.plx")
    cli("init", project)
    document = cli("add-document", project, ESSAY).strip()
    for start, end, perspective, themes, note in ANNOTATIONS:
        args = ["annotate", project, "--document", document, "--start", str(start), "--end", str(end),
                "--perspective", perspective, "--note", note, "--author", "Ani Hakobyan"]
        for theme in themes:
            args += ["--tag", theme]
        cli(*args)
    return project


def check_w3c(directory, project, validator):
    out = os.path.join(directory, "out.jsonld")
    cli("export", project, "--format", "w3c", "-o", out)
    result = subprocess.run([sys.executable, validator, out], capture_output=True, text=True)
    sys.stdout.write(result.stdout + result.stderr)
    expected = "%d passed, 0 failed" % (len(ANNOTATIONS) + 1)
    if result.returncode != 0 or expected not in result.stdout:
        print("expected the validator to report “%s”" % expected)
        return 1
    return 0


def check_native(directory, project, schema_path):
    import warnings
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    import jsonschema

    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
    failures = 0
    for extra in ([], ["--include-text"]):
        out = os.path.join(directory, "out.json")
        cli("export", project, "--format", "native", "-o", out, *extra)
        with open(out, encoding="utf-8") as f:
            document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        for error in errors:
            print("%s: %s" % ("/".join(str(p) for p in error.path), error.message))
        failures += len(errors)
        if len(document["annotations"]) != len(ANNOTATIONS):
            print("expected %d annotations" % len(ANNOTATIONS))
            failures += 1
    # The schema must also refuse what the format forbids.
    bad = dict(document, version=2)
    if validator.is_valid(bad):
        print("the schema accepts version 2")
        failures += 1
    print("%d errors" % failures)
    return 1 if failures else 0


def main(argv):
    if len(argv) != 4 or argv[1] not in ("w3c", "native"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="parallax-export-") as directory:
        project = build(directory)
        if argv[1] == "w3c":
            return check_w3c(directory, project, argv[2])
        return check_native(directory, project, argv[3])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
