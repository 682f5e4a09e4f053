#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not a test): from start to the first painted frame of the dashboard with data, next
# to a bare GTK 4 window doing the same; median wall time and peak memory of 7 paired runs.
# Usage: bench-startup.sh ATTAIN BARE [DATABASE]; run under a display (xvfb-run).
set -eu
attain=$1; bare=$2; db=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "$db" ]; then
  db="$tmp/demo.db"
  "$(dirname "$attain")/attain-cli" --database "$db" demo --quiet
fi
measure() {
  /usr/bin/time -f "%e %M" -o "$tmp/t" "$@" >/dev/null 2>&1 || true
  cat "$tmp/t"
}
: > "$tmp/a"; : > "$tmp/b"
for i in 1 2 3 4 5 6 7; do
  measure "$attain" --database "$db" --quit-after-first-frame >> "$tmp/a"
  measure "$bare" >> "$tmp/b"
done
median() { sort -n -k"$2" "$1" | sed -n 4p | cut -d' ' -f"$2"; }
ta=$(median "$tmp/a" 1); ma=$(median "$tmp/a" 2)
tb=$(median "$tmp/b" 1); mb=$(median "$tmp/b" 2)
echo "first painted frame with data: attain ${ta} s, ${ma} KiB; bare GTK window ${tb} s, ${mb} KiB"
awk -v a="$ta" -v b="$tb" -v c="$ma" -v d="$mb" 'BEGIN { printf "ratio: %.2fx time, %.2fx memory\n", a / b, c / d }'
