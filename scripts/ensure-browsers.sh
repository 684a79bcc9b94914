#!/usr/bin/env bash
# Makes sure the end-to-end tests have what they drive: Debian's chromium and
# firefox-esr, and openssl for the replay server's throwaway certificate.
# As root it installs what is missing with apt-get; otherwise it says what to install.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
firefox_path="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
missing=()
[ -x "$chromium_path" ] || missing+=(chromium)
[ -x "$firefox_path" ] || missing+=(firefox-esr)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the end-to-end tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi

echo "The end-to-end tests need: ${missing[*]}" >&2
echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
echo "(or point CHROMIUM_PATH / FIREFOX_PATH at existing binaries)" >&2
exit 1
