#!/usr/bin/env bash
# The web front-end's own set-up, called by scripts/setup.sh after the apt packages are in:
#  1. the Dear ImGui source into third_party/imgui (from Debian's source package; gitignored),
#  2. the browser tests' npm packages (playwright-core) into tests/web/node_modules.
# Safe to run again: each step is skipped when its result is already there.
# IMGUI_DIR=/path/to/imgui skips step 1 (cmake takes -DIMGUI_DIR too).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

imgui_version="1.90.1+ds-1"   # trixie; bookworm's 1.86 lacks the input-event API we use
dest="third_party/imgui"

if [ -n "${IMGUI_DIR:-}" ]; then
  echo "setup-web: using IMGUI_DIR=$IMGUI_DIR"
elif [ -f "$dest/imgui.h" ] && [ -f "$dest/backends/imgui_impl_opengl3.cpp" ]; then
  echo "setup-web: Dear ImGui already in $dest"
else
  # A deb-src entry for the Debian mirror this machine already uses (source packages only:
  # binary installs are unaffected).
  src_list=/etc/apt/sources.list.d/yibao-src.sources
  mirror="$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  if [ ! -f "$src_list" ]; then
    echo "setup-web: adding $src_list (deb-src bookworm trixie)"
    $SUDO tee "$src_list" >/dev/null <<EOF
Types: deb-src
URIs: $mirror
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    $SUDO apt-get update -qq
  fi
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  chmod 777 "$tmp"
  ( cd "$tmp" && {
      apt-get source --download-only -qq "imgui=$imgui_version" 2>/dev/null ||
      apt-get source --download-only -qq imgui/trixie
    } )
  orig="$(ls "$tmp"/imgui_*.orig.tar.* | head -n1)"
  mkdir -p third_party
  rm -rf "$dest" "$dest.tmp"
  mkdir -p "$dest.tmp"
  tar -xf "$orig" -C "$dest.tmp" --strip-components=1
  mv "$dest.tmp" "$dest"
  echo "setup-web: Dear ImGui $(sed -n 's/^#define IMGUI_VERSION  *"\(.*\)"/\1/p' "$dest/imgui.h") in $dest"
fi

# playwright-core for the browser tests (no browser download: the tests use /usr/bin/chromium).
if [ -d tests/web/node_modules/playwright-core ]; then
  echo "setup-web: tests/web/node_modules already there"
else
  ( cd tests/web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error )
fi
