#!/usr/bin/env bash
# The browser and end-to-end tests drive Debian's Chromium; no test tool downloads a browser.
# Installs it with apt-get when it is absent and we are root, else says how.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests (once)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $chromium: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)." >&2
exit 1
