#!/usr/bin/env bash
# Installs the Debian packages Pressroom's tests and tools need, only those missing.
#   libreoffice-writer-nogui : DOCX -> PDF conversion in tests and docs
#   poppler-utils            : pdftoppm/pdftotext for rendered pages
#   chromium                 : headless browser for Playwright tests
#   postgresql               : database tests against a real server
#   hunspell-ru/en-gb/en-us  : spelling dictionaries (read by spylls, no network)
#   libhunspell-1.7-0        : the Hunspell C library (fast dictionary loading; spylls is the fallback)
#   default-jre-headless maven : LanguageTool server from Maven Central
#   python3-uno              : drives LibreOffice's own LanguageTool client in tests (issue 16)
set -euo pipefail
want=(libreoffice-writer-nogui poppler-utils chromium postgresql hunspell-ru hunspell-en-gb hunspell-en-us libhunspell-1.7-0 fonts-liberation fonts-dejavu-core maven python3-uno)
want+=("$@")  # extra packages named by the caller (make bench: hunspell, the anchor's command-line tool)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-system-deps: missing Debian packages: ${missing[*]} (run as root or install them)" >&2
  exit 0
fi
echo "install-system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
