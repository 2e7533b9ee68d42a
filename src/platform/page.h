// The page's main loop (platform/main_web.cpp): the WebGL context, Dear ImGui, the fonts at the
// device pixel ratio and frames on demand. The C ABI the glue calls (platform/abi.cpp) drives it
// through these functions, as Dear ImGui keeps its backends apart from its examples' main loops.
#pragma once

#include <memory>
#include <string>

#include "core/dates.h"
#include "core/rules.h"
#include "ui/app.h"
#include "ui/form.h"

namespace yibao::web {

// Everything the screens start from.
struct page_start {
    std::shared_ptr<const rule_book> book;
    ui::url_params params;  // the page's own URL: a kiosk's start over returns to it
    date today;
    ui::app_options options;
    // The Noto Sans CJK SC subset to start with; the caller keeps the bytes. Either the first font
    // (yibao-sc-first.otf: the glyphs first screens show, web/first-glyphs.txt) or, with
    // font_is_full, every glyph the page can draw (yibao-sc.otf: the single-file page).
    unsigned char* font = nullptr;
    int font_size = 0;
    bool font_is_full = false;
    int text_step = 0;  // the 字号 step to start with (ui::metrics::text_steps)
};

// Creates the WebGL context (2, else 1), Dear ImGui, the fonts and the screens, and asks for the
// first frames. Returns 0, or 1 when there is no WebGL.
int start_page(page_start start);

// The first frame once, with no canvas, in a worker's own copy of the module (abi.cpp
// yibao_warm_up): the page's size in CSS pixels and its device pixel ratio are given, no WebGL
// context is made and nothing reaches the page. Its use is what the browser keeps: V8 compiles a
// wasm function when it is first called, into code that every copy of the module shares.
void warm_up_page(page_start start, double css_w, double css_h, double dpr);

// The screens, or null before start_page succeeded.
ui::app* page_app();

// Forgets every answer: the screens as the page's own URL opens them, on the day given.
void reset_page(date today);

// The device pixel ratio changed without a resize (browser zoom, moved to another screen).
void refresh_page_size();

// The WebGL version drawn with: 2, 1, or 0 (none, or not started).
int page_webgl_version();

// The 字号 step: lays the page out again with a new atlas; the glue remembers it.
void set_text_step(int step);
int text_step();

// A finger dragging over the semantics layer's selectable text: scroll the page by dy CSS px.
void drag_page(float dy_css);

// The full font arrived (yibao-sc.otf; the caller keeps the bytes): the atlas gets every glyph.
// null = it could not be loaded (frames that need it are then drawn without those glyphs).
void set_full_font(unsigned char* font, int size);

// The atlas's stage (0, 1, 2), whether the full font is in, whether the first frame had to wait
// for it, and the glyphs beyond ASCII the first frame was drawn with (make first-glyphs).
std::string font_state_json();

// The rules grew (abi.cpp complete_rules): the screens quote the same answers with the new book.
void set_page_book(std::shared_ptr<const rule_book> book);

// The rules the page starts with are those its first screen needs (abi.cpp yibao_init); this reads
// the rest, once, before anything can ask for more: a tap, a key, window.yibao.quote. Returns false
// when they are broken (the page then says so).
bool complete_rules();

// Asks for at least this many frames (the page draws only when something changed). After the
// first frame, none is drawn until the deferred module is in (deferred_ready).
void wake(int frames);

// The deferred module (yibao-deferred.wasm: what no first frame runs) is in, or there is none: the
// page takes input and draws the frames asked for since the first one.
void deferred_ready();

}  // namespace yibao::web
