#!/usr/bin/env bash
# The browser and end-to-end tests drive Debian's Chromium, the cross-engine tests Debian's Firefox ESR and
# WebKitGTK (WebKitWebDriver and MiniBrowser, under Xvfb), and the end-to-end tests serve the build with Debian's
# nginx (with the brotli_static module), as a static host would; no test tool downloads a browser.
# Installs whatever of them is absent with apt-get when we are root, else says how.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
brotli_static=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
missing=()
[ -x "$chromium" ] || missing+=(chromium)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f "$brotli_static" ] || missing+=(libnginx-mod-http-brotli-static)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
[ -x /usr/bin/Xvfb ] || missing+=(xvfb)
[ ${#missing[@]} = 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${missing[*]} for the tests (once)…"
  export DEBIAN_FRONTEND=noninteractive
  # The tests run their own nginx on a port of their own: keep the package from starting a system one on port 80.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get update -q >/dev/null
  apt-get install -y -q "${missing[@]}" >/dev/null
  exit 0
fi
echo "The tests need Debian's ${missing[*]}: run 'sudo apt-get install ${missing[*]}'" \
  "(or set CHROMIUM_PATH for Chromium)." >&2
exit 1
