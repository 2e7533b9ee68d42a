// The page's C ABI: what the glue (web/js/*.js) calls as Module._yibao_*, defined in abi.cpp. Text
// goes in as UTF-8; const char* results are UTF-8 (JSON unless said otherwise) that stay valid until
// the next call. The main loop behind it is platform/page.h.
#pragma once

extern "C" {

// The rules compiled into the page, in two steps: those the first screen needs (query = the page's
// location.search: the district and year it names; today = "YYYY-MM-DD": the year preselected),
// then the rest (the glue calls it once the first frame is on screen; anything that needs more
// rules reads them first). 0, or 1 when a rules file is broken (yibao_load_errors says why).
// yibao_rules_state: how far they are read, as JSON (abi.cpp).
int yibao_init(const char* query, const char* today);
int yibao_complete_rules();
const char* yibao_rules_state();
// The rules files in use ({"files": [{path, sha256}]}) and newer ones published beside the page
// ([{path, text, sha256}] → {"ok"} or {"ok": false, "errors": [{file, path, message}]}).
const char* yibao_rules_files();
const char* yibao_update_rules(const char* files_json);
const char* yibao_load_errors();  // plain text, one problem a line
// Only in the single-file page (platform/rules_from_page.cpp), before yibao_init: the rules files
// from its HTML ({"files": [{path, text, sha256}]}); "" when taken, else what is wrong.
const char* yibao_bundle_rules(const char* json);

// The rule engine, as the CLI answers: `yibao quote` (with advice when asked), the catalogue of
// years, districts and dates, a year's categories in a district.
const char* yibao_quote(const char* request_json, int with_advice);
const char* yibao_catalogue();
const char* yibao_categories(int year, const char* district);

// The screens: start (one JSON object of options; 0, 1 no WebGL, 2 no rules, 3 today is not a
// date, 4 options not understood), forget every answer, size and network changes.
int yibao_start(const char* options_json, unsigned char* font, int font_size, int font_is_full);
void yibao_full_font(unsigned char* font, int font_size);
void yibao_deferred_ready();  // yibao-deferred.wasm is in (or there is none): input, frames
// Only in a worker's copy of the module (web/index.html): its static constructors and room for
// yibao_start's options and the first font, then the first frame once with no canvas, at the
// page's CSS size and device pixel ratio (a head start: what it runs is compiled for the page).
unsigned char* yibao_warm_up_begin(int size);
void yibao_warm_up(const char* options_json, unsigned char* font, int font_size, double css_w, double css_h,
                   double dpr);
const char* yibao_font_state();
int yibao_reset(const char* today);
void yibao_refresh_size();
void yibao_set_network(int online, int offline_ready);
int yibao_webgl_version();

// What the screens show and how: the test hook's state, the colours by name, what a person reads
// of the quote (the printout and the saved picture), and the line breaker for the picture.
const char* yibao_state();
const char* yibao_palette();
const char* yibao_presentation();
const char* yibao_break_lines(const char* text, float px, float width);

// The semantics layer acting for the resident (web/js/a11y.js), the 字号 step, 朗读.
void yibao_a11y_activate(const char* id);
void yibao_a11y_value(const char* id, const char* value);
void yibao_a11y_focus(const char* id, int by_keyboard);
int yibao_set_text_step(int step);
void yibao_drag(float dy_css);
void yibao_set_can_speak(int yes);
const char* yibao_speech_text();

}  // extern "C"
