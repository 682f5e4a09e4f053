#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the import fuzz target with clang's libFuzzer (plus ASan and UBSan) and runs it on the
# fixtures as a seed corpus. Usage: run-libfuzzer.sh SRCDIR BUILDDIR [SECONDS]
set -eu
src=$1; build=$2; seconds=${3:-15}
command -v clang >/dev/null 2>&1 || { echo "clang is not installed: skipping the libFuzzer run"; exit 77; }
out="$build/fuzz-import-libfuzzer"
# shellcheck disable=SC2046
clang -g -O1 -fsanitize=fuzzer,address,undefined -DGETTEXT_PACKAGE='"attain"' \
  -I"$src/src" -I"$src/src/model" \
  "$src/tests/fuzz/fuzz-import.c" "$src/src/model/attain-sheet.c" "$src/src/model/attain-xlsx.c" \
  "$src/src/model/attain-parse.c" "$src/src/model/attain-i18n.c" \
  $(pkg-config --cflags --libs glib-2.0 gio-2.0 libgsf-1 libxml-2.0) -o "$out"
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp "$src"/tests/fixtures/import/*.csv "$corpus"/
"$out" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 -print_final_stats=1 "$corpus" 2>&1 | tail -25
