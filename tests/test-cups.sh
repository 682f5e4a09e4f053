#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Prints a review to a real CUPS queue (cups-pdf) and checks the file CUPS produces: page count,
# A4, ink on the page. The job is rendered by the app's GtkPrintOperation code and submitted with
# lp (see print-review.c for why not by GTK itself). Skips (77) where it cannot run a scheduler.
#
# The scheduler is private: its own configuration, spool, logs and socket in a temporary folder,
# stopped at the end. The system's CUPS, its queues and its default printer are never touched (a
# root ./run-tests on a director's machine used to add a queue and make it the default).
set -u
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
[ "$(id -u)" = 0 ] || { echo "SKIP: running cupsd needs root"; exit 77; }
[ -x /usr/sbin/cupsd ] && command -v lpadmin >/dev/null && [ -f "$PPD" ] && command -v pdfinfo >/dev/null \
  || { echo "SKIP: cups, printer-driver-cups-pdf or poppler-utils missing"; exit 77; }

work=$(mktemp -d)
chmod 755 "$work"
cupsd_pid=""
made_pdf_dir=""
cleanup() {
  if [ -n "$cupsd_pid" ]; then
    kill "$cupsd_pid" 2>/dev/null
    wait "$cupsd_pid" 2>/dev/null
  fi
  [ -n "$made_pdf_dir" ] && rmdir "$made_pdf_dir" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/etc" "$work/spool/tmp" "$work/log" "$work/cache" "$work/state"
printf '%s\n' "Listen $work/cups.sock" "LogLevel warn" "WebInterface No" "Browsing No" \
  "<Location />" "  Order allow,deny" "  Allow all" "</Location>" \
  "<Policy default>" "  <Limit All>" "    Order deny,allow" "  </Limit>" "</Policy>" > "$work/etc/cupsd.conf"
printf '%s\n' "ServerRoot $work/etc" "RequestRoot $work/spool" "TempDir $work/spool/tmp" \
  "CacheDir $work/cache" "StateDir $work/state" "ErrorLog $work/log/error_log" \
  "AccessLog $work/log/access_log" "PageLog $work/log/page_log" > "$work/etc/cups-files.conf"
/usr/sbin/cupsd -f -c "$work/etc/cupsd.conf" -s "$work/etc/cups-files.conf" > "$work/log/stdout" 2>&1 &
cupsd_pid=$!
CUPS_SERVER="$work/cups.sock"
export CUPS_SERVER
for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.2; done
lpstat -r 2>/dev/null | grep -q "is running" \
  || { echo "SKIP: the private CUPS scheduler did not start here"; cat "$work/log/stdout"; exit 77; }
lpadmin -p AttainPDF -v cups-pdf:/ -E -P "$PPD" 2>/dev/null || { echo "FAIL: could not add the cups-pdf queue"; exit 1; }

"$ATTAIN_CLI" --database "$work/cups.db" --today 2026-11-23 demo --quiet || exit 1
"$ATTAIN_CLI" --database "$work/cups.db" --today 2026-11-23 report --person 5 --period 2026-Q3 -o "$work/expected.pdf" -q || exit 1
expected=$(pdfinfo "$work/expected.pdf" | awk '/^Pages:/ {print $2}')

job="attain-cups-test-$$"
# cups-pdf writes into the job owner's ~/PDF (its configuration is the system's): the file is
# removed below, and the folder too if this test made it.
out_dir="$HOME/PDF"
[ -d "$out_dir" ] || made_pdf_dir="$out_dir"
rm -f "$out_dir/$job"*
"$PRINT_REVIEW" "$work/cups.db" 5 2026-Q3 "$work/job.pdf" || { echo "FAIL: rendering the print job failed"; exit 1; }
lp -d AttainPDF -t "$job" "$work/job.pdf" || { echo "FAIL: the queue refused the job"; exit 1; }

printed=""
for _ in $(seq 120); do
  printed=$(ls "$out_dir/$job"*.pdf 2>/dev/null | head -n 1)
  [ -n "$printed" ] && [ -s "$printed" ] && sleep 0.5 && break
  sleep 0.5
done
[ -n "$printed" ] || { echo "FAIL: no file from the queue in $out_dir"; lpstat -W all -o; tail -20 "$work/log/error_log"; exit 1; }

pages=$(pdfinfo "$printed" | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$printed" | awk '/^Page size:/ {print $3 "x" $5}')
# Ghostscript's PDF carries no text layer, so look for ink: dark pixels on a small gray render.
dark=$(pdftoppm -gray -r 20 -f 1 -l 1 "$printed" | tail -c +16 | od -An -v -tu1 | tr -s ' ' '\n' | awk '$1 != "" && $1 < 128' | wc -l)
echo "queue wrote $printed: $pages pages, $size pt (expected $expected pages, A4); page 1 has $dark dark pixels at 20 dpi"
rm -f "$printed"
[ "$pages" = "$expected" ] || { echo "FAIL: $pages pages printed, $expected expected"; exit 1; }
case "$size" in 595*x841*|595*x842*) ;; *) echo "FAIL: page size $size is not A4"; exit 1;; esac
[ "$dark" -gt 200 ] || { echo "FAIL: page 1 looks blank"; exit 1; }
echo "PASS"
