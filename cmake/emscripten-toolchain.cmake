# The Emscripten toolchain for the web preset (CMakePresets.json "toolchainFile"), found from the
# environment, with Debian's as the default:
#   EMSCRIPTEN_ROOT  an Emscripten folder (the one holding emcc and cmake/Modules/Platform/)
#   EMSCRIPTEN       the same, under the name Emscripten's own toolchain file reads
#   EMSDK            an emsdk checkout (as its emsdk_env.sh sets it): $EMSDK/upstream/emscripten
#   none of them     /usr/share/emscripten (Debian's emscripten package, what scripts/setup.sh installs)
# The first one set wins. Then Emscripten's own Emscripten.cmake is read from there.
# By hand: cmake -S . -B build/x --toolchain cmake/emscripten-toolchain.cmake
if(NOT "$ENV{EMSCRIPTEN_ROOT}" STREQUAL "")
  set(_yibao_em_root "$ENV{EMSCRIPTEN_ROOT}")
  set(_yibao_em_from "EMSCRIPTEN_ROOT")
elseif(NOT "$ENV{EMSCRIPTEN}" STREQUAL "")
  set(_yibao_em_root "$ENV{EMSCRIPTEN}")
  set(_yibao_em_from "EMSCRIPTEN")
elseif(NOT "$ENV{EMSDK}" STREQUAL "")
  set(_yibao_em_root "$ENV{EMSDK}/upstream/emscripten")
  set(_yibao_em_from "EMSDK")
else()
  set(_yibao_em_root "/usr/share/emscripten")
  set(_yibao_em_from "the default")
endif()

set(_yibao_em_toolchain "${_yibao_em_root}/cmake/Modules/Platform/Emscripten.cmake")
if(NOT EXISTS "${_yibao_em_toolchain}")
  message(FATAL_ERROR "Emscripten not found: ${_yibao_em_toolchain} (from ${_yibao_em_from}) does not exist. "
                      "Install Debian's emscripten (make setup), or set EMSCRIPTEN_ROOT to an Emscripten "
                      "folder or EMSDK to an emsdk checkout.")
endif()
# Said once (CMake reads a toolchain file more than once).
get_property(_yibao_em_said GLOBAL PROPERTY YIBAO_EMSCRIPTEN_TOOLCHAIN_SAID)
if(NOT _yibao_em_said AND NOT CMAKE_PROJECT_NAME STREQUAL "CMAKE_TRY_COMPILE")
  message(STATUS "Emscripten toolchain: ${_yibao_em_toolchain} (${_yibao_em_from})")
  set_property(GLOBAL PROPERTY YIBAO_EMSCRIPTEN_TOOLCHAIN_SAID TRUE)
endif()
include("${_yibao_em_toolchain}")
