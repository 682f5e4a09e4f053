#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a fuzz target with clang's libFuzzer (plus ASan and UBSan) and runs it for a bounded
# time. Usage: run-libfuzzer.sh SRCDIR BUILDDIR [SECONDS] [import|layout]
#   import: encoding detection, the CSV reader and the value parsers, seeded with the fixtures;
#   layout: the printed document's pagination and drawing on arbitrary text.
set -eu
src=$1; build=$2; seconds=${3:-15}; target=${4:-import}
command -v clang >/dev/null 2>&1 || { echo "clang is not installed: skipping the libFuzzer run"; exit 77; }
out="$build/fuzz-$target-libfuzzer"
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
case $target in
  import)
    # shellcheck disable=SC2046
    clang -g -O1 -fsanitize=fuzzer,address,undefined -DGETTEXT_PACKAGE='"attain"' \
      -I"$src/src" -I"$src/src/model" \
      "$src/tests/fuzz/fuzz-import.c" "$src/src/model/attain-sheet.c" "$src/src/model/attain-xlsx.c" \
      "$src/src/model/attain-parse.c" "$src/src/model/attain-i18n.c" "$src/src/model/attain-period.c" \
      $(pkg-config --cflags --libs glib-2.0 gio-2.0 libgsf-1 libxml-2.0) -o "$out"
    cp "$src"/tests/fixtures/import/*.csv "$corpus"/
    ;;
  layout)
    # shellcheck disable=SC2046
    clang -g -O1 -fsanitize=fuzzer,address,undefined -DGETTEXT_PACKAGE='"attain"' \
      -I"$src/src" -I"$src/src/model" \
      "$src/tests/fuzz/fuzz-layout.c" "$src/src/report/attain-document.c" "$src/src/charts/attain-chart-text.c" \
      "$src/src/model/attain-private-file.c" "$src/src/model/attain-watch.c" \
      "$src/src/model/attain-i18n.c" \
      $(pkg-config --cflags --libs glib-2.0 gio-2.0 pangocairo cairo) -o "$out"
    printf '\003回款跟进 follow-up\001\004客户 A\001\005Team one' > "$corpus/seed"
    ;;
  *) echo "unknown fuzz target: $target" >&2; exit 2 ;;
esac
# The font stack's process-lifetime caches are not leaks of ours. A crash, leak or hang fails
# the test with libFuzzer's status; the log's end shows the figures either way.
status=0
LSAN_OPTIONS="suppressions=$src/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
  "$out" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=20000 -print_final_stats=1 \
  -artifact_prefix="$build/" "$corpus" > "$corpus/log" 2>&1 || status=$?
tail -25 "$corpus/log"
exit "$status"
