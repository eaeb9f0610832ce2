#!/usr/bin/env python3
# bench.py: the performance suite's measurements and table; run it through
# bench/run, which installs what it needs and builds the project first.
# SPDX-License-Identifier: GPL-3.0-or-later
"""Measures Parallax beside GNOME Text Editor (the peer), a minimal GTK
program (the floor, bench/floor.c) and SQLite's own JSON functions, all in
one run, and writes the table to bench/results/latest.md."""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)


def log(*args):
    print('bench:', *args, file=sys.stderr, flush=True)


# ---- statistics ----

def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


class Figure:
    """Per-run values of one measurement: median and spread (min–max)."""

    def __init__(self, values=None):
        self.values = [v for v in (values or []) if v is not None]

    def add(self, value):
        if value is not None:
            self.values.append(value)

    @property
    def median(self):
        return statistics.median(self.values) if self.values else None

    def text(self, unit='ms', digits=None):
        if not self.values:
            return 'n/a'
        m = self.median
        if digits is None:
            digits = 0 if m >= 100 else 1 if m >= 10 else 2
        fmt = '{:.%df}' % digits
        if len(self.values) == 1:
            return (fmt + ' {}').format(m, unit)
        return (fmt + ' {} ({}–{}, n={})').format(m, unit, fmt.format(min(self.values)),
                                                 fmt.format(max(self.values)), len(self.values))


def ratio(a, b):
    if a.median is None or b.median is None or b.median == 0:
        return None
    return a.median / b.median


# ---- running things ----

class Runner:
    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(args.build)
        self.data = os.path.join(self.build, 'bench-data')
        self.bin = {
            'parallax': os.path.join(self.build, 'src/app/parallax'),
            'cli': os.path.join(self.build, 'src/cli/parallax-cli'),
            'corpus': os.path.join(self.build, 'bench/plx-bench-corpus'),
            'floor': os.path.join(self.build, 'bench/floor'),
            'window': os.path.join(self.build, 'bench/bench-window'),
            'firstpaint': os.path.join(self.build, 'bench/firstpaint'),
        }
        for name, path in self.bin.items():
            if not os.access(path, os.X_OK):
                sys.exit('bench: %s is missing (%s); run bench/run' % (name, path))
        self.gte = shutil.which('gnome-text-editor')
        self.home = tempfile.mkdtemp(prefix='parallax-bench-')
        self.env = None
        self.xvfb = None
        self.notes = []
        self.missing_profile = {}

    # -- data --

    def path(self, name):
        return os.path.join(self.data, name)

    def make_data(self, n_export):
        os.makedirs(self.data, exist_ok=True)
        if not os.path.exists(self.path('kjv.txt')):
            log('writing kjv.txt')
            with open(self.path('kjv.txt.tmp'), 'wb') as out:
                subprocess.run(['bible', '-f', 'Gen1:1-Rev22:21'], stdout=out, check=True)
            os.rename(self.path('kjv.txt.tmp'), self.path('kjv.txt'))
        shutil.copyfile(os.path.join(SOURCE, 'data/russia-role-nagorno-karabakh.md'), self.path('essay.md'))
        self.project('kjv.parallax', 'kjv.txt', 20000)
        self.project('essay.parallax', 'essay.md', 200)
        self.project('export-%d.parallax' % n_export, 'kjv.txt', n_export)
        self.project('target.parallax', 'kjv.txt', 0)
        if not self.args.smoke:
            if not os.path.exists(self.path('big.txt')):
                log('writing big.txt (50 MB)')
                with open(self.path('kjv.txt'), 'rb') as f:
                    kjv = f.read()
                with open(self.path('big.txt.tmp'), 'wb') as out:
                    written = 0
                    while written < 50_000_000:
                        out.write(kjv)
                        written += len(kjv)
                os.rename(self.path('big.txt.tmp'), self.path('big.txt'))
            self.project('big.parallax', 'big.txt', 0)

    def project(self, name, document, n):
        """Generates a project unless an identical one exists (the generator
        is deterministic, so the file name and the sources identify it)."""
        stamp = self.path(name + '.stamp')
        key = '%s %d %d' % (document, os.path.getsize(self.path(document)), n)
        if os.path.exists(self.path(name)) and os.path.exists(stamp) and open(stamp).read() == key:
            return
        log('generating %s (%d annotations)' % (name, n))
        for leftover in (name, name + '-wal', name + '-shm'):
            if os.path.exists(self.path(leftover)):
                os.remove(self.path(leftover))
        subprocess.run([self.bin['corpus'], self.path(name), self.path(document), str(n)], check=True)
        with open(stamp, 'w') as f:
            f.write(key)

    def scratch(self, name):
        """A fresh copy of a generated project, for runs that write to it."""
        copy = os.path.join(self.home, 'copy-' + name)
        shutil.copyfile(self.path(name), copy)
        return copy

    # -- display --

    def start_display(self):
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write), '-screen', '0', '1920x1200x24',
                                      '-nolisten', 'tcp', '-noreset'],
                                     pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        number = b''
        while not number.endswith(b'\n'):
            chunk = os.read(read, 16)
            if not chunk:
                sys.exit('bench: Xvfb did not start')
            number += chunk
        os.close(read)
        env = dict(os.environ)
        for name in ('WAYLAND_DISPLAY', 'GDK_BACKEND', 'GTK_DEBUG'):
            env.pop(name, None)
        env.update({
            'DISPLAY': ':' + number.decode().strip(),
            'GSK_RENDERER': 'cairo',
            'GDK_BACKEND': 'x11',
            'GSETTINGS_BACKEND': 'memory',
            'GSETTINGS_SCHEMA_DIR': os.path.join(self.build, 'data'),
            'NO_AT_BRIDGE': '1',
            'GTK_A11Y': 'none',
            'PARALLAX_PROFILE': '1',
            'HOME': self.home,
            'XDG_CONFIG_HOME': os.path.join(self.home, 'config'),
            'XDG_DATA_HOME': os.path.join(self.home, 'data'),
            'XDG_CACHE_HOME': os.path.join(self.home, 'cache'),
            'XDG_STATE_HOME': os.path.join(self.home, 'state'),
            'LC_ALL': 'C.UTF-8',
        })
        self.env = env
        # A first start warms the font and icon caches for everyone.
        self.run_firstpaint([self.bin['floor'], self.path('essay.md')])

    def stop(self):
        if self.xvfb is not None:
            self.xvfb.terminate()
            self.xvfb.wait()
        shutil.rmtree(self.home, ignore_errors=True)

    # -- measurements --

    def run_firstpaint(self, command, timeout_ms=120000):
        result = subprocess.run([self.bin['firstpaint'], '-q', '700', '-t', str(timeout_ms), '--'] + command,
                                env=self.env, capture_output=True, text=True)
        fields = result.stdout.split()
        if len(fields) != 3:
            log('no window from', command[0], result.stdout.strip(), result.stderr[-300:])
            return None
        profile = {}
        for line in result.stderr.splitlines():
            if line.startswith('parallax-profile: '):
                parts = line.split()
                if len(parts) == 3 and parts[1] not in profile:
                    profile[parts[1]] = int(parts[2]) / 1000.0
        first = float(fields[1])
        content = None
        # The profile's zero (process start) is not firstpaint's (fork), so
        # only the difference between the two events is used.
        if 'first-frame' in profile and 'first-text-frame' in profile:
            content = first + profile['first-text-frame'] - profile['first-frame']
        return {'map': float(fields[0]), 'first': first, 'settled': float(fields[2]), 'content': content}

    def peak_rss(self, command, timeout_s=120):
        """VmHWM (MB) once the program has settled (no growth for 2 s)."""
        process = subprocess.Popen(command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        start = time.monotonic()
        last, last_change = 0, start
        try:
            while time.monotonic() - start < timeout_s:
                time.sleep(0.1)
                if process.poll() is not None:
                    log('exited early:', command[0])
                    return None
                try:
                    with open('/proc/%d/status' % process.pid) as f:
                        hwm = next(int(line.split()[1]) for line in f if line.startswith('VmHWM:'))
                except (OSError, StopIteration):
                    continue
                now = time.monotonic()
                if hwm != last:
                    last, last_change = hwm, now
                elif now - start > 3 and now - last_change > 2:
                    break
            return last / 1024.0
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def samples(self, command, timeout_s=600):
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=timeout_s)
        values = {}
        for line in result.stdout.splitlines():
            parts = line.split()
            if len(parts) >= 2:
                try:
                    numbers = [float(x) for x in parts[1:]]
                except ValueError:
                    continue
                # "name count v1 v2 …" for samples, "name value" for one figure.
                sampled = parts[0].endswith(('-interval', '-work', '-commit', '-painted'))
                values[parts[0]] = numbers[1:] if sampled else numbers[0]
        if result.returncode != 0:
            log('%s exited with %d: %s' % (os.path.basename(command[0]), result.returncode, result.stderr[-500:]))
        return values

    def timed(self, command, stdout=None):
        start = time.monotonic()
        with open(stdout, 'wb') if stdout else open(os.devnull, 'wb') as out:
            result = subprocess.run(command, env=self.env, stdout=out, stderr=subprocess.PIPE)
        elapsed = time.monotonic() - start
        if result.returncode != 0:
            log('failed:', ' '.join(command), result.stderr.decode(errors='replace')[-300:])
            return None
        return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--build', required=True)
    parser.add_argument('--runs', type=int, default=None)
    parser.add_argument('--smoke', action='store_true')
    parser.add_argument('--output', default=os.path.join(HERE, 'results', 'latest.md'))
    args = parser.parse_args()

    smoke = args.smoke
    runs = args.runs or (1 if smoke else 5)
    heavy_runs = args.runs or (1 if smoke else 3)
    n_tags = 30 if smoke else 200
    n_export = 10000 if smoke else 100000

    r = Runner(args)
    load_before = os.getloadavg()
    started = time.time()
    try:
        r.make_data(n_export)
        r.start_display()
        results = measure(r, runs, heavy_runs, n_tags, n_export, smoke)
    finally:
        r.stop()
    load_after = os.getloadavg()
    report = table(results, r, runs, heavy_runs, n_tags, n_export, smoke,
                   load_before, load_after, time.time() - started)
    print(report)
    if args.output and args.output != '-':
        os.makedirs(os.path.dirname(args.output), exist_ok=True)
        with open(args.output, 'w') as f:
            f.write(report)
        log('wrote', args.output)


def measure(r, runs, heavy_runs, n_tags, n_export, smoke):
    R = {}

    def fig(name):
        return R.setdefault(name, Figure())

    # Time to content: the three programs interleaved, run by run.
    programs = {
        'parallax': lambda doc: [r.bin['parallax'], r.path(doc + '.parallax')],
        'peer': lambda doc: [r.gte, '--standalone', r.path({'kjv': 'kjv.txt', 'essay': 'essay.md'}[doc])],
        'floor': lambda doc: [r.bin['floor'], r.path({'kjv': 'kjv.txt', 'essay': 'essay.md'}[doc])],
    }
    for run in range(runs):
        for doc in ('essay', 'kjv'):
            for program, command in programs.items():
                log('time to content: %s %s, run %d/%d' % (program, doc, run + 1, runs))
                m = r.run_firstpaint(command(doc))
                if m is None:
                    continue
                fig('first-%s-%s' % (program, doc)).add(m['first'])
                fig('settled-%s-%s' % (program, doc)).add(m['settled'])
                # The peer prints no profile: its first paint stands for content.
                fig('content-%s-%s' % (program, doc)).add(m['content'] if m['content'] is not None else m['first'])
                if program != 'peer' and m['content'] is None:
                    r.missing_profile[(program, doc)] = r.missing_profile.get((program, doc), 0) + 1

    # Memory, interleaved the same way.
    for run in range(runs):
        for doc in ('essay', 'kjv'):
            for program, command in programs.items():
                log('peak RSS: %s %s, run %d/%d' % (program, doc, run + 1, runs))
                fig('rss-%s-%s' % (program, doc)).add(r.peak_rss(command(doc)))

    # Tagging in the real window, 20,000 annotations already there.
    for run in range(heavy_runs):
        log('tagging: run %d/%d' % (run + 1, heavy_runs))
        s = r.samples([r.bin['window'], 'tag', r.scratch('kjv.parallax'), str(n_tags)])
        if 'tag-painted' in s:
            R.setdefault('tag-painted-all', []).extend(s['tag-painted'])
            R.setdefault('tag-commit-all', []).extend(s['tag-commit'])
            fig('tag-median').add(statistics.median(s['tag-painted']))
            fig('tag-p99').add(percentile(s['tag-painted'], 99))
            fig('tag-commit-median').add(statistics.median(s['tag-commit']))
            fig('tag-commit-p99').add(percentile(s['tag-commit'], 99))
            if s.get('tag-no-frame'):
                r.notes.append('tagging: %d taggings painted no frame within 500 ms' % s['tag-no-frame'])

    # Scrolling: the same driver in the harness and in the floor.
    for run in range(heavy_runs):
        for program, command in (('parallax', [r.bin['window'], 'scroll', r.path('kjv.parallax')]),
                                 ('floor', [r.bin['floor'], r.path('kjv.txt'), '--scroll-bench'])):
            log('scrolling: %s, run %d/%d' % (program, run + 1, heavy_runs))
            s = r.samples(command)
            if 'scroll-work' in s:
                fig('scroll-work-p99-' + program).add(percentile(s['scroll-work'], 99))
                fig('scroll-work-median-' + program).add(statistics.median(s['scroll-work']))
                fig('scroll-interval-p99-' + program).add(percentile(s['scroll-interval'], 99))
                fig('scroll-interval-max-' + program).add(max(s['scroll-interval']))
                fig('scroll-frames-' + program).add(len(s['scroll-interval']) + 1)

    # The 50 MB document.
    if not smoke:
        for run in range(min(heavy_runs, 2)):
            log('50 MB document: run %d/%d' % (run + 1, min(heavy_runs, 2)))
            s = r.samples([r.bin['window'], 'load', r.path('big.parallax')], timeout_s=900)
            fig('big-longest').add(s.get('load-longest-frame'))
            fig('big-load').add(s.get('load-time'))
            if 'load-interval' in s:
                fig('big-frames').add(len(s['load-interval']))

    # Export and import against SQLite's JSON functions.
    source = r.path('export-%d.parallax' % n_export)
    files = {'native': os.path.join(r.home, 'export.json'), 'w3c': os.path.join(r.home, 'export.jsonld')}
    sql = lambda name: os.path.join(HERE, 'sql', name)
    for run in range(heavy_runs):
        for fmt in ('native', 'w3c'):
            log('export %s: run %d/%d' % (fmt, run + 1, heavy_runs))
            fig('export-%s-cli' % fmt).add(r.timed([r.bin['cli'], 'export', source, '--format', fmt, '-o', files[fmt]]))
            fig('export-%s-sqlite' % fmt).add(r.timed(['sqlite3', '-bail', source, '.read ' + sql('export-%s.sql' % fmt)],
                                                      stdout=os.path.join(r.home, 'baseline.json')))
        for fmt in ('native', 'w3c'):
            log('import %s: run %d/%d' % (fmt, run + 1, heavy_runs))
            target = r.scratch('target.parallax')
            fig('import-%s-cli' % fmt).add(r.timed([r.bin['cli'], 'import', target, files[fmt]]))
            target = r.scratch('target.parallax')
            fig('import-%s-sqlite' % fmt).add(r.timed(
                ['sqlite3', '-bail', target, "CREATE TEMP TABLE input (name); INSERT INTO input VALUES ('%s');" % files[fmt],
                 '.read ' + sql('import-%s.sql' % fmt)]))
            count = subprocess.run(['sqlite3', target, 'SELECT count(*) FROM annotations'],
                                   capture_output=True, text=True).stdout.strip()
            if count != str(n_export):
                r.notes.append('sqlite3 %s import baseline stored %s rows, not %d' % (fmt, count, n_export))
    return R


def table(R, r, runs, heavy_runs, n_tags, n_export, smoke, load_before, load_after, seconds):
    f = lambda name: R.get(name, Figure())
    rows = []

    def row(figure, parallax, peer, floor, ratios, target, met):
        rows.append('| %s | %s | %s | %s | %s | %s | %s |' % (figure, parallax, peer, floor, ratios, target, met))

    def verdict(*conditions):
        if any(c is None for c in conditions):
            return 'n/a'
        return 'yes' if all(conditions) else '**no**'

    def x(value):
        return 'n/a' if value is None else '%.2f×' % value

    def le(value, limit):
        return None if value is None else value <= limit

    # Time to content.
    p, g, fl = f('content-parallax-essay'), f('content-peer-essay'), f('content-floor-essay')
    row('time to content, essay + 200 annotations', p.text(), g.text(), fl.text(),
        '%s of peer, %s of floor' % (x(ratio(p, g)), x(ratio(p, fl))), '≤ 1.0 × peer', verdict(le(ratio(p, g), 1.0)))
    p, g, fl = f('content-parallax-kjv'), f('content-peer-kjv'), f('content-floor-kjv')
    row('time to content, KJV + 20,000 annotations', p.text(), g.text(), fl.text(),
        '%s of peer, %s of floor' % (x(ratio(p, g)), x(ratio(p, fl))), '≤ 1.1 × peer, ≤ 1.2 × floor',
        verdict(le(ratio(p, g), 1.1), le(ratio(p, fl), 1.2)))
    # Tagging.
    t_med, t_p99 = f('tag-median'), f('tag-p99')
    row('tagging latency to painted frame, median (%d × %d)' % (heavy_runs, n_tags), t_med.text(), '–', '–', '–', '≤ 8 ms',
        verdict(le(t_med.median, 8)))
    row('tagging latency to painted frame, p99', t_p99.text(), '–', '–', '–', '≤ 16 ms', verdict(le(t_p99.median, 16)))
    # Scrolling.
    p, fl = f('scroll-work-p99-parallax'), f('scroll-work-p99-floor')
    row('scrolling KJV: work per frame, p99', p.text(), '–', fl.text(), x(ratio(p, fl)), '≤ 1.1 × floor',
        verdict(le(ratio(p, fl), 1.1)))
    p, fl = f('scroll-interval-max-parallax'), f('scroll-interval-max-floor')
    row('scrolling KJV: longest frame interval', p.text(), '–', fl.text(), x(ratio(p, fl)), '≤ 33 ms',
        verdict(le(p.median, 33) if len(p.values) < 2 else le(max(p.values), 33)))
    pi, fi = f('scroll-interval-p99-parallax'), f('scroll-interval-p99-floor')
    row('scrolling KJV: frame interval, p99 (context)', pi.text(), '–', fi.text(), x(ratio(pi, fi)), '–', '–')
    # Export and import.
    label = '{:,}'.format(n_export)
    for fmt, limit, what in (('native', 2, 'export'), ('w3c', None, 'export'), ('native', 4, 'import'), ('w3c', 4, 'import')):
        p, s = f('%s-%s-cli' % (what, fmt)), f('%s-%s-sqlite' % (what, fmt))
        rt = ratio(p, s)
        row('%s %s annotations, %s' % (what, label, 'native JSON' if fmt == 'native' else 'W3C'),
            p.text('s'), '–', 'sqlite3: ' + s.text('s'), x(rt),
            '≤ %d × sqlite3' % limit if limit else '–', verdict(le(rt, limit)) if limit else '–')
    # Memory.
    p, g, fl = f('rss-parallax-kjv'), f('rss-peer-kjv'), f('rss-floor-kjv')
    row('peak RSS, KJV + 20,000 annotations', p.text('MB'), g.text('MB'), fl.text('MB'),
        '%s of peer' % x(ratio(p, g)), '≤ 1.2 × peer', verdict(le(ratio(p, g), 1.2)))
    p, g, fl = f('rss-parallax-essay'), f('rss-peer-essay'), f('rss-floor-essay')
    row('peak RSS, essay', p.text('MB'), g.text('MB'), fl.text('MB'), '%s of peer' % x(ratio(p, g)),
        '≤ 1.0 × peer', verdict(le(ratio(p, g), 1.0)))
    # 50 MB.
    b = f('big-longest')
    row('50 MB document: longest frame interval while loading', b.text(), '–', '–', '–', '≤ 100 ms',
        'skipped (smoke)' if smoke else verdict(le(max(b.values) if b.values else None, 100)))

    head = git_describe()
    lines = [
        '# Parallax performance suite: %s' % ('smoke run' if smoke else 'results'),
        '',
        'Run %s on %s (%d cores), %s; %s. Under Xvfb, `GSK_RENDERER=cairo`, all programs in the same run, '
        'interleaved. Each cell: median (min–max over runs, n runs). Load average %.1f before, %.1f after; '
        'the suite took %.0f s.' % (time.strftime('%Y-%m-%d %H:%M'), os.uname().nodename, os.cpu_count(), head,
                                     versions(), load_before[0], load_after[0], seconds),
        '',
        '| figure | Parallax | GNOME Text Editor | floor | ratio | target | met? |',
        '| --- | --- | --- | --- | --- | --- | --- |',
    ] + rows + [
        '',
        '## Details',
        '',
        '- Time to content: `firstpaint -q 700` (exec to first painted top-level window). For Parallax and the '
        'floor, the first frame painted with text: firstpaint\'s first paint plus the gap between the '
        '`first-frame` and `first-text-frame` profile lines (`PARALLAX_PROFILE=1`). The peer prints no profile; '
        'its first paint is used. First paint / settled (last large repaint), medians:',
    ]
    for doc in ('essay', 'kjv'):
        lines.append('  - %s: ' % doc + '; '.join(
            '%s %s / %s' % (name, f('first-%s-%s' % (key, doc)).text(), f('settled-%s-%s' % (key, doc)).text())
            for key, name in (('parallax', 'Parallax'), ('peer', 'GNOME Text Editor'), ('floor', 'floor'))))
    allp, allc = R.get('tag-painted-all', []), R.get('tag-commit-all', [])
    if allp:
        lines.append('- Tagging (bench-window tag): once the window has painted nothing for 1 s, select a passage on '
                     'screen, let it paint and settle (no frame for 50 ms), activate '
                     '`win.tag-selection`, stop at the next frame\'s "after-paint". Pooled over %d taggings: '
                     'median %.2f ms, p99 %.2f ms, max %.2f ms; the action alone (row committed): median %.2f ms, '
                     'p99 %.2f ms, max %.2f ms.' % (len(allp), statistics.median(allp), percentile(allp, 99), max(allp),
                                                  statistics.median(allc), percentile(allc, 99), max(allc)))
    lines.append('- Scrolling (bench-frames.c, shared by harness and floor): 300 steps of a third of a page, then 20 '
                 'jumps to random offsets, one per frame; work = "before-paint" to "after-paint", interval = '
                 'after-paint to after-paint. Median work per frame: Parallax %s, floor %s; frames: Parallax %s, floor %s.'
                 % (f('scroll-work-median-parallax').text(), f('scroll-work-median-floor').text(),
                    f('scroll-frames-parallax').text(''), f('scroll-frames-floor').text('')))
    if not smoke:
        lines.append('- 50 MB document (KJV ×12, no annotations; bench-window load): the window is shown empty, then '
                     'the project is opened; longest gap between painted frames until the buffer holds the whole text: '
                     '%s; time until loaded %s; frames painted meanwhile %s.'
                     % (f('big-longest').text(), f('big-load').text(), f('big-frames').text('')))
    lines.append('- Export/import: `parallax-cli` (each run opens the project, with `quick_check`) against '
                 '`sqlite3` running bench/sql/*.sql on the same project file (export: the same objects, built with '
                 'json_object/json_group_array; import: the same rows from the same file with json_each, one '
                 'transaction, no validation).')
    lines.append('- Peak RSS: VmHWM from /proc/PID/status once it has not grown for 2 s, then SIGTERM.')
    for (program, doc), count in sorted(r.missing_profile.items()):
        r.notes.append('%s printed no first-text-frame on %s in %d of %d runs; its first paint stands for content there'
                       % (program, doc, count, runs))
    for note in sorted(set(r.notes)):
        lines.append('- Note: ' + note)
    return '\n'.join(lines) + '\n'


def git_describe():
    try:
        head = subprocess.run(['git', '-C', SOURCE, 'rev-parse', '--short', 'HEAD'], capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(['git', '-C', SOURCE, 'status', '--porcelain', '--untracked-files=no', '--', 'src'],
                               capture_output=True, text=True).stdout.strip()
        return 'commit %s%s' % (head or '?', ' with uncommitted changes in src/' if dirty else '')
    except OSError:
        return 'not a git checkout'


def versions():
    out = []
    for package in ('libgtk-4-1', 'libadwaita-1-0', 'gnome-text-editor', 'sqlite3'):
        v = subprocess.run(['dpkg-query', '-W', '-f', '${Version}', package], capture_output=True, text=True).stdout
        out.append('%s %s' % (package, v or '?'))
    return ', '.join(out)


if __name__ == '__main__':
    main()
