#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks Attain's accessibility tree over AT-SPI, as a screen reader does, on every page of the
window (and the review form of one person), and fails when a control announces nothing, a GTK
type name ("GtkImage", "GtkMenuButton") or a mnemonic ("_Save Save").

Run under a session bus with an X server: dbus-run-session -- xvfb-run -a ... test-a11y.py
ATTAIN (the binary). Needs python3-pyatspi and xdotool (to switch pages as Alt+1..5 does)."""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def accessibility_bus_answers():
    """The AT-SPI bus is started on demand by the session bus; under load its launcher can miss
    the first call, and pyatspi then aborts the whole process without a word. Ask for its address
    first (which also starts it), a few times, each bounded."""
    for attempt in range(4):
        try:
            done = subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.a11y.Bus',
                                   '--object-path', '/org/a11y/bus', '--method',
                                   'org.a11y.Bus.GetAddress', '--timeout', '15'],
                                  capture_output=True, timeout=30)
            if done.returncode == 0 and b'unix:' in done.stdout:
                return True
        except (OSError, subprocess.TimeoutExpired):
            pass
        time.sleep(2 + attempt * 3)
    return False


if shutil.which('gdbus') is not None and not accessibility_bus_answers():
    print('1..0 # SKIP the accessibility bus (at-spi-bus-launcher) does not answer on this machine')
    sys.exit(77)

try:
    import pyatspi
except ImportError:
    print('1..0 # SKIP python3-pyatspi is not installed')
    sys.exit(77)

CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'combo box',
            'spin button', 'image', 'text', 'slider', 'menu item', 'link', 'list item',
            'entry', 'password text'}
TYPE_NAME = re.compile(r'^(Gtk|Adw|Attain)[A-Z]')
MNEMONIC = re.compile(r'(^|\s)_\w')


def find(root, test, limit=20000):
    """Depth-first, bounded: the first accessible for which test() holds."""
    stack = [root]
    seen = 0
    while stack and seen < limit:
        acc = stack.pop()
        seen += 1
        try:
            if test(acc):
                return acc
            stack.extend(acc.getChildAtIndex(i) for i in reversed(range(min(acc.childCount, 2000))))
        except Exception:
            continue
    return None


def walk(root, limit=50000):
    out = []
    stack = [(root, [])]
    while stack and len(out) < limit:
        acc, path = stack.pop()
        try:
            role, name = acc.getRoleName(), acc.name or ''
            children = [acc.getChildAtIndex(i) for i in range(min(acc.childCount, 2000))]
        except Exception:
            continue
        out.append((role, name, path))
        for c in reversed(children):
            if c is not None:
                stack.append((c, path + [role + ':' + name[:30]]))
    return out


def problems(root):
    found = []
    for role, name, path in walk(root):
        if role not in CONTROLS:
            continue
        if role == 'text' and name == '' and path and path[-1].startswith('label'):
            continue
        bad = (name.strip() == '' or TYPE_NAME.match(name) or MNEMONIC.search(name))
        if bad:
            found.append('%s %r under %s' % (role, name, ' > '.join(path[-3:])))
    return found


def app_of(name, timeout):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            a = desktop.getChildAtIndex(i)
            if a is not None and a.name == name:
                return a
        time.sleep(0.3)
    return None


def wait_for(root, test, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        acc = find(root, test)
        if acc is not None:
            return acc
        time.sleep(0.5)
    return None


def has_action(acc):
    try:
        return acc.queryAction().nActions > 0
    except NotImplementedError:
        return False


def key(*keys):
    subprocess.run(['xdotool', 'key'] + list(keys), check=True)
    time.sleep(1.5)


def main():
    binary = sys.argv[1]
    # A call into a wedged bus can block for minutes: fail with a sentence well before the
    # test runner's timeout instead.
    signal.signal(signal.SIGALRM, lambda *_: (print('not ok 1 the accessibility walk took over '
                                                    '240 s (the bus stopped answering)'),
                                              sys.stdout.flush(), os._exit(1)))
    signal.alarm(240)
    if shutil.which('xdotool') is None or 'DISPLAY' not in os.environ:
        print('1..0 # SKIP needs xdotool and an X display')
        return 77
    data = tempfile.mkdtemp(prefix='attain-a11y-')
    env = dict(os.environ, XDG_DATA_HOME=data, GTK_A11Y='atspi', LANGUAGE='en', LANG='C.UTF-8')
    env.pop('NO_AT_BRIDGE', None)
    proc = subprocess.Popen([binary, '--demo'], env=env)
    failures = []
    try:
        app = app_of('attain', 60)
        if app is None:
            print('not ok 1 the application does not show up on the accessibility bus')
            return 1
        if wait_for(app, lambda a: a.getRoleName() == 'image' and a.name == 'Revenue by month') is None:
            print('not ok 1 the dashboard never showed its charts')
            return 1
        time.sleep(2)
        pages = [('dashboard', None), ('goals', 'alt+2'), ('people', 'alt+4'),
                 ('evaluation', 'alt+5'), ('reviews', 'alt+3')]
        for n, (page, keys) in enumerate(pages, 1):
            if keys:
                key(keys)
            if page == 'reviews':
                # Choose a person, as a director does: open the picker, type pinyin, Enter.
                chooser = wait_for(app, lambda a: a.getRoleName() == 'push button'
                                   and a.name.lower().startswith('choose a salesperson')
                                   and has_action(a), 20)
                if chooser is None:
                    print('not ok %d the person picker is not named' % n)
                    failures.append('chooser')
                else:
                    chooser.queryAction().doAction(0)
                    time.sleep(1)
                    subprocess.run(['xdotool', 'type', '--delay', '100', 'cx'], check=True)
                    time.sleep(1.5)
                    key('Return')
                    chosen = wait_for(app, lambda a: a.getRoleName() == 'push button'
                                      and '陈欣' in (a.name or ''), 20)
                    if chosen is None:
                        print('not ok %d the person picker did not find 陈欣 by "cx"' % n)
                        failures.append('chooser')
                    time.sleep(3)
            found = problems(app)
            if found:
                failures.append(page)
                print('not ok %d %s: %d controls without a name a screen reader can say' %
                      (n, page, len(found)))
                for f in sorted(set(found)):
                    print('#   ' + f)
            else:
                print('ok %d %s: every control is named' % (n, page))
        print('1..%d' % len(pages))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(data, ignore_errors=True)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
