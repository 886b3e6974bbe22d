#!/usr/bin/env bash
# Installs Debian's headless browsers for the web console's tests, only what is missing: chromium
# and chromium-driver (ConsoleBrowserTest, ConsoleCompetitiveBrowserTest, through Selenium) and
# firefox-esr (ConsoleBrowserTest's Firefox check, driven over WebDriver BiDi: Debian has no
# geckodriver). Non-interactive; needs root or sudo and apt-get.
set -euo pipefail
missing=()
if [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
if [ ! -x /usr/bin/chromedriver ]; then
  missing+=(chromium-driver)
fi
if [ ! -x /usr/bin/firefox-esr ] && [ ! -x /usr/bin/firefox ]; then
  missing+=(firefox-esr)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: no apt-get here; install ${missing[*]} yourself (at /usr/bin)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-browser: installing ${missing[*]} (Debian packages) ..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
