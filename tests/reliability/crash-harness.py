#!/usr/bin/env python3
"""Crash safety: tag continuously through parallax-cli and through the app
(crash-driver, the real window driven by its actions) at the same time,
log each annotation once its commit has returned, SIGKILL both at a random
moment, then check that every logged annotation is in the project, that
`parallax-cli check` (PRAGMA integrity_check, foreign keys, quotes) passes,
and that the app opens the project.

Usage: crash-harness.py PARALLAX_CLI CRASH_DRIVER ESSAY [TRIALS]
Needs a display (run under xvfb-run). Exit 0 when every trial passed.
SPDX-License-Identifier: GPL-3.0-or-later
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

PERSPECTIVES = ['Armenian', 'Azerbaijani', 'Western', 'Russian']


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, **kw)


class CliTagger(threading.Thread):
    """Runs `parallax-cli annotate` back to back until stopped; a UUID is
    logged only after the process exited 0 having printed it."""

    def __init__(self, cli, project, length, rng):
        super().__init__(daemon=True)
        self.cli, self.project, self.length, self.rng = cli, project, length, rng
        self.logged = []
        self.stop = threading.Event()
        self.current = None
        self.lock = threading.Lock()

    def run(self):
        while not self.stop.is_set():
            start = self.rng.randrange(0, self.length - 200)
            end = start + self.rng.randrange(5, 120)
            with self.lock:
                if self.stop.is_set():
                    return
                self.current = subprocess.Popen(
                    [self.cli, 'annotate', self.project, '--document', '1', '--start', str(start),
                     '--end', str(end), '--perspective', self.rng.choice(PERSPECTIVES)],
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            out, err = self.current.communicate()
            if self.current.returncode == 0:
                self.logged.append(out.strip())
            elif self.current.returncode > 0:
                # A refused tag (say, whitespace only) is fine; a busy or
                # damaged project is not.
                if 'busy' in err or 'locked' in err or 'damaged' in err or 'malformed' in err:
                    raise SystemExit(f'parallax-cli annotate failed: {err.strip()}')

    def kill(self):
        with self.lock:
            self.stop.set()
            if self.current is not None and self.current.poll() is None:
                self.current.send_signal(signal.SIGKILL)


def main(argv):
    cli, driver, essay = argv[1], argv[2], argv[3]
    trials = int(argv[4]) if len(argv) > 4 else 50
    # A display of our own that does not reset when its last client is
    # killed (a shared xvfb-run display may, and then refuses the next one).
    xvfb = shutil.which('Xvfb')
    if xvfb is None:
        print('crash-harness: SKIP: Xvfb is not installed', file=sys.stderr)
        return 77
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen([xvfb, '-displayfd', str(write_fd), '-noreset', '-nolisten', 'tcp',
                               '-screen', '0', '1280x900x24'], pass_fds=(write_fd,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        number = f.readline().strip()
    if not number:
        print('crash-harness: Xvfb did not start', file=sys.stderr)
        return 1
    os.environ['DISPLAY'] = ':' + number
    os.environ.pop('WAYLAND_DISPLAY', None)
    try:
        return trials_main(cli, driver, essay, trials)
    finally:
        server.terminate()
        server.wait()


def trials_main(cli, driver, essay, trials):
    seed = int(os.environ.get('PLX_CRASH_SEED', str(int(time.time()))))
    rng = random.Random(seed)
    print(f'crash-harness: seed {seed}, {trials} trials', flush=True)
    workdir = tempfile.mkdtemp(prefix='parallax-crash-')
    project = os.path.join(workdir, 'crash.parallax')
    try:
        for args in (['init', project], ['add-document', project, essay]):
            r = run([cli] + args)
            if r.returncode != 0:
                print(f'crash-harness: {args[0]} failed: {r.stderr}', file=sys.stderr)
                return 1
        docs = json.loads(run([cli, 'list', project, '--format', 'json']).stdout or '[]')
        assert docs == [] or isinstance(docs, list)
        with open(essay, encoding='utf-8') as f:
            length = len(f.read())

        expected = set()
        failures = 0
        started = time.monotonic()
        for trial in range(1, trials + 1):
            env = dict(os.environ, GSETTINGS_BACKEND='memory')
            app_err = open(os.path.join(workdir, 'driver.err'), 'w+')
            app = subprocess.Popen([driver, project], stdout=subprocess.PIPE, stderr=app_err,
                                   text=True, env=env, start_new_session=True)
            # Read on a thread: helpers GTK starts (a D-Bus or accessibility
            # bus) may inherit the pipe and keep it open after the kill.
            app_lines = []
            opened = threading.Event()

            def read_app(stream=app.stdout, lines=app_lines, opened=opened):
                for line in stream:
                    lines.append(line.strip())
                    opened.set()
                opened.set()
            reader = threading.Thread(target=read_app, daemon=True)
            reader.start()
            # The app must open the project left by the previous crash.
            tagger = CliTagger(cli, project, length, random.Random(rng.random()))
            opened.wait(60)
            if not app_lines or not app_lines[0].startswith('opened '):
                os.killpg(app.pid, signal.SIGKILL)
                app_err.seek(0)
                print(f'trial {trial}: the app did not open the project (exit {app.poll()}): {app_err.read()}',
                      file=sys.stderr)
                failures += 1
                break
            # Both tag from here on, until the kill.
            tagger.start()
            time.sleep(rng.uniform(0.05, 0.8))
            os.killpg(app.pid, signal.SIGKILL)
            tagger.kill()
            tagger.join()
            app.wait()
            reader.join(5)
            app_logged = [line for line in app_lines[1:] if line]
            app_err.close()
            expected.update(app_logged)
            expected.update(tagger.logged)

            listing = run([cli, 'list', project, '--format', 'json'])
            check = run([cli, 'check', project])
            stored = {a['uuid'] if isinstance(a, dict) else a for a in json.loads(listing.stdout)} \
                if listing.returncode == 0 else set()
            missing = expected - stored
            ok = listing.returncode == 0 and check.returncode == 0 and check.stdout.strip() == 'ok' and not missing
            print(f'trial {trial}: app logged {len(app_logged)}, cli logged {len(tagger.logged)}, '
                  f'stored {len(stored)}, missing {len(missing)}, check {check.stdout.strip() or check.stderr.strip()}'
                  f' -> {"ok" if ok else "FAIL"}', flush=True)
            if not ok:
                failures += 1
                if listing.returncode != 0:
                    print(f'  list: {listing.stderr.strip()}', file=sys.stderr)
                for uuid in sorted(missing)[:10]:
                    print(f'  lost: {uuid}', file=sys.stderr)
                # Keep the evidence.
                shutil.copy(project, os.path.join(tempfile.gettempdir(), f'parallax-crash-failed-{seed}.parallax'))
                break

        final = run([driver, project, '--open-only'], env=dict(os.environ, GSETTINGS_BACKEND='memory'))
        if final.returncode != 0 or not final.stdout.startswith('opened '):
            print(f'crash-harness: the app cannot open the project at the end: {final.stderr}', file=sys.stderr)
            failures += 1
        elapsed = time.monotonic() - started
        print(f'crash-harness: {trial} trials in {elapsed:.0f} s, {len(expected)} annotations logged, '
              f'{failures} failed', flush=True)
        return 1 if failures else 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
