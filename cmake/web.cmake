# The WebAssembly build (Emscripten): every compiler and linker flag of the web page lives here.
# Included by the top-level CMakeLists.txt under Emscripten, before yibao_core is defined, so the
# compile options below apply to the core as well as to the page.
#
# Output: the deployable site in build/web/ (YIBAO_WEB_SITE), stamped by web/tools/stamp_site.py:
#   index.html      the HTML shell (web/index.html, version filled in)
#   sw.js           the service worker (web/sw.js): offline, one cache per version
#   manifest.webmanifest, icons/   the installable app (web/icons: web/tools/make_icons.py)
#   version.txt     the version: a hash of every file above; the page loads its files with ?v=it
#   yibao.js        Emscripten's loader + our window.yibao glue (web/js/*.js, joined into yibao_glue.js)
#   yibao-later.js  the glue's second part (semantics layer, picture, printout, ...), after the first frame
#   yibao.wasm      rule engine + rules + Dear ImGui screens + browser glue: what first frames run
#   yibao-deferred.wasm  the functions no first frame runs (web/deferred-functions.txt), fetched after it
#   yibao-sc.otf    Noto Sans CJK SC subset to the characters the page can show (after the first frame)
#   yibao-sc-first.otf  the same cut to what first screens show (web/first-glyphs.txt): the first frame
#   *.br            the same, brotli-compressed, for hosts that serve precompressed files
# and, with `make web-single`, build/web-single/yibao-calc.html (YIBAO_WEB_SINGLE): the whole page
# in one file that opens from file:// (web/tools/make_single.py).

get_filename_component(YIBAO_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(YIBAO_WEB_SITE "${YIBAO_ROOT}/build/web" CACHE PATH "Where the deployable site is written")
set(IMGUI_DIR "${YIBAO_ROOT}/third_party/imgui" CACHE PATH "Dear ImGui source (scripts/setup-web.sh fetches it)")
set(YIBAO_CJK_FONT "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" CACHE FILEPATH "Noto Sans CJK collection")
set(YIBAO_CJK_FONT_NUMBER 2 CACHE STRING "Index of Noto Sans CJK SC inside the collection")
find_program(YIBAO_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
find_program(YIBAO_PYTHON NAMES python3)
find_program(YIBAO_BROTLI brotli)
# terser (Debian's `terser`) minifies the page's script after linking: Emscripten's loader and our
# glue (web/js) with their comments and long names are 87 KB; minified 48 KB, 15 KB brotli (was 21).
find_program(YIBAO_TERSER terser)
if(NOT YIBAO_TERSER)
  message(FATAL_ERROR "terser not found: install Debian's terser (make setup)")
endif()

if(NOT EXISTS "${IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "Dear ImGui not found in ${IMGUI_DIR}: run scripts/setup-web.sh (or pass -DIMGUI_DIR=...)")
endif()
execute_process(COMMAND "${YIBAO_PYTHON}" -c "import fontTools.subset"
                RESULT_VARIABLE _yibao_fonttools OUTPUT_QUIET ERROR_QUIET)
if(NOT _yibao_fonttools EQUAL 0)
  message(FATAL_ERROR "${YIBAO_PYTHON} has no fontTools: install python3-fonttools (make setup)")
endif()

# --- compile flags for everything (core included) ---
# Size first: -Oz and LTO, no exceptions: the core finds where a JSON text broke through
# nlohmann's SAX interface (core/json_error.h) and never needs to catch.
set(CMAKE_CXX_FLAGS_MINSIZEREL "-Oz -DNDEBUG")
set(CMAKE_C_FLAGS_MINSIZEREL "-Oz -DNDEBUG")
# Bulk memory: memset and memcpy become one memory.fill / memory.copy instruction each, where -Oz
# left byte loops; stb_truetype clears every scanline of every glyph it rasterizes (issue 11, with
# the glyph ranges of platform/main_web.cpp: the atlas step 103 -> 90 ms and compiled -> first frame
# 369 -> 347 ms, means of 15 interleaved loads on the bench's phone). Browsers since 2021 have it
# (Safari 15, Chrome 75, Firefox 79); web/index.html (wasm_ok) checks for it with the other wasm
# features the module uses (web/tools/split_wasm.py FEATURES) and tells an older browser so.
add_compile_options(-flto -fno-exceptions -fno-rtti -mbulk-memory)
add_link_options(-flto -mbulk-memory)
add_compile_definitions(JSON_NOEXCEPTION)
# One flavour of nlohmann's templates in the page: the JSON it writes has sorted keys (core/out_json.h).
add_compile_definitions(YIBAO_JSON_SORTED_KEYS)

# --- nlohmann_json: an include folder holding only a link to /usr/include/nlohmann ---
# (never -I/usr/include: it would pull glibc's headers into the wasm build)
set(_yibao_json_inc "${CMAKE_BINARY_DIR}/nlohmann-include")
if(NOT EXISTS "${_yibao_json_inc}/nlohmann")
  if(NOT EXISTS "/usr/include/nlohmann/json.hpp")
    message(FATAL_ERROR "nlohmann/json.hpp not found: install nlohmann-json3-dev (make setup)")
  endif()
  file(MAKE_DIRECTORY "${_yibao_json_inc}")
  file(CREATE_LINK "/usr/include/nlohmann" "${_yibao_json_inc}/nlohmann" SYMBOLIC)
endif()
if(NOT TARGET nlohmann_json::nlohmann_json)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${_yibao_json_inc}")
endif()

# --- Dear ImGui (only the parts we use; drawn by the page's own WebGL renderer,
#     src/platform/renderer.cpp, not ImGui's OpenGL backend) ---
# imgui_draw.cpp as built: ImFontAtlas::Build() adds ImGui's own font when none was added, which
# links its 12 KB of compressed font data (10 KB brotli) into the page; the page always adds its
# own fonts, so the build uses a copy in the build folder with that call replaced by an assertion
# (Dear ImGui 1.90.1 has no switch for it; IMGUI_DISABLE_DEFAULT_FONT came later).
file(READ "${IMGUI_DIR}/imgui_draw.cpp" _yibao_imgui_draw)
set(_yibao_default_font_call "    if (ConfigData.Size == 0)\n        AddFontDefault();")
string(FIND "${_yibao_imgui_draw}" "${_yibao_default_font_call}" _yibao_at)
if(_yibao_at EQUAL -1)
  message(FATAL_ERROR "${IMGUI_DIR}/imgui_draw.cpp: ImFontAtlas::Build() no longer reads as expected (\"${_yibao_default_font_call}\"): check cmake/web.cmake against this Dear ImGui")
endif()
string(REPLACE "${_yibao_default_font_call}" "    IM_ASSERT(ConfigData.Size > 0 && \"yibao: the page adds its own fonts\");"
       _yibao_imgui_draw "${_yibao_imgui_draw}")
file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/gen")
file(WRITE "${CMAKE_BINARY_DIR}/gen/imgui_draw.cpp.new" "${_yibao_imgui_draw}")
configure_file("${CMAKE_BINARY_DIR}/gen/imgui_draw.cpp.new" "${CMAKE_BINARY_DIR}/gen/imgui_draw.cpp" COPYONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${IMGUI_DIR}/imgui_draw.cpp")
add_library(yibao_imgui STATIC
  ${IMGUI_DIR}/imgui.cpp
  ${CMAKE_BINARY_DIR}/gen/imgui_draw.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/imgui_tables.cpp)
target_include_directories(yibao_imgui SYSTEM PUBLIC ${IMGUI_DIR})
target_compile_options(yibao_imgui PRIVATE -fno-exceptions)
target_compile_definitions(yibao_imgui PUBLIC
  IMGUI_DISABLE_DEMO_WINDOWS
  IMGUI_DISABLE_DEBUG_TOOLS
  IMGUI_DISABLE_DEFAULT_FONT
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_OBSOLETE_KEYIO
  IMGUI_DISABLE_FILE_FUNCTIONS
  IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS
  IMGUI_DISABLE_WIN32_FUNCTIONS
  "IMGUI_DISABLE_SSE"
  "IMGUI_DEFINE_MATH_OPERATORS")

# --- generated sources and assets ---
set(_yibao_gen "${CMAKE_BINARY_DIR}/gen")
file(MAKE_DIRECTORY "${_yibao_gen}" "${YIBAO_WEB_SITE}")
file(GLOB_RECURSE _yibao_rules CONFIGURE_DEPENDS "${YIBAO_ROOT}/rules/*.json")
# rules/schema.json describes the rules files (editors, CI); it is not one of them.
list(FILTER _yibao_rules EXCLUDE REGEX "/rules/schema\\.json$")
file(GLOB_RECURSE _yibao_text_sources CONFIGURE_DEPENDS
  "${YIBAO_ROOT}/src/ui/*.cpp" "${YIBAO_ROOT}/src/ui/*.h"
  "${YIBAO_ROOT}/src/core/*.cpp" "${YIBAO_ROOT}/src/core/*.h")
# The picture, the printout and the page's messages use the font too (not ImGui's atlas).
file(GLOB _yibao_html_sources CONFIGURE_DEPENDS "${YIBAO_ROOT}/web/*.js" "${YIBAO_ROOT}/web/js/*.js"
     "${YIBAO_ROOT}/web/index.html")

# The page's glue: its parts (web/js/) joined in this order into two scripts. The first is appended
# to Emscripten's loader (env.js opens the scope they share, api.js closes it); the second,
# yibao-later.js, is fetched once the first frame is on screen (later_begin.js opens its scope with
# what the first hands it, later_end.js closes it).
set(_yibao_glue_parts env load offline api)
list(TRANSFORM _yibao_glue_parts PREPEND "${YIBAO_ROOT}/web/js/")
list(TRANSFORM _yibao_glue_parts APPEND ".js")
set(_yibao_glue "${_yibao_gen}/yibao_glue.js")
set(_yibao_later_sources a11y sheet share picture print kiosk rules later_end)
list(TRANSFORM _yibao_later_sources PREPEND "${YIBAO_ROOT}/web/js/")
list(TRANSFORM _yibao_later_sources APPEND ".js")
# web/later.css (what only yibao-later.js shows: the picture sheet, the idle warning, the printout,
# the rules notice) rides in it, right after later_begin.js: the HTML shell keeps only what shows first.
set(_yibao_later_style "${_yibao_gen}/later_style.js")
set(_yibao_later "${_yibao_gen}/yibao_later.js")
add_custom_command(
  OUTPUT "${_yibao_glue}" "${_yibao_later}"
  COMMAND "${YIBAO_PYTHON}" "${YIBAO_ROOT}/web/tools/css_to_js.py" "${YIBAO_ROOT}/web/later.css" "${_yibao_later_style}"
  COMMAND "${CMAKE_COMMAND}" -P "${YIBAO_ROOT}/cmake/join_files.cmake" -- "${_yibao_glue}" ${_yibao_glue_parts}
  COMMAND "${CMAKE_COMMAND}" -P "${YIBAO_ROOT}/cmake/join_files.cmake" -- "${_yibao_later}"
          "${YIBAO_ROOT}/web/js/later_begin.js" "${_yibao_later_style}" ${_yibao_later_sources}
  DEPENDS "${YIBAO_ROOT}/cmake/join_files.cmake" ${_yibao_glue_parts} "${YIBAO_ROOT}/web/js/later_begin.js"
          "${YIBAO_ROOT}/web/later.css" "${YIBAO_ROOT}/web/tools/css_to_js.py" "${YIBAO_ROOT}/web/tools/build_files.py"
          ${_yibao_later_sources}
  COMMENT "Joining web/js/*.js into yibao_glue.js and yibao_later.js"
  VERBATIM)

# All rules files as C++ data (loaded with load_rules_texts at start).
add_custom_command(
  OUTPUT "${_yibao_gen}/rules_bundle.cpp"
  COMMAND "${YIBAO_PYTHON}" "${YIBAO_ROOT}/web/tools/embed_rules.py"
          "${YIBAO_ROOT}" "${_yibao_gen}/rules_bundle.cpp" ${_yibao_rules}
  DEPENDS "${YIBAO_ROOT}/web/tools/embed_rules.py" "${YIBAO_ROOT}/web/tools/build_files.py" ${_yibao_rules}
  COMMENT "Embedding rules/**/*.json"
  VERBATIM)

# Every character the page can draw: non-ASCII characters of the UI, the core and the rules,
# plus printable ASCII. The font is cut to exactly these.
# web/first-glyphs.txt: what first screens show (`make first-glyphs` writes it), the first font.
set(_yibao_first_list "${YIBAO_ROOT}/web/first-glyphs.txt")
add_custom_command(
  OUTPUT "${_yibao_gen}/glyphs.txt" "${_yibao_gen}/glyphs.cpp" "${_yibao_gen}/glyphs-first.txt"
         "${_yibao_gen}/glyphs-first-blank.txt"
  COMMAND "${YIBAO_PYTHON}" "${YIBAO_ROOT}/web/tools/collect_glyphs.py"
          "${_yibao_gen}/glyphs.txt" "${_yibao_gen}/glyphs.cpp" "${_yibao_gen}/glyphs-first.txt"
          "${_yibao_gen}/glyphs-first-blank.txt" "${_yibao_first_list}"
          ${_yibao_text_sources} ${_yibao_rules}
          --html-only ${_yibao_html_sources}
  DEPENDS "${YIBAO_ROOT}/web/tools/collect_glyphs.py" "${YIBAO_ROOT}/web/tools/build_files.py" "${_yibao_first_list}" ${_yibao_text_sources} ${_yibao_rules}
          ${_yibao_html_sources}
  COMMENT "Collecting the characters the page shows"
  VERBATIM)
# The two subsets of Noto Sans CJK SC: the full font and the first font, cut the same way.
set(_yibao_subset_options --font-number=${YIBAO_CJK_FONT_NUMBER} --no-hinting --desubroutinize --notdef-outline
    --layout-features= --name-IDs= --name-languages=
    --drop-tables+=GPOS,GSUB,GDEF,BASE,VORG,vhea,vmtx,DSIG,meta)
# Then both are scaled from 1000 to 250 units per em (fontTools.ttLib.scaleUpem): the outlines'
# coordinates then fit CFF's one-byte numbers far more often (the first font 31.9 -> 25.0 KB brotli,
# the full one 91.8 -> 68 KB). A unit is then 1/250 em: 0.2 px for body text at 3x, 0.65 px for the
# amount at 特大 — below what the eye sees in an anti-aliased outline. 250 divides the font's
# ascender and descender (1160, -288) exactly, so a full-width glyph stays exactly one em (1.448 em
# of height, ui/font_metrics.h); ASCII advances move by at most 1/500 em, the same in both fonts.
set(YIBAO_FONT_UPEM 250 CACHE STRING "Units per em of the page's fonts (Noto Sans CJK's 1000, scaled)")
# yibao_cut_font(NAME TEXT [BLANK]): SITE/NAME.otf, Noto Sans CJK SC cut to the characters of TEXT,
# with the outlines of the characters of BLANK emptied (web/tools/blank_glyphs.py), then scaled.
function(yibao_cut_font name text)
  set(_cut "${_yibao_gen}/${name}-1000.otf")
  set(_blank_step)
  set(_blank_deps)
  if(ARGC GREATER 2)
    set(_blank_step COMMAND "${YIBAO_PYTHON}" "${YIBAO_ROOT}/web/tools/blank_glyphs.py" "${_cut}" "${ARGV2}" "${_cut}")
    set(_blank_deps "${ARGV2}" "${YIBAO_ROOT}/web/tools/blank_glyphs.py")
  endif()
  add_custom_command(
    OUTPUT "${YIBAO_WEB_SITE}/${name}.otf"
    COMMAND "${YIBAO_PYTHON}" -m fontTools.subset "${YIBAO_CJK_FONT}" ${_yibao_subset_options}
            --text-file=${text} --output-file=${_cut}
    ${_blank_step}
    # SOURCE_DATE_EPOCH: the font's "modified" stamp fixed, so the same sources give the same
    # bytes (and the same site version) on every machine.
    COMMAND "${CMAKE_COMMAND}" -E env SOURCE_DATE_EPOCH=1735689600
            "${YIBAO_PYTHON}" -m fontTools.ttLib.scaleUpem "${_cut}" ${YIBAO_FONT_UPEM}
            --output-file=${YIBAO_WEB_SITE}/${name}.otf
    DEPENDS "${text}" ${_blank_deps}
    COMMENT "Subsetting Noto Sans CJK SC (${name}.otf)"
    VERBATIM)
endfunction()
yibao_cut_font(yibao-sc "${_yibao_gen}/glyphs.txt")
yibao_cut_font(yibao-sc-first "${_yibao_gen}/glyphs-first.txt" "${_yibao_gen}/glyphs-first-blank.txt")

# Both the font command and the page's sources use the generated files: one target drives the
# commands, the others depend on it (no rule runs twice in a parallel build).
add_custom_target(yibao_gen DEPENDS
  "${_yibao_gen}/rules_bundle.cpp" "${_yibao_gen}/glyphs.cpp" "${_yibao_gen}/glyphs.txt"
  "${_yibao_gen}/glyphs-first.txt" "${_yibao_gen}/glyphs-first-blank.txt" "${_yibao_glue}" "${_yibao_later}")
add_custom_target(yibao_font DEPENDS "${YIBAO_WEB_SITE}/yibao-sc.otf" "${YIBAO_WEB_SITE}/yibao-sc-first.otf")
add_dependencies(yibao_font yibao_gen)

# --- the page: compiled once, linked twice (the site's yibao.js + yibao.wasm, the single file) ---
add_library(yibao_page OBJECT
  ${YIBAO_ROOT}/src/platform/main_web.cpp
  ${YIBAO_ROOT}/src/platform/abi.cpp
  ${YIBAO_ROOT}/src/platform/input.cpp
  ${YIBAO_ROOT}/src/platform/renderer.cpp
  ${YIBAO_ROOT}/src/platform/no_scanf.cpp
  ${YIBAO_ROOT}/src/ui/app.cpp
  ${YIBAO_ROOT}/src/ui/screens/questions.cpp
  ${YIBAO_ROOT}/src/ui/screens/answer.cpp
  ${YIBAO_ROOT}/src/ui/screens/reasons.cpp
  ${YIBAO_ROOT}/src/ui/screens/household.cpp
  ${YIBAO_ROOT}/src/ui/screens/bar.cpp
  ${YIBAO_ROOT}/src/ui/screens/state.cpp
  ${YIBAO_ROOT}/src/ui/widgets.cpp
  ${YIBAO_ROOT}/src/ui/text.cpp
  "${_yibao_gen}/glyphs.cpp")
add_dependencies(yibao_page yibao_gen)
target_include_directories(yibao_page PRIVATE ${YIBAO_ROOT}/src)
# yibao_ui_model (top-level CMakeLists.txt): the screens' model (form, presentation, line breaking).
target_link_libraries(yibao_page PUBLIC yibao_ui_model yibao_core yibao_imgui)
target_link_libraries(yibao_page PRIVATE nlohmann_json::nlohmann_json)  # state_json, the ABI
target_compile_options(yibao_page PRIVATE -fno-exceptions)
yibao_warnings(yibao_page)  # cmake/warnings.cmake: the same warnings as the native build
set(_yibao_link_flags
  --no-entry
  -sMODULARIZE=1
  -sEXPORT_NAME=create_yibao_module
  -sENVIRONMENT=web
  -sFILESYSTEM=0
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432
  -sMALLOC=emmalloc
  -sSUPPORT_ERRNO=0
  -sASSERTIONS=0
  -sMIN_WEBGL_VERSION=1
  -sMAX_WEBGL_VERSION=2
  -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0
  -sTEXTDECODER=2
  -sDYNAMIC_EXECUTION=0
  # Binaryen inlines every function that has one caller, whatever its size (default -1): the
  # frame became one 50 KB function, the rules loader two of 12-14 KB. A browser compiles a wasm
  # function whole the first time it is called (V8's lazy compilation, on the page's thread), so
  # the first answer paid for every screen and every error path inlined into what it called.
  # Kept small, the first frame compiles only what it runs (issue 11: 321 -> 259 KB of code
  # compiled before the first answer, traced; interleaved loads, first answer 270-350 ms sooner
  # with a limit of 200, and 20 as fast as 200 and smaller; yibao.wasm 164.6 -> 147.3 KB brotli,
  # what the first frame no longer runs moves to the deferred module by the split profile).
  -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=20
  # The page's renderer (src/platform/renderer.cpp) asks WebGL for no strings, errors or
  # extensions, and nothing uses setjmp: Emscripten's code for them is left out (-0.5 KB brotli).
  -sSUPPORT_LONGJMP=0
  -sGL_EMULATE_GLES_VERSION_STRING_FORMAT=0
  -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0
  -sGL_TRACK_ERRORS=0
  # The Module properties the runtime reads from the glue (web/js/load.js): only these two.
  -sINCOMING_MODULE_JS_API=locateFile,instantiateWasm
  "-sEXPORTED_FUNCTIONS=_malloc,_free"
  "-sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8,HEAPU8"
  --extern-post-js "${_yibao_glue}")

# The site's page: yibao.js, yibao.wasm and yibao-deferred.wasm in the site folder.
# Its rules are compiled in (embed_rules.py); the single file reads them from its HTML instead.
# Linked with its function names (build/web-cmake/page/), then split in two (web/tools/split_wasm.py):
# yibao.wasm holds what first frames run, yibao-deferred.wasm the functions that web/deferred-functions.txt
# lists (`make split-profile` writes it: what no first frame ran), fetched once the first frame is on
# screen (web/js/load.js). A function the list does not name stays in yibao.wasm.
add_executable(yibao_web "${_yibao_gen}/rules_bundle.cpp")
target_include_directories(yibao_web PRIVATE ${YIBAO_ROOT}/src)
target_link_libraries(yibao_web PRIVATE yibao_page)
target_link_options(yibao_web PRIVATE ${_yibao_link_flags} --profiling-funcs)
set_target_properties(yibao_web PROPERTIES
  OUTPUT_NAME yibao
  SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/page")
set(_yibao_deferred_list "${YIBAO_ROOT}/web/deferred-functions.txt")
set_property(TARGET yibao_web APPEND PROPERTY LINK_DEPENDS "${_yibao_glue}" "${_yibao_later}" "${_yibao_deferred_list}"
             "${YIBAO_ROOT}/web/tools/split_wasm.py")
add_dependencies(yibao_web yibao_gen)
# The script as served: minified (compress + mangle local names; properties and globals keep
# their names: window.yibao, Module["..."]). Debian's terser needs NODE_PATH for its modules.
set(_yibao_minify "${CMAKE_COMMAND}" -E env NODE_PATH=/usr/share/nodejs "${YIBAO_TERSER}")
add_custom_command(TARGET yibao_web POST_BUILD
  COMMAND ${_yibao_minify} "$<TARGET_FILE:yibao_web>" --compress --mangle -o "${YIBAO_WEB_SITE}/yibao.js"
  COMMAND ${_yibao_minify} "${_yibao_later}" --compress --mangle -o "${YIBAO_WEB_SITE}/yibao-later.js"
  COMMAND "${YIBAO_PYTHON}" "${YIBAO_ROOT}/web/tools/split_wasm.py" split
          --in "${CMAKE_BINARY_DIR}/page/yibao.wasm" --list "${_yibao_deferred_list}"
          --primary "${YIBAO_WEB_SITE}/yibao.wasm" --deferred "${YIBAO_WEB_SITE}/yibao-deferred.wasm"
  COMMENT "Minifying yibao.js (terser); splitting yibao.wasm (web/tools/split_wasm.py)"
  VERBATIM)

# The site: web/tools/stamp_site.py copies index.html, sw.js, the manifest and the icons next to
# the page and the font, fills in the version (a hash of all of them) and writes the *.br copies.
file(GLOB _yibao_icons CONFIGURE_DEPENDS "${YIBAO_ROOT}/web/icons/*.png")
set(_yibao_site_templates
  "${YIBAO_ROOT}/web/index.html" "${YIBAO_ROOT}/web/sw.js" "${YIBAO_ROOT}/web/manifest.webmanifest")
add_custom_command(
  OUTPUT "${YIBAO_WEB_SITE}/version.txt"
  BYPRODUCTS "${YIBAO_WEB_SITE}/index.html" "${YIBAO_WEB_SITE}/sw.js"
  COMMAND "${YIBAO_PYTHON}" "${YIBAO_ROOT}/web/tools/stamp_site.py"
          --root "${YIBAO_ROOT}" --site "${YIBAO_WEB_SITE}"
  DEPENDS yibao_web "${YIBAO_WEB_SITE}/yibao-sc.otf" "${YIBAO_WEB_SITE}/yibao-sc-first.otf"
          ${_yibao_site_templates} ${_yibao_icons}
          "${YIBAO_ROOT}/web/tools/stamp_site.py"
          "${YIBAO_WEB_SITE}/rules/index.json"  # the service worker's offline copy lists the rules
  COMMENT "Stamping the site in ${YIBAO_WEB_SITE}"
  VERBATIM)
add_custom_target(yibao_site ALL DEPENDS "${YIBAO_WEB_SITE}/version.txt")

# The rules published beside the page: SITE/rules/<path> as in the repository and
# SITE/rules/index.json (each file's path under rules/, revision, sha256), so that a host can be
# given a changed rules file and index.json without a rebuild (web/tools/publish_rules.py).
add_custom_command(
  OUTPUT "${YIBAO_WEB_SITE}/rules/index.json"
  COMMAND "${YIBAO_PYTHON}" "${YIBAO_ROOT}/web/tools/publish_rules.py"
          --rules "${YIBAO_ROOT}/rules" --out "${YIBAO_WEB_SITE}/rules"
  DEPENDS ${_yibao_rules} "${YIBAO_ROOT}/web/tools/publish_rules.py"
  COMMENT "Publishing rules/ in ${YIBAO_WEB_SITE}/rules"
  VERBATIM)
add_custom_target(yibao_rules_site ALL DEPENDS "${YIBAO_WEB_SITE}/rules/index.json")
add_dependencies(yibao_site yibao_web yibao_font yibao_rules_site)

# --- the single-file page (make web-single): not part of ALL ---
# The same objects and flags with the wasm inside the JS (-sSINGLE_FILE=1), written outside the
# site; web/tools/make_single.py puts it, the font, the rules (as JSON text: the wasm holds none,
# platform/rules_from_page.cpp, so new rules need no new link) and index.html into one HTML file.
set(YIBAO_WEB_SINGLE "${YIBAO_ROOT}/build/web-single" CACHE PATH "Where the single-file page is written")
add_executable(yibao_single EXCLUDE_FROM_ALL "${YIBAO_ROOT}/src/platform/rules_from_page.cpp")
target_include_directories(yibao_single PRIVATE ${YIBAO_ROOT}/src)
target_link_libraries(yibao_single PRIVATE yibao_page nlohmann_json::nlohmann_json)
yibao_warnings(yibao_single)
target_link_options(yibao_single PRIVATE ${_yibao_link_flags} -sSINGLE_FILE=1)
set_target_properties(yibao_single PROPERTIES
  OUTPUT_NAME yibao-single
  SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/single")
set_property(TARGET yibao_single APPEND PROPERTY LINK_DEPENDS "${_yibao_glue}")
add_dependencies(yibao_single yibao_gen)
add_custom_command(TARGET yibao_single POST_BUILD
  COMMAND ${_yibao_minify} "$<TARGET_FILE:yibao_single>" --compress --mangle -o "$<TARGET_FILE:yibao_single>"
  COMMENT "Minifying yibao-single.js (terser)"
  VERBATIM)
add_custom_command(
  OUTPUT "${YIBAO_WEB_SINGLE}/yibao-calc.html"
  COMMAND "${YIBAO_PYTHON}" "${YIBAO_ROOT}/web/tools/make_single.py"
          --root "${YIBAO_ROOT}" --js "$<TARGET_FILE:yibao_single>" --later "${YIBAO_WEB_SITE}/yibao-later.js"
          --font "${YIBAO_WEB_SITE}/yibao-sc.otf" --out "${YIBAO_WEB_SINGLE}/yibao-calc.html"
  DEPENDS yibao_single yibao_web "${YIBAO_WEB_SITE}/yibao-sc.otf" "${YIBAO_ROOT}/web/index.html" ${_yibao_rules}
          "${YIBAO_ROOT}/web/tools/make_single.py" "${YIBAO_ROOT}/web/tools/stamp_site.py"
          "${YIBAO_ROOT}/web/tools/embed_rules.py"
  COMMENT "Single-file page: ${YIBAO_WEB_SINGLE}/yibao-calc.html"
  VERBATIM)
add_custom_target(yibao_web_single DEPENDS "${YIBAO_WEB_SINGLE}/yibao-calc.html")
add_dependencies(yibao_web_single yibao_single yibao_font)
