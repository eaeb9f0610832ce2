#!/usr/bin/env python3
"""Source hygiene (issue 8, item 6), one check per argument:
  sql      no SQL built from text: every sqlite3_exec/sqlite3_prepare* call and
           every call of the project's SQL wrappers gets a string literal, or a
           variable the allowlist below names with the reason it is safe; no
           printf-style call formats SQL except the allowlisted PRAGMAs, whose
           only argument is an integer.
  shell    no shell commands: no system(), popen(), g_spawn_command_line_*(),
           no exec of /bin/sh or "sh -c".
  flatpak  the Flatpak manifest asks for no --filesystem and no --share=network.
Usage: check-hygiene.py SOURCE_ROOT sql|shell|flatpak
SPDX-License-Identifier: GPL-3.0-or-later
"""
import glob
import json
import os
import re
import sys

SQL_KEYWORDS = r'(?:SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|ATTACH|BEGIN|COMMIT|REPLACE|WITH)\b'

# Calls that take SQL text: function name -> index of the SQL argument.
SQL_CALLS = {
    'sqlite3_exec': 1, 'sqlite3_prepare': 1, 'sqlite3_prepare_v2': 1, 'sqlite3_prepare_v3': 1,
    # The SQLite backend's wrappers (src/store/sqlite).
    '_plx_sqlite_statement': 1, '_plx_sqlite_run': 1, 'exec': 1, 'pragma_int': 1, 'scan': 2,
    'named_row_id': 1,
    # libpq and the PostgreSQL backend's wrappers (src/store/pg).
    'PQexec': 1, 'PQprepare': 2, 'PQexecParams': 1, '_plx_pg_exec': 1, '_plx_pg_run': 1, 'run_plain': 1,
}
# scan (s, table, forward, backward, func) and named_row_id (self, find, make, …): both SQL arguments
SCAN_EXTRA_ARGS = {'scan': [3], 'named_row_id': [2]}

# (file, call, argument text): why a non-literal argument is safe.
ALLOWED_VARIABLES = {
    ('src/store/sqlite/plx-sqlite-store.c', 'sqlite3_prepare_v3', 'sql'):
        '_plx_sqlite_statement(): the statement cache; its callers pass literals (checked here)',
    ('src/store/sqlite/plx-sqlite-store.c', '_plx_sqlite_statement', 'sql'):
        '_plx_sqlite_run(): its callers pass literals (checked here)',
    ('src/store/sqlite/plx-sqlite-rows.c', '_plx_sqlite_statement', 'find_sql'):
        'named_row_id(): its callers pass literals (checked here)',
    ('src/store/sqlite/plx-sqlite-rows.c', '_plx_sqlite_statement', 'make_sql'):
        'named_row_id(): its callers pass literals (checked here)',
    ('src/store/sqlite/plx-sqlite-store.c', 'sqlite3_exec', 'set_id'):
        'PRAGMA application_id = %d with the integer PLX_PROJECT_APPLICATION_ID',
    ('src/store/sqlite/plx-sqlite-schema.c', 'sqlite3_exec', 'sql'):
        'exec(): its callers pass literals (checked here)',
    ('src/store/sqlite/plx-sqlite-schema.c', 'exec', 'set_version'):
        'PRAGMA user_version = %d with an integer migration number',
    ('src/store/sqlite/plx-sqlite-salvage.c', 'sqlite3_prepare_v2', 'passes[pass]'):
        'scan(): an array of its SQL arguments, which are literals (checked here)',
    ('src/store/sqlite/plx-sqlite-salvage.c', 'sqlite3_prepare_v2', 'sql'):
        'pragma_int(): its callers pass literals (checked here)',
    ('src/store/pg/plx-pg-store.c', 'PQprepare', 'sql'):
        '_plx_pg_exec(): the statement cache; its callers pass literals (checked here)',
    ('src/store/pg/plx-pg-store.c', '_plx_pg_exec', 'sql'):
        '_plx_pg_run(): its callers pass literals (checked here)',
    ('src/store/pg/plx-pg-rows.c', '_plx_pg_exec', 'find_sql'):
        'named_row_id(): its callers pass literals (checked here)',
    ('src/store/pg/plx-pg-rows.c', '_plx_pg_exec', 'make_sql'):
        'named_row_id(): its callers pass literals (checked here)',
    ('src/store/pg/plx-pg-roles.c', 'PQexec', 'roles_sql'):
        'the roles and policies: a string constant in the same file',
    ('src/store/pg/plx-pg-store.c', 'PQexec', 'sql'):
        'run_plain(): its callers pass literals (checked here)',
    ('src/store/pg/plx-pg-schema.c', 'PQexec', 'migrations[i].sql'):
        'the migrations: string constants in the same file',
}
# printf-style formats of SQL that are allowed: integer formatting only.
ALLOWED_FORMATS = {
    'PRAGMA application_id = %d',
    'PRAGMA user_version = %d',
}


def sources(root):
    for path in sorted(glob.glob(os.path.join(root, 'src', '**', '*.[ch]'), recursive=True)):
        with open(path, encoding='utf-8') as f:
            text = f.read()
        # Comments out; strings stay.
        text = re.sub(r'/\*.*?\*/', lambda m: ' ' * len(m.group(0)), text, flags=re.S)
        text = re.sub(r'(?m)//[^\n"]*$', '', text)
        yield os.path.relpath(path, root), text


def split_args(text, start):
    """Arguments of the call whose '(' is at text[start]."""
    depth, args, current, i, in_str = 0, [], '', start, False
    while i < len(text):
        c = text[i]
        if in_str:
            current += c
            if c == '\\':
                current += text[i + 1]
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
            current += c
        elif c in '([{':
            depth += 1
            if depth > 1:
                current += c
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append(current.strip())
                return args
            current += c
        elif c == ',' and depth == 1:
            args.append(current.strip())
            current = ''
        else:
            current += c
        i += 1
    return args


LITERAL = r'"(?:[^"\\]|\\.)*"'
# Adjacent literals, possibly with upper-case macros that are themselves
# literals (ANNOTATION_COLUMNS), pasted together at compile time.
CONSTANT = r'(?:\s*(?:' + LITERAL + r'|[A-Z][A-Z0-9_]*)\s*)+'


def is_literal(arg):
    if '"' not in arg:
        return False
    if re.fullmatch(CONSTANT, arg):
        return True
    # condition ? "A" : "B" with no call in the condition
    return re.fullmatch(r'[^"()?:]+\?' + CONSTANT + ':' + CONSTANT, arg) is not None


def check_sql(root):
    errors, calls = [], 0
    for path, text in sources(root):
        for name, index in SQL_CALLS.items():
            for m in re.finditer(r'(?<![A-Za-z0-9_.>])' + name + r'\s*\(', text):
                line = text.count('\n', 0, m.start()) + 1
                # Skip definitions and prototypes: "name (Type *x," at line start.
                before = text[text.rfind('\n', 0, m.start()) + 1:m.start()]
                if before.strip() == '' and re.match(r'\s*\(\s*[A-Za-z_]+\s+\**\s*[A-Za-z_]+\s*,', text[m.end() - 1:]):
                    continue
                if re.match(r'\s*\(\s*(?:const\s+)?[A-Za-z_]+\s+\**[A-Za-z_]+\s*[,)]', text[m.end() - 1:]) and before.strip() == '':
                    continue
                args = split_args(text, m.end() - 1)
                if any(re.fullmatch(r'(?:const\s+)?[A-Za-z_0-9]+\s*\*+\s*[A-Za-z_0-9]+', a) for a in args):
                    continue  # the definition
                for i in [index] + SCAN_EXTRA_ARGS.get(name, []):
                    if i >= len(args):
                        continue
                    arg = ' '.join(args[i].split())
                    calls += 1
                    if is_literal(arg) or (path, name, arg) in ALLOWED_VARIABLES:
                        continue
                    errors.append(f'{path}:{line}: {name}() is given SQL that is not a string literal: {arg}')
        for m in re.finditer(r'(?<![A-Za-z0-9_])(g_strdup_printf|g_snprintf|g_string_printf|g_string_append_printf|sqlite3_mprintf|sqlite3_snprintf|g_strconcat|sprintf|snprintf)\s*\(', text):
            args = split_args(text, m.end() - 1)
            for arg in args:
                lit = re.match(r'\s*"((?:[^"\\]|\\.)*)"', arg)
                if lit and re.match(r'\s*' + SQL_KEYWORDS, lit.group(1), re.I) and lit.group(1).strip() not in ALLOWED_FORMATS:
                    line = text.count('\n', 0, m.start()) + 1
                    errors.append(f'{path}:{line}: {m.group(1)}() builds SQL: "{lit.group(1)}"')
    return errors, f'{calls} SQL arguments checked'


def check_shell(root):
    errors, n = [], 0
    pattern = re.compile(r'(?<![A-Za-z0-9_])(system|popen|g_spawn_command_line_sync|g_spawn_command_line_async|execl|execlp)\s*\(|"/bin/sh"|"sh",\s*"-c"')
    for path, text in sources(root):
        n += 1
        for m in pattern.finditer(text):
            line = text.count('\n', 0, m.start()) + 1
            errors.append(f'{path}:{line}: runs a shell or a command line: {m.group(0)}')
    return errors, f'{n} files checked'


def check_flatpak(root):
    errors, manifests = [], sorted(glob.glob(os.path.join(root, 'flatpak', '*.json')))
    if not manifests:
        errors.append('no Flatpak manifest under flatpak/')
    for path in manifests:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
        args = list(manifest.get('finish-args', []))
        for module in manifest.get('modules', []):
            if isinstance(module, dict):
                args += module.get('finish-args', [])
        for arg in args:
            if arg.startswith('--filesystem') or arg == '--share=network' or arg.startswith('--socket=session-bus') \
                    or arg.startswith('--device=all'):
                errors.append(f'{os.path.relpath(path, root)}: finish-args has {arg}')
    return errors, f'{len(manifests)} manifest(s) checked'


# Files outside src/store/sqlite that may speak SQLite: tests that make or
# damage project files by hand (the file format itself, a hostile file).
SQLITE_ALLOWED_TESTS = {'tests/test-sqlite-store.c', 'tests/test-corrupt.c', 'tests/test-export-safety.c',
                        'tests/test-wal.c', 'tests/test-codebook.c'}

# Files outside src/store/pg that may speak libpq: the test server's helper
# and the tests that look at a server's tables as its superuser.
LIBPQ_ALLOWED_TESTS = {'tests/plx-test-pg.c', 'tests/test-pg-store.c'}

def check_store(root):
    """SQLite stays behind the PlxStore interface (src/store/sqlite), and no
    app or CLI file includes a private header of the core."""
    errors, n = [], 0
    paths = []
    for pattern in ('src/**/*.[ch]', 'bench/**/*.[ch]', 'tests/**/*.[ch]'):
        paths += glob.glob(os.path.join(root, pattern), recursive=True)
    for path in sorted(set(paths)):
        rel = os.path.relpath(path, root)
        if rel.startswith('src/store/sqlite/') or rel in SQLITE_ALLOWED_TESTS:
            continue
        n += 1
        with open(path, encoding='utf-8') as f:
            text = f.read()
        code = re.sub(r'/\*.*?\*/', lambda m: ' ' * len(m.group(0)), text, flags=re.S)
        for m in re.finditer(r'\bsqlite3\w*|SQLITE_[A-Z_]+', code):
            line = code.count('\n', 0, m.start()) + 1
            errors.append(f'{rel}:{line}: uses SQLite ({m.group(0)}) outside src/store/sqlite')
        if not rel.startswith('src/store/pg/') and rel not in LIBPQ_ALLOWED_TESTS:
            for m in re.finditer(r'\bPQ[a-z]\w*|\blibpq-fe\.h\b', code):
                line = code.count('\n', 0, m.start()) + 1
                errors.append(f'{rel}:{line}: uses libpq ({m.group(0)}) outside src/store/pg')
        if rel.startswith(('src/app/', 'src/cli/')):
            for m in re.finditer(r'#include\s+"(plx-[a-z-]+-private\.h)"', code):
                if os.path.exists(os.path.join(root, 'src', 'core', m.group(1))) or \
                        os.path.exists(os.path.join(root, 'src', 'store', 'sqlite', m.group(1))):
                    line = code.count('\n', 0, m.start()) + 1
                    errors.append(f'{rel}:{line}: includes the core’s private header {m.group(1)}')
    return errors, f'{n} files checked'


def check_log_domain(root):
    """Every source file names its log domain, so messages say where they
    come from."""
    errors, n = [], 0
    for path in sorted(glob.glob(os.path.join(root, 'src', '**', '*.c'), recursive=True)):
        n += 1
        with open(path, encoding='utf-8') as f:
            if not re.search(r'^#define G_LOG_DOMAIN "', f.read(), re.M):
                errors.append(f'{os.path.relpath(path, root)}: no G_LOG_DOMAIN')
    return errors, f'{n} files checked'


def self_test():
    """The SQL check must catch what it is for."""
    import tempfile
    bad = ('static void f (sqlite3 *db, const char *name) {\n'
           '  g_autofree char *q = g_strdup_printf ("SELECT * FROM t WHERE name = \'%s\'", name);\n'
           '  sqlite3_exec (db, q, NULL, NULL, NULL);\n'
           '  system (name);\n}\n')
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, 'src'))
        with open(os.path.join(root, 'src', 'bad.c'), 'w') as f:
            f.write(bad)
        sql, _ = check_sql(root)
        shell, _ = check_shell(root)
    assert len(sql) == 2 and len(shell) == 1, (sql, shell)


def main(argv):
    self_test()
    root, what = argv[1], argv[2]
    errors, summary = {'sql': check_sql, 'shell': check_shell, 'flatpak': check_flatpak,
                       'store': check_store, 'log-domain': check_log_domain}[what](root)
    for e in errors:
        print(e, file=sys.stderr)
    print(f'check-hygiene {what}: {summary}, {len(errors)} problem(s)')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
