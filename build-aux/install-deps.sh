#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what building, running and testing Attain needs on Debian 12, only what is missing.
# Usage: build-aux/install-deps.sh [run|test]
set -eu

packages="gcc pkg-config meson ninja-build gettext libxml2-utils
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev libxlsxwriter-dev libgsf-1-dev libxml2-dev libicu-dev fonts-noto-cjk desktop-file-utils appstream"
if [ "${1:-run}" = test ]; then
  packages="$packages xvfb xauth dbus dbus-x11 at-spi2-core locales strace sqlite3 clang clang-format libclang-rt-14-dev poppler-utils python3-openpyxl python3-pyatspi xdotool
    cups cups-client cups-bsd printer-driver-cups-pdf"
fi

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

# Chinese and English locales for looking at the app and its tests in each language.
if [ "${1:-run}" = test ] && command -v localedef >/dev/null; then
  for l in zh_CN zh_TW en_US; do
    locale -a 2>/dev/null | grep -qi "^$l.utf-\?8$" && continue
    if [ "$(id -u)" = 0 ]; then localedef -i "$l" -f UTF-8 "$l.UTF-8" || true
    else sudo localedef -i "$l" -f UTF-8 "$l.UTF-8" || true; fi
  done
fi
