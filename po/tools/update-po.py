#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerate po/zh_CN.po and po/zh_TW.po from po/attain.pot and translations.py.

Fails (exit 1) listing every msgid that has no translation, so a new string cannot slip in
untranslated. Run after `ninja -C _build attain-pot`."""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from translations import T  # noqa: E402


def unquote(lines):
    return ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', lines)).encode().decode('unicode_escape').encode('latin-1').decode('utf-8')


def quote(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'


def entries(pot):
    for block in pot.split('\n\n')[1:]:
        ctx = re.search(r'^msgctxt (".*")$', block, re.M)
        mid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        comments = [l for l in block.splitlines() if l.startswith('#')]
        yield (unquote(ctx.group(1)) if ctx else None, unquote(mid.group(1)), comments,
               unquote(re.search(r'^msgid_plural ((?:".*"\n?)+)', block, re.M).group(1))
               if 'msgid_plural' in block else None)


def main():
    pot = open(os.path.join(PO, 'attain.pot'), encoding='utf-8').read()
    missing = []
    for index, (lang, team) in enumerate([('zh_CN', 'Chinese (simplified)'), ('zh_TW', 'Chinese (traditional)')]):
        out = ['# %s translation of Attain.' % team,
               '# SPDX-License-Identifier: GPL-3.0-or-later',
               'msgid ""', 'msgstr ""',
               '"Project-Id-Version: attain\\n"',
               '"PO-Revision-Date: 2026-11-23 00:00+0000\\n"',
               '"Last-Translator: The Attain developers\\n"',
               '"Language-Team: %s\\n"' % team,
               '"Language: %s\\n"' % lang,
               '"MIME-Version: 1.0\\n"',
               '"Content-Type: text/plain; charset=UTF-8\\n"',
               '"Content-Transfer-Encoding: 8bit\\n"',
               '"Plural-Forms: nplurals=1; plural=0;\\n"', '']
        for ctx, mid, comments, plural in entries(pot):
            key = (ctx, mid)
            if key not in T:
                if index == 0:
                    missing.append(key)
                continue
            out.extend(comments)
            if ctx is not None:
                out.append('msgctxt ' + quote(ctx))
            out.append('msgid ' + quote(mid))
            if plural is not None:
                # Chinese has one form (nplurals=1).
                out.append('msgid_plural ' + quote(plural))
                out.append('msgstr[0] ' + quote(T[key][index]))
            else:
                out.append('msgstr ' + quote(T[key][index]))
            out.append('')
        open(os.path.join(PO, lang + '.po'), 'w', encoding='utf-8').write('\n'.join(out))
    if missing:
        for key in missing:
            print('untranslated:', key, file=sys.stderr)
        sys.exit(1)


main()
