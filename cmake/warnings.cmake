# One set of compiler warnings for every target of ours: the core, the screens' model, the CLI, the
# tests, the benchmark, the fuzz targets and the page (cmake/web.cmake), so the WebAssembly build
# (em++, i.e. clang) warns about what the native build (g++ or clang++) warns about.
#
#   yibao_warnings(target...)
#
# Third-party code is left alone: Dear ImGui's own sources (yibao_imgui) get none of these, and the
# headers of ImGui, nlohmann_json, CLI11 and GoogleTest come in as system headers.
#
# Left out, because the code does not pass them yet (add them here once it does):
#   -Wshadow           src/ui/form.cpp (a lambda's parameter `d` inside `auto d = find_if(...)`),
#                      src/ui/screens/answer.cpp (a local shadowing a local)
#   -Wextra-semi       clang: the `;` after each EM_JS(...) in src/platform/main_web.cpp
#   -Wdouble-promotion src/platform/input.cpp (float velocity mixed with a double)
#   -Wuseless-cast     g++: src/core/coverage.cpp (a std::string(...) around a std::string)
#   -Wconversion, -Wsign-conversion, -Wcomma: many sites, each harmless today
include_guard(GLOBAL)

set(YIBAO_WARNINGS
  -Wall -Wextra -Wpedantic
  -Wnon-virtual-dtor -Woverloaded-virtual   # class hierarchies
  -Wcast-qual -Wold-style-cast -Wcast-align # casts that drop const, C casts
  -Wformat=2                                # printf-style formats, non-literal ones included
  -Wimplicit-fallthrough                    # a switch case running into the next
  -Wundef                                   # #if on an undefined macro
  -Wmisleading-indentation)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  list(APPEND YIBAO_WARNINGS
    -Wmissing-declarations  # a function with external linkage and no declaration before it
    -Wduplicated-cond -Wduplicated-branches -Wlogical-op -Wredundant-decls)  # g++ only
  # g++ 12 at -O2 reports `"x" + std::string(...)` inside libstdc++'s own basic_string as an
  # overlapping memcpy (-Wrestrict, part of -Wall): a false positive of that compiler version.
  if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    list(APPEND YIBAO_WARNINGS -Wno-restrict)
  endif()
elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang")  # clang++, and em++ for the page
  list(APPEND YIBAO_WARNINGS -Wmissing-prototypes)  # clang's name for -Wmissing-declarations
endif()

function(yibao_warnings)
  foreach(target IN LISTS ARGN)
    if(MSVC)
      target_compile_options(${target} PRIVATE /W4)
    else()
      target_compile_options(${target} PRIVATE ${YIBAO_WARNINGS})
    endif()
  endforeach()
endfunction()
