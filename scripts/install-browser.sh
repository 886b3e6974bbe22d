#!/usr/bin/env bash
# Installs Debian's headless browser for the web console's tests (ConsoleBrowserTest): chromium and
# chromium-driver, only when they are missing. Non-interactive; needs root or sudo and apt-get.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: no apt-get here; install chromium and chromedriver at /usr/bin yourself" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-browser: installing chromium and chromium-driver (Debian packages) ..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium chromium-driver >/dev/null
