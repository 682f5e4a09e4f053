#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The C sources follow .clang-format: any file clang-format would change fails the test, with
# the first differences shown. Usage: check-format.sh SRCDIR
set -eu
command -v clang-format >/dev/null 2>&1 || { echo "clang-format is not installed: skipping"; exit 77; }
cd "$1"
find src tests -name '*.[ch]' -print | LC_ALL=C sort | xargs clang-format --dry-run -Werror
