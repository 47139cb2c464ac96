#!/usr/bin/env bash
# The tools the report tests look at the reports with, as a person would: headless Chromium
# (renders the HTML reports and their charts) and LibreOffice Calc (converts the XLSX workbooks
# to PDF). Present already: nothing to do. Missing on a Debian/Ubuntu machine where we are root:
# install Debian's chromium and libreoffice-calc-nogui (and a font). Otherwise say what to install.
set -euo pipefail

have_tools() {
    command -v chromium >/dev/null 2>&1 && command -v soffice >/dev/null 2>&1
}

if have_tools; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium and LibreOffice Calc (Debian packages) for the report tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends \
        chromium libreoffice-calc-nogui fonts-dejavu-core >/dev/null
    have_tools && exit 0
fi
echo "Chromium and LibreOffice (chromium, soffice) not found. Install them, e.g." >&2
echo "  sudo apt-get install chromium libreoffice-calc-nogui fonts-dejavu-core   (Debian/Ubuntu)" >&2
exit 1
