#!/usr/bin/env python3
# check-po.py SOURCE_ROOT: each po/LINGUAS catalogue passes
# `msgfmt --check --statistics` with no fuzzy or untranslated message, both
# as committed and after merging with a template extracted from the sources
# right now, so that a new or changed string fails until it is translated.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import tempfile

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..'))
po_dir = os.path.join(root, 'po')

# Meson's i18n preset 'glib' (po/meson.build), so the template matches parallax-pot.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]
STATS = re.compile(r'(\d+) (translated|fuzzy|untranslated)')


def statistics(po):
    run = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                         capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    counts = {'translated': 0, 'fuzzy': 0, 'untranslated': 0}
    for number, kind in STATS.findall(run.stderr):
        counts[kind] = int(number)
    return run.returncode, run.stderr.strip(), counts


def show(po, flag):
    out = subprocess.run(['msgattrib', flag, '--no-obsolete', '--no-wrap', po],
                         capture_output=True, text=True).stdout
    ids = re.findall(r'^msgid "(.+)"$', out, re.M)
    for msgid in ids[:20]:
        print(f'    {msgid}')
    if len(ids) > 20:
        print(f'    … and {len(ids) - 20} more')


with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
    languages = [w for line in f for w in line.split('#')[0].split()]

failed = False
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'parallax.pot')
    subprocess.run(['xgettext', *XGETTEXT_ARGS, '--package-name=parallax',
                    '--files-from=' + os.path.join(po_dir, 'POTFILES.in'),
                    '--directory=' + root, '--output=' + pot],
                   check=True, stderr=subprocess.DEVNULL)
    for lang in languages:
        po = os.path.join(po_dir, lang + '.po')
        merged = os.path.join(tmp, lang + '.po')
        subprocess.run(['msgmerge', '--quiet', '--output-file=' + merged, po, pot], check=True)
        for label, path in (('committed', po), ('against the sources', merged)):
            rc, text, counts = statistics(path)
            ok = rc == 0 and counts['fuzzy'] == 0 and counts['untranslated'] == 0 and counts['translated'] > 0
            print(f'{lang}.po ({label}): {text}' + ('' if ok else '  <- FAIL'))
            if not ok:
                failed = True
                if counts['untranslated']:
                    print('  untranslated:')
                    show(path, '--untranslated')
                if counts['fuzzy']:
                    print('  fuzzy:')
                    show(path, '--only-fuzzy')
    if failed:
        print('Update with `meson compile -C BUILDDIR parallax-update-po` and translate.')
sys.exit(1 if failed else 0)
