#!/usr/bin/env bash
# The web front-end's own set-up, called by scripts/setup.sh after the apt packages are in:
#  1. the Dear ImGui source into third_party/imgui (from Debian's source package; gitignored),
#  2. the browser tests' npm packages (playwright-core, axe-core, puppeteer-core, acorn-globals) into tests/web/node_modules.
# Safe to run again: each step is skipped when its result is already there.
# IMGUI_DIR=/path/to/imgui skips step 1 (cmake takes -DIMGUI_DIR too).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Dear ImGui, pinned: Debian's source package imgui 1.90.1+ds-1 from trixie (bookworm's 1.86 lacks
# the input-event API the page uses). The .orig tarball must have this SHA-256 (the one in trixie's
# signed Sources index): any other file is refused, and no other version or suite is tried.
imgui_version="1.90.1+ds-1"
imgui_orig="imgui_1.90.1+ds.orig.tar.xz"
imgui_orig_sha256="ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c"
dest="third_party/imgui"
stamp="$dest/.yibao-imgui"   # what is in $dest: "<orig tarball> <its sha256>"

if [ -n "${IMGUI_DIR:-}" ]; then
  echo "setup-web: using IMGUI_DIR=$IMGUI_DIR"
elif [ -f "$dest/imgui.h" ] && [ -f "$dest/backends/imgui_impl_opengl3.cpp" ] &&
     [ "$(cat "$stamp" 2>/dev/null)" = "$imgui_orig $imgui_orig_sha256" ]; then
  echo "setup-web: Dear ImGui $imgui_version already in $dest"
else
  # A deb-src entry for trixie on the Debian mirror this machine already uses (source packages
  # only: binary installs are unaffected).
  src_list=/etc/apt/sources.list.d/yibao-src.sources
  mirror="$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  src_entry="Types: deb-src
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
  if [ "$(cat "$src_list" 2>/dev/null)" != "$src_entry" ]; then
    echo "setup-web: writing $src_list (deb-src trixie)"
    printf '%s\n' "$src_entry" | $SUDO tee "$src_list" >/dev/null
    $SUDO apt-get update -qq
  elif ! apt-cache showsrc imgui 2>/dev/null | grep -qx "Version: $imgui_version"; then
    $SUDO apt-get update -qq
  fi
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  # As root, apt downloads as its own user _apt: let it write into the folder (and nobody else).
  if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$tmp"; fi
  ( cd "$tmp" && apt-get source --download-only -qq "imgui=$imgui_version" ) || {
    echo "setup-web: cannot fetch Debian's imgui $imgui_version source (deb-src trixie): not in the index any more?" >&2
    echo "setup-web: pass IMGUI_DIR=/path/to/imgui-1.90.1 to use a copy of your own." >&2
    exit 1
  }
  if ! ( cd "$tmp" && echo "$imgui_orig_sha256  $imgui_orig" | sha256sum -c --quiet - ); then
    echo "setup-web: $imgui_orig does not have the SHA-256 recorded in scripts/setup-web.sh; refusing it." >&2
    exit 1
  fi
  mkdir -p third_party
  rm -rf "$dest.tmp"
  mkdir -p "$dest.tmp"
  tar -xf "$tmp/$imgui_orig" -C "$dest.tmp" --strip-components=1
  echo "$imgui_orig $imgui_orig_sha256" > "$dest.tmp/.yibao-imgui"
  if [ -d "$dest" ] && diff -rq -x .yibao-imgui "$dest" "$dest.tmp" >/dev/null 2>&1; then
    # The same files already there (a checkout from before the stamp): only record them.
    mv "$dest.tmp/.yibao-imgui" "$stamp"
    rm -rf "$dest.tmp"
  else
    rm -rf "$dest"
    mv "$dest.tmp" "$dest"
  fi
  echo "setup-web: Dear ImGui $(sed -n 's/^#define IMGUI_VERSION  *"\(.*\)"/\1/p' "$dest/imgui.h") in $dest ($imgui_orig, sha256 verified)"
fi

# playwright-core, axe-core, puppeteer-core and acorn-globals for the browser tests (no browser
# download: the tests use Debian's /usr/bin/chromium and firefox-esr), exactly as
# tests/web/package-lock.json pins them: installed again whenever the lock file changed since the
# last install (a copy of it is kept in node_modules).
if [ -d tests/web/node_modules ] && cmp -s tests/web/package-lock.json tests/web/node_modules/.yibao-package-lock.json; then
  echo "setup-web: tests/web/node_modules already there"
else
  ( cd tests/web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error &&
    cp package-lock.json node_modules/.yibao-package-lock.json )
fi
