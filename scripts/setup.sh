#!/usr/bin/env bash
# Installs what building and testing Kommunrapport needs on Debian/Ubuntu: the Debian packages
# in scripts/debian-packages.txt (poppler-glib and cairo headers, pkg-config, sqlite3, python3
# for the corpus scorer). Swift itself must already be on PATH (swift.org toolchain, 6.0 or newer).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
while read -r pkg; do
  [ -n "$pkg" ] || continue
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done < scripts/debian-packages.txt
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "setup: swift is not on PATH; install a Swift 6 toolchain from swift.org first" >&2
  exit 1
fi
