#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine (as root, or with sudo):
# the native toolchain and libraries, Emscripten, fonts, Chromium for the browser tests,
# the Dear ImGui source and the npm packages of the browser tests. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(
  g++ cmake make pkg-config          # native build
  nlohmann-json3-dev libgtest-dev googletest   # JSON, tests
  clang libclang-rt-14-dev           # fuzzing: clang++ -fsanitize=fuzzer,address,undefined (tests/fuzz)
  libcli11-dev                       # the CLI's options (CLI11 2.1)
  emscripten                         # WebAssembly build (3.1.6, system clang/lld/binaryen)
  binaryen                           # wasm-split: the page in two parts (web/tools/split_wasm.py)
  python3 python3-fonttools brotli gzip   # font subsetting, compressed sizes, local server
  python3-jsonschema                 # rules/schema.json checked against the rules (tests/rules_schema_check.py)
  terser                             # the page's script minified (cmake/web.cmake)
  fonts-noto-cjk                     # Simplified Chinese glyphs, subset at build time
  chromium                           # headless browser tests
  webkit2gtk-driver xvfb             # WebKitGTK browser test (tests/web/engines.test.mjs): WebKitWebDriver, MiniBrowser, an X display
  firefox-esr libgl1-mesa-dri        # Firefox ESR browser test (puppeteer-core over WebDriver BiDi); WebGL on Xvfb through Mesa
  nodejs npm                         # playwright-core (only when node is missing)
  dpkg-dev                           # apt-get source (Dear ImGui)
  clang-format                       # make format, make format-check (.clang-format)
)

missing=()
for p in "${packages[@]}"; do
  case "$p" in
    nodejs|npm) command -v node >/dev/null && command -v npm >/dev/null && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Dear ImGui source and the browser tests' npm packages.
if [ -f scripts/setup-web.sh ]; then bash scripts/setup-web.sh; fi
echo "setup: done"
