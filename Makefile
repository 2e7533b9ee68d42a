# Thin named targets over the CMake presets (CMakePresets.json) and the scripts in scripts/.
# make run   — set up this machine, build everything and serve the calculator (the main job)
# make test  — set up, build, and run every test (native GoogleTest suite + browser tests)
# make web-single — build/web-single/yibao-calc.html: the whole page in one file (opens from file://)

PORT ?= 8080
# Emscripten's environment on Debian (see cmake/web.cmake for the compiler and linker flags; the
# toolchain is EMSCRIPTEN_ROOT's, EMSDK's or else Debian's: cmake/emscripten-toolchain.cmake).
# Debian's emscripten ships its system libraries prebuilt in a frozen cache (/usr/share/emscripten/cache):
# use it as is (an EM_CACHE elsewhere would be empty and frozen, and the build would fail).
WEB_ENV = NODE_PATH=/usr/share/nodejs

.PHONY: setup build web web-single test test-native test-asan test-web run serve bench bench-web first-glyphs split-profile rules-check clean \
        fuzz-build fuzz fuzz-smoke format format-check

setup:
	bash scripts/setup.sh

build:
	cmake --preset native
	cmake --build --preset native -j

web:
	$(WEB_ENV) cmake --preset web
	$(WEB_ENV) cmake --build --preset web -j

web-single: web
	$(WEB_ENV) cmake --build --preset web --target yibao_web_single
	@echo "yibao-calc: single file in build/web-single/yibao-calc.html"

# The native suite twice: the release build, then under AddressSanitizer + UBSan (test-asan).
test-native: build
	ctest --preset native
	$(MAKE) test-asan

# build/native-asan: -O1 -g, ASan + UBSan, any report fails the test (CMakePresets.json).
test-asan:
	cmake --preset native-asan
	cmake --build --preset native-asan -j
	ctest --preset native-asan

test-web: web web-single build
	cd tests/web && node run.mjs

test: setup
	$(MAKE) format-check
	$(MAKE) test-native
	$(MAKE) test-web
	$(MAKE) fuzz-smoke

rules-check: build
	./build/native/yibao rules check rules

serve:
	@echo "yibao-calc: http://localhost:$(PORT)/  (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory build/web

run: setup
	$(MAKE) build web
	./build/native/yibao quote --year 2026 --district wanzhou --category 101 --tier 1 --paid 2025-12-20 --continuous
	$(MAKE) serve

# libFuzzer targets (clang, ASan + UBSan) in build/fuzz; see tests/fuzz/run.py.
# make fuzz: both targets at once for FUZZ_SECONDS each; make fuzz-smoke: 30 s each, fails on any finding.
FUZZ_SECONDS ?= 600
FUZZ_BUILD_JOBS ?= 2

fuzz-build:
	cmake --preset fuzz
	cmake --build --preset fuzz -j $(FUZZ_BUILD_JOBS)

fuzz: fuzz-build
	python3 tests/fuzz/run.py --seconds $(FUZZ_SECONDS)

fuzz-smoke: fuzz-build
	python3 tests/fuzz/run.py --smoke

bench: build
	./build/native/yibao_bench

bench-web: web
	cd tests/web && node bench.mjs

# web/deferred-functions.txt: the functions no first frame runs (yibao-deferred.wasm, fetched after
# the first frame), taken from the page instrumented by wasm-split; then the page again, split anew.
split-profile: web
	cd tests/web && node split_profile.mjs
	$(MAKE) web

# web/first-glyphs.txt: the characters first screens show (the first font holds them), taken from
# the built page; then the page again with the new first font.
first-glyphs: web
	cd tests/web && node first_glyphs.mjs
	$(MAKE) web

# C++ layout (.clang-format) over every *.cpp and *.h under src/ and tests/: `make format` rewrites
# them, `make format-check` only says which differ and fails (clang-format --dry-run -Werror).
# `make test` runs format-check first.
CLANG_FORMAT ?= clang-format
FORMAT_FILES = $(shell find src tests -name node_modules -prune -o \( -name '*.cpp' -o -name '*.h' \) -print | LC_ALL=C sort)

format:
	$(CLANG_FORMAT) -i $(FORMAT_FILES)

format-check:
	$(CLANG_FORMAT) --dry-run -Werror $(FORMAT_FILES)

clean:
	rm -rf build
