#!/usr/bin/env python3
# check-potfiles.py: every file that marks strings for translation must be
# listed in po/POTFILES.in (or po/POTFILES.skip), and every listed file must exist.
# Usage: check-potfiles.py SOURCE_ROOT
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
MARKERS = {
    '.c': re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2?)\s*\('),
    '.h': re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2?)\s*\('),
    '.ui': re.compile(r'translatable\s*=\s*"(?:yes|true|1)"'),
    '.in': re.compile(r'translatable\s*=\s*"(?:yes|true|1)"|^_?(?:Name|GenericName|Comment|Keywords)=|<(?:name|summary|p|li|caption|comment|developer_name)\b', re.M),
    '.xml': re.compile(r'<(?:summary|description|comment)\b'),
}
DIRS = ['src', 'ui', 'data']


def listed(name):
    path = os.path.join(root, 'po', name)
    if not os.path.exists(path):
        return set()
    with open(path, encoding='utf-8') as f:
        return {line.strip() for line in f if line.strip() and not line.startswith('#')}


potfiles = listed('POTFILES.in')
skipped = listed('POTFILES.skip')
errors = []

for entry in sorted(potfiles):
    if not os.path.isfile(os.path.join(root, entry)):
        errors.append(f'po/POTFILES.in lists {entry}, which does not exist')

for top in DIRS:
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(('.', '_build')))
        for name in sorted(filenames):
            ext = os.path.splitext(name)[1]
            if ext not in MARKERS:
                continue
            # Only a gschema among the plain .xml files carries messages.
            if ext == '.xml' and not name.endswith('.gschema.xml'):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, '/')
            with open(path, encoding='utf-8', errors='replace') as f:
                text = f.read()
            if MARKERS[ext].search(text) and rel not in potfiles and rel not in skipped:
                errors.append(f'{rel} has translatable strings but is missing from po/POTFILES.in')

for error in errors:
    print(error)
print(f'{len(potfiles)} files listed, {len(errors)} problems')
sys.exit(1 if errors else 0)
