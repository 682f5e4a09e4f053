#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every file each command writes, traced with strace under umask 022: each is created 0600 and
lies inside the folder the command was given. Left out: the font stack's own cache
(XDG_CACHE_HOME, the libraries'), and SQLite's scratch files for large sorts (etilqs_*), which
it creates 0600 with O_EXCL and removes at once, so no one can open them.
Usage: test-privacy.py ATTAIN-CLI SRCDIR"""
import os, re, shutil, stat, subprocess, sys, tempfile

cli, srcdir = sys.argv[1], sys.argv[2]
if shutil.which("strace") is None:
    print("strace is not installed: skipping")
    sys.exit(77)

work = tempfile.mkdtemp(prefix="attain-privacy-")
company = os.path.join(work, "company")
out = os.path.join(work, "out")
cache = os.path.join(work, "cache")
os.makedirs(company)
os.makedirs(out)
env = dict(os.environ, XDG_CACHE_HOME=cache, HOME=work, LC_ALL="C.UTF-8")
db = os.path.join(company, "company.db")
commands = [
    ["demo"],
    ["backup", os.path.join(out, "backup.db")],
    ["export", "org", "--xlsx", os.path.join(out, "org.xlsx")],
    ["export", "deals", "--csv", os.path.join(out, "deals.csv")],
    ["report", "--person", "5", "--output", os.path.join(out, "review.pdf")],
    ["report", "--team", "4", "--output-dir", os.path.join(out, "team")],
    ["check"],
]
sqlite_scratch = re.compile(r"^/(var/)?tmp/etilqs_[0-9a-f]+$")
create = re.compile(r'^\d+\s+(?:openat\(AT_FDCWD|open|creat)\(?,?\s*"([^"]+)",\s*([A-Z_|]+)(?:,\s*(0\d+))?')
created = re.compile(r'^\d+\s+(?:mkdir|mkdirat\(AT_FDCWD,)\s*"([^"]+)",\s*(0\d+)')
problems, files = [], 0
made_private = set()  # created 0600 earlier: a later open with O_CREAT creates nothing
os.umask(0o022)
for args in commands:
    log = os.path.join(work, "trace")
    run = subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,creat,mkdir,mkdirat",
                          "-o", log, cli, "--database", db, "--today", "2026-11-23"] + args,
                         env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        problems.append(f"{' '.join(args)} failed: {run.stderr.strip()}")
        continue
    for line in open(log, encoding="utf-8", errors="replace"):
        m = create.match(line)
        if not m or "O_CREAT" not in m.group(2):
            continue
        path = os.path.normpath(os.path.join(work, m.group(1)))
        mode = int(m.group(3), 8) if m.group(3) else 0o666
        if path.startswith(cache + os.sep) or path.startswith("/dev/"):
            continue
        if sqlite_scratch.match(path) and mode & 0o077 == 0:
            continue
        if path in made_private:
            continue
        files += 1
        if mode & 0o077 == 0:
            made_private.add(path)
        if not (path.startswith(company + os.sep) or path.startswith(out + os.sep)):
            problems.append(f"{' '.join(args)}: wrote {path}, outside the folders it was given")
        elif mode & 0o077:
            problems.append(f"{' '.join(args)}: created {path} with mode {oct(mode)}")
# And what is left on disk, whatever made it.
for root, dirs, names in os.walk(work):
    if root.startswith(cache) or root == work:
        continue
    for name in names:
        path = os.path.join(root, name)
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & 0o077:
            problems.append(f"{path} is {oct(mode)}, readable by others")
shutil.rmtree(work)
print(f"{len(commands)} commands traced, {files} files created by them")
for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems or files < 10 else 0)
