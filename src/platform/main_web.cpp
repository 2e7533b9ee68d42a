// The page's main loop: WebGL context, Dear ImGui set-up, fonts at the device pixel ratio and
// frames on demand (no loop while idle). The functions the glue calls are in abi.cpp (platform/page.h).
#include <GLES2/gl2.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8
#include "platform/glyphs.h"
#include "platform/input.h"
#include "platform/page.h"
#include "platform/renderer.h"
#include "ui/app.h"
#include "ui/font_metrics.h"
#include "ui/semantics.h"

namespace yibao::web {

namespace {

constexpr const char* canvas_id = "#canvas";

struct page_state {
    std::shared_ptr<const yibao::rule_book> book;
    std::unique_ptr<yibao::ui::app> app;
    yibao::ui::app_options options;
    yibao::ui::url_params start_params;  // the page's own URL: a kiosk's start over returns to it
    yibao::ui::fonts fonts;
    int text_step = 0;         // the 字号 step (metrics::text_steps): layout units per CSS pixel
    std::string shared_query;  // the answers last written into the URL
    bool start_over = false;   // the resident tapped "start over": rebuild after the frame
    yibao::web::pointer_input input;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    int webgl = 0;
    bool warm_up = false;  // a worker's copy of the module (warm_up_page): no canvas, no context
    // Canvas size
    double css_w = 0, css_h = 0, dpr = 1;
    int fb_w = 0, fb_h = 0;
    // Font: the first font until the full one arrives (platform/page.h)
    unsigned char* font_data = nullptr;
    int font_size = 0;
    bool font_is_full = false;
    bool full_font_failed = false;
    bool full_font_asked = false;
    bool frame_waiting = false;           // a frame waits for the full font's glyphs
    bool first_frame_waited = false;      // the first frame did (what make first-glyphs should prevent)
    ImVector<ImWchar> first_font_ranges;  // what the first font holds
    float atlas_scale = 0;                // device px per layout unit the atlas was built for
    float em_ratio = 1;                   // the font's height per em (ui/font_metrics.h)
    ImVector<ImWchar> body_ranges, heading_ranges, big_ranges;  // every glyph each font can show
    // The atlas is built in stages: 0 = no glyph but the space, with the advances of ASCII from the
    // font's tables and one em for everything else (a pass that finds what the first screen shows),
    // 1 = those glyphs (the first frame; more of the first font's as later frames need them),
    // 2 = every glyph (once the full font is here).
    int atlas_stage = 0;
    std::optional<yibao::ui::ascii_advances> ascii;  // of the first font (ui/font_metrics.h)
    int first_builds = 0;  // stage-1 atlases built before the first frame (1: stage 0 saw right)
    // Stage 1's code points, per font (body, heading, big): each size holds what it shows in view.
    std::array<ImVector<ImWchar>, 3> first_glyphs;
    ImVector<ImWchar> first_wanted;  // what the first frame showed beyond stage 0, in any font
    // Frames
    int frames_left = 0;
    bool frame_pending = false;
    bool first_frame_done = false;
    bool deferred_in = false;          // deferred_ready: input taken, frames after the first drawn
    bool complete_frame_done = false;  // a frame with every card (the first paints only what is in view)
    bool shaders_checked = false;
    double last_time = 0;
    // The semantics layer: what was last sent to the glue
    std::string sent_semantics;
    long sent_scroll = -1;
};

page_state page;

// A phase of the start-up as a performance mark (yibao:<name>; make bench-web prints them).
EM_JS(void, js_mark, (const char* name), {
    if (Module["yibao_mark"]) Module["yibao_mark"](UTF8ToString(name));
});

EM_JS(void, js_first_frame, (), {
    if (Module["yibao_first_frame"]) Module["yibao_first_frame"]();
});
EM_JS(void, js_complete_frame, (), {
    if (Module["yibao_complete_frame"]) Module["yibao_complete_frame"]();
});

// The glue (web/js/*.js) does what the canvas cannot: the picture, printing, the link.
EM_JS(void, js_action, (const char* name), {
    if (Module["yibao_action"]) Module["yibao_action"](UTF8ToString(name));
});

// The glue fetches the full font once the first frame is on screen, or at once when asked here
// (a first screen that needs a glyph the first font does not have); it calls yibao_full_font.
void ask_full_font() {
    if (page.font_is_full || page.full_font_asked || page.full_font_failed) return;
    page.full_font_asked = true;
    js_action("full_font");
}

EM_JS(void, js_set_query, (const char* answers), {
    if (Module["yibao_set_query"]) Module["yibao_set_query"](UTF8ToString(answers));
});

// The semantics layer (web/js/a11y.js): the nodes when they changed, the scroll when it moved.
EM_JS(void, js_semantics, (const char* nodes_json), {
    if (Module["yibao_semantics"]) Module["yibao_semantics"](UTF8ToString(nodes_json));
});
EM_JS(void, js_semantics_scroll, (int css_px), {
    if (Module["yibao_semantics_scroll"]) Module["yibao_semantics_scroll"](css_px);
});

float zoom() {
    using namespace yibao::ui::metrics;
    return text_steps[std::clamp(page.text_step, 0, text_step_count - 1)].scale;
}

void render_frame(double now);
EM_BOOL on_animation_frame(double now, void*);
void send_semantics();
void build_fonts();

}  // namespace

void wake(int frames) {
    page.frames_left = std::max(page.frames_left, frames);
    if (page.first_frame_done && !page.deferred_in) return;  // deferred_ready draws them
    if (!page.frame_pending && page.app) {
        page.frame_pending = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
}

namespace {

void make_app(yibao::date today) {
    page.app = std::make_unique<yibao::ui::app>(page.book, today, page.start_params, page.options);
    if (page.fonts.body) page.app->set_fonts(page.fonts);
}

EM_BOOL on_animation_frame(double now, void*) {
    page.frame_pending = false;
    render_frame(now);
    if (page.start_over) {
        page.start_over = false;
        js_action("start_over");  // the glue forgets the rest and calls yibao_reset
    }
    if (page.first_frame_done && !page.deferred_in) {
        // The frames after the first run what the deferred module holds: they wait for it.
        page.frames_left = std::max(page.frames_left - 1, 1);
        return EM_FALSE;
    }
    if (--page.frames_left > 0 || page.input.animating()) {
        page.frame_pending = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    } else {
        page.frames_left = 0;
    }
    return EM_FALSE;
}

// Glyph ranges as ImGui takes them, [first, last] pairs in ascending order, then 0, from code points
// in any order, repeats allowed (sorted in place). ImFontGlyphRangesBuilder gives the same but reads
// all 65,536 bits of its table each time, ten times at start-up.
void ranges_of(ImVector<ImWchar>& out, std::vector<ImWchar>& points) {
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    out.clear();
    for (std::size_t i = 0; i < points.size();) {
        std::size_t j = i;
        while (j + 1 < points.size() && points[j + 1] == points[j] + 1) ++j;
        out.push_back(points[i]);
        out.push_back(points[j]);
        i = j + 1;
    }
    out.push_back(0);
}

// The characters of a UTF-8 text that ImGui can hold (the BMP but NUL), in text order.
std::vector<ImWchar> bmp_code_points(const char* text) {
    std::vector<ImWchar> points;
    for (const char* p = text; *p;) {
        unsigned c = 0;
        p += ImTextCharFromUtf8(&c, p, nullptr);
        if (c && c <= 0xFFFF) points.push_back(static_cast<ImWchar>(c));
    }
    return points;
}

// The ranges of the characters of a UTF-8 text.
void build_ranges(ImVector<ImWchar>& out, const char* text) {
    std::vector<ImWchar> points = bmp_code_points(text);
    ranges_of(out, points);
}

bool in_ranges(const ImVector<ImWchar>& ranges, unsigned c) {
    // The last pair that starts at or before c (the pairs ascend).
    int lo = 0, hi = (ranges.Size - 1) / 2;  // pairs [lo, hi)
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (ranges[2 * mid] <= c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && c <= ranges[2 * (lo - 1) + 1];
}

// The ranges of the code points of `wanted` that `all` holds; never none (ImGui cannot build a font
// without a glyph): when `all` holds none of them, its first code point.
void subset_ranges(ImVector<ImWchar>& out, const ImVector<ImWchar>& all, const ImVector<ImWchar>& wanted) {
    std::vector<ImWchar> points;
    for (ImWchar c : wanted)
        if (in_ranges(all, c)) points.push_back(c);
    if (points.empty() && !all.empty() && all[0]) points.push_back(all[0]);
    ranges_of(out, points);
}

// A glyph the atlas does not hold yet advances by one em, as a CJK ideograph or full-width mark
// does: text out of view is laid out as it will be once the atlas holds everything.
void advance_missing_by_em(ImFont* f, float em) {
    f->FallbackAdvanceX = em;
    for (int c = 0; c < f->IndexAdvanceX.Size; ++c)
        if (!f->FindGlyphNoFallback(static_cast<ImWchar>(c))) f->IndexAdvanceX[c] = em;
}

// Rasterizes the fonts at the current device pixel ratio (sharp at 1×, 2×, 3×), for the atlas
// stage in page.atlas_stage.
void build_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    const float s = static_cast<float>(page.dpr) * zoom();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = s >= 2 ? 1 : 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    using namespace yibao::ui::metrics;
    yibao::ui::fonts f;
    // ImGui sizes a font by its ascender-to-descender height, in whole pixels (it truncates): the
    // em (what CSS px mean, in whole device pixels) times the font's height per em, rounded to the
    // nearest pixel, so that a full-width glyph's advance comes out at the em asked.
    const float k = page.em_ratio;
    f.em_ratio = k;
    auto em_of = [&](float em_css) { return std::round(em_css * s); };
    auto size_for = [&](float em_css) { return std::round(em_of(em_css) * k); };
    ImVector<ImWchar> body, heading, big;
    const bool all = page.atlas_stage >= 2;
    if (!all) {
        subset_ranges(body, page.body_ranges, page.first_glyphs[0]);
        subset_ranges(heading, page.heading_ranges, page.first_glyphs[1]);
        subset_ranges(big, page.big_ranges, page.first_glyphs[2]);
    }
    // Stage 0 only lays out (its pass finds what is in view; nothing is drawn with it): no glyph is
    // rasterized but the space; printable ASCII advances as ImGui will advance it (the font's hmtx,
    // scaled and rounded as ImGui does), anything else by one em.
    static const ImWchar space_only[] = {0x20, 0x20, 0};
    const bool layout_only = page.atlas_stage == 0 && page.ascii.has_value();
    auto add = [&](float em_css, const ImVector<ImWchar>& full, const ImVector<ImWchar>& part) {
        const ImWchar* r = layout_only ? space_only : (all ? full : part).Data;
        return io.Fonts->AddFontFromMemoryTTF(page.font_data, page.font_size, size_for(em_css), &cfg, r);
    };
    f.body = add(body_px, page.body_ranges, body);
    f.heading = add(heading_px, page.heading_ranges, heading);
    f.big = add(big_px, page.big_ranges, big);
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    io.Fonts->Build();
    if (layout_only) {
        auto lay_out = [&](ImFont* font, float em_css) {
            const float size = size_for(em_css), em = em_of(em_css);
            advance_missing_by_em(font, em);
            if (font->IndexAdvanceX.Size < 0x7F) font->IndexAdvanceX.resize(0x7F, em);
            for (int c = 0x20; c < 0x7F; ++c) {
                const float a = page.ascii->advance[c - 0x20];
                font->IndexAdvanceX[c] = a > 0 ? std::round(a * size) : em;  // PixelSnapH rounds
            }
        };
        lay_out(f.body, body_px);
        lay_out(f.heading, heading_px);
        lay_out(f.big, big_px);
    } else if (!all) {
        advance_missing_by_em(f.body, em_of(body_px));
        advance_missing_by_em(f.heading, em_of(heading_px));
        advance_missing_by_em(f.big, em_of(big_px));
    }
    // Stage 0 only lays out: nothing is drawn with it, so it is not uploaded.
    if (!layout_only) renderer::upload_font_atlas();
    page.atlas_scale = s;
    page.fonts = f;
    page.app->set_fonts(f);
}

// Every glyph, once the full font is here.
void complete_atlas() {
    if (page.atlas_stage >= 2 || !page.app || !page.font_is_full) return;
    page.atlas_stage = 2;
    build_fonts();
    js_mark("atlas-full");
}

// The atlas gains what a pass found missing in view: stage 1 takes the glyphs the font at hand has
// (before the first frame, and after it until the full font is here); once the full font is here,
// stage 2 takes every glyph. Glyphs only the full font has ask for it. False when there is nothing
// to gain: the font lacks them, or they wait for the full font (page.full_font_asked).
bool grow_atlas(const std::vector<yibao::ui::missing_glyph>& missing) {
    if (page.atlas_stage >= 2) return false;
    if (page.first_frame_done && page.font_is_full) {
        complete_atlas();
        return true;
    }
    auto held = [] {
        std::size_t n = 0;
        for (const auto& g : page.first_glyphs) n += static_cast<std::size_t>(g.Size);
        return n;
    };
    bool need_full = false;
    const std::size_t before = held();
    for (const auto& [font, c] : missing) {
        if (c > 0xFFFF || !in_ranges(page.body_ranges, c)) continue;  // no font has it
        const auto g = static_cast<ImWchar>(c);
        if (!page.first_frame_done && !page.first_wanted.contains(g)) page.first_wanted.push_back(g);
        ImVector<ImWchar>& list = page.first_glyphs[font == page.fonts.heading ? 1 : font == page.fonts.big ? 2 : 0];
        if (!page.font_is_full && !in_ranges(page.first_font_ranges, c))
            need_full = true;
        else if (!list.contains(g))
            list.push_back(g);
    }
    if (need_full) ask_full_font();
    if (held() == before && page.atlas_stage == 1) return false;
    page.atlas_stage = 1;
    if (!page.first_frame_done) ++page.first_builds;
    build_fonts();
    js_mark("atlas");
    return true;
}

// Canvas backing store = CSS size × devicePixelRatio.
void update_size() {
    if (!page.warm_up) {  // a worker has no canvas: warm_up_page gave the sizes
        emscripten_get_element_css_size(canvas_id, &page.css_w, &page.css_h);
        page.dpr = emscripten_get_device_pixel_ratio();
    }
    if (page.dpr <= 0) page.dpr = 1;
    page.fb_w = std::max(1, static_cast<int>(std::lround(page.css_w * page.dpr)));
    page.fb_h = std::max(1, static_cast<int>(std::lround(page.css_h * page.dpr)));
    int now_w = 0, now_h = 0;  // the glue sized it already: setting it again reallocates the buffer
    emscripten_get_canvas_element_size(canvas_id, &now_w, &now_h);
    if (now_w != page.fb_w || now_h != page.fb_h) emscripten_set_canvas_element_size(canvas_id, page.fb_w, page.fb_h);
    page.input.set_scale(static_cast<float>(page.dpr));
    if (page.app && page.font_data && page.atlas_scale != static_cast<float>(page.dpr) * zoom()) build_fonts();
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    update_size();
    wake(1);
    return EM_FALSE;
}

EM_BOOL on_orientation(int, const EmscriptenOrientationChangeEvent*, void*) {
    update_size();
    wake(1);
    return EM_FALSE;
}

void render_frame(double now) {
    ImGuiIO& io = ImGui::GetIO();
    double dt = page.last_time > 0 ? (now - page.last_time) / 1000.0 : 1.0 / 60.0;
    page.last_time = now;
    io.DeltaTime = static_cast<float>(std::clamp(dt, 1.0 / 1000.0, 0.25));
    io.DisplaySize = ImVec2(static_cast<float>(page.fb_w), static_cast<float>(page.fb_h));
    io.DisplayFramebufferScale = ImVec2(1, 1);

    if (page.first_frame_done) complete_rules();  // whatever this frame was asked for may need them
    yibao::ui::frame_input in;
    in.width = static_cast<float>(page.fb_w);
    in.height = static_cast<float>(page.fb_h);
    in.scale = static_cast<float>(page.dpr) * zoom();
    in.css_scale = static_cast<float>(page.dpr);
    in.text_step = page.text_step;
    in.scroll_delta = page.input.take_scroll(now);
    in.first_paint = !page.first_frame_done;
    // One frame on screen, drawn in as many passes as it takes (at most 4): again when a tap
    // changed the answers while drawing (the whole screen shows the new answer, not half of it), or
    // when text in view needs glyphs the atlas does not have yet.
    yibao::ui::frame_output out;
    bool wait_for_font = false;
    for (int pass = 0;; ++pass) {
        ImGui::NewFrame();
        out = page.app->frame(in);
        const std::vector<yibao::ui::missing_glyph>& missing = yibao::ui::missing_glyphs_in_view();
        const bool glyphs = !missing.empty() && pass < 3 && grow_atlas(missing);
        if (!glyphs && !(out.redo && pass < 3)) {
            // Glyphs in view that only the full font has: the screen keeps its last frame until
            // it arrives (a first frame with boxes in it would be worse than one a moment later).
            wait_for_font = !missing.empty() && page.full_font_asked && !page.font_is_full && !page.full_font_failed;
            break;
        }
        ImGui::EndFrame();
        in.repeat = true;
        in.scroll_delta = 0;
        io.DeltaTime = 1.0f / 1000.0f;
    }
    page.frame_waiting = wait_for_font;
    if (wait_for_font) {
        if (!page.first_frame_done) page.first_frame_waited = true;
        ImGui::EndFrame();
        return;  // set_full_font draws again
    }
    yibao::ui::glyphs_presented();
    if ((out.scroll_y <= 0 && in.scroll_delta < 0) || (out.scroll_y >= out.scroll_max && in.scroll_delta > 0))
        page.input.hit_edge();
    ImGui::Render();

    emscripten_webgl_make_context_current(page.gl);
    glViewport(0, 0, page.fb_w, page.fb_h);
    const ImVec4 clear = ImGui::ColorConvertU32ToFloat4(yibao::ui::colors::page);
    glClearColor(clear.x, clear.y, clear.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    renderer::render(ImGui::GetDrawData(), page.fb_w, page.fb_h);
    if (out.again) page.frames_left = std::max(page.frames_left, 2);

    switch (out.action) {
        case yibao::ui::page_action::save_picture:
            js_action("picture");
            break;
        case yibao::ui::page_action::print:
            js_action("print");
            break;
        case yibao::ui::page_action::share_link:
            js_action("share");
            break;
        case yibao::ui::page_action::start_over:
            page.start_over = true;
            break;
        case yibao::ui::page_action::text_size:
            set_text_step((page.text_step + 1) % yibao::ui::metrics::text_step_count);
            break;
        case yibao::ui::page_action::speak:
            js_action("speak");
            break;
        case yibao::ui::page_action::none:
            break;
    }
    if (!page.options.kiosk) {  // a kiosk's URL never carries the last person's answers
        std::string q = page.app->share_query();
        if (q != page.shared_query) {
            page.shared_query = q;
            js_set_query(q.c_str());
        }
    }

    send_semantics();
    if (page.first_frame_done && !page.shaders_checked) {
        page.shaders_checked = true;  // asked only now: the answer waits for the GPU process
        renderer::shaders_ok();
    }
    if (!page.first_frame_done) {
        page.first_frame_done = true;
        js_mark("first-frame");
        js_first_frame();  // the glue fetches the full font now
    }
    if (!page.complete_frame_done && out.complete) {
        page.complete_frame_done = true;
        js_complete_frame();  // the semantics layer holds the whole page: yibao.ready
    }
}

// The semantics layer follows the frame: the nodes only when they changed (the DOM is touched
// only then), the scroll only when it moved.
void send_semantics() {
    const yibao::ui::semantics& sem = page.app->semantics_of_frame();
    std::string j = yibao::ui::semantics_json(sem);
    if (j != page.sent_semantics) {
        page.sent_semantics = std::move(j);
        js_semantics(page.sent_semantics.c_str());
    }
    const long scroll = std::lround(sem.scroll_y);
    if (scroll != page.sent_scroll) {
        page.sent_scroll = scroll;
        js_semantics_scroll(static_cast<int>(scroll));
    }
}

// The WebGL context (2, else 1) on the page's canvas: false when there is none.
bool make_context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.premultipliedAlpha = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    // No WebGL extension switched on by default (Emscripten would ask for every one it knows, a
    // round trip to the GPU process each): the GLES2/GLES3 paths of ImGui's backend use none.
    attrs.enableExtensionsByDefault = EM_FALSE;
    attrs.majorVersion = 2;
    page.gl = emscripten_webgl_create_context(canvas_id, &attrs);
    page.webgl = 2;
    if (page.gl <= 0) {
        attrs.majorVersion = 1;
        page.gl = emscripten_webgl_create_context(canvas_id, &attrs);
        page.webgl = 1;
    }
    if (page.gl <= 0) {
        page.webgl = 0;
        return false;
    }
    emscripten_webgl_make_context_current(page.gl);
    js_mark("gl");
    return true;
}

}  // namespace

int start_page(page_start start) {
    page.book = std::move(start.book);
    page.start_params = std::move(start.params);
    page.options = std::move(start.options);
    page.text_step = std::clamp(start.text_step, 0, yibao::ui::metrics::text_step_count - 1);
    if (!page.warm_up && !make_context()) return 1;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    ImGui::StyleColorsLight();
    if (!page.warm_up && !renderer::init()) return 1;

    page.font_data = start.font;
    page.font_size = start.font_size;
    page.font_is_full = start.font_is_full;
    build_ranges(page.first_font_ranges, yibao::web::first_font_glyphs);
    page.em_ratio =
        yibao::ui::height_per_em(start.font, static_cast<std::size_t>(std::max(0, start.font_size))).value_or(1.0f);
    build_ranges(page.body_ranges, yibao::web::page_glyphs);
    build_ranges(page.heading_ranges, yibao::ui::app::heading_glyphs().c_str());
    build_ranges(page.big_ranges, yibao::ui::app::big_glyphs());

    update_size();  // before the screens exist
    make_app(start.today);
    if (!page.options.calendar.empty()) {
        // The first read holds the years the first screen quotes (ui/form.h first_screen_years); a
        // screen on another one would have nothing to quote: it reads the rest first.
        const std::vector<int> read = yibao::years(*page.book);
        if (std::find(read.begin(), read.end(), page.app->year()) == read.end()) complete_rules();
    }
    js_mark("app");
    // Stage 0 of the atlas: printable ASCII and the marks the widgets draw from code points (a
    // few, small); the first pass adds what the first screen shows (grow_atlas).
    page.ascii = yibao::ui::ascii_advances_of(start.font, static_cast<std::size_t>(std::max(0, start.font_size)));
    if (page.ascii) {
        for (auto& list : page.first_glyphs) list.push_back(0x20);  // stage 1: what the first screen shows
    } else {
        // A font whose advances cannot be read: stage 0 rasterizes ASCII and the symbols.
        for (ImWchar c : bmp_code_points(yibao::web::first_glyphs))
            for (auto& list : page.first_glyphs) list.push_back(c);
    }
    page.atlas_stage = 0;
    build_fonts();
    js_mark("atlas0");
    wake(1);
    return 0;
}

void warm_up_page(page_start start, double css_w, double css_h, double dpr) {
    page.warm_up = true;
    page.css_w = css_w;
    page.css_h = css_h;
    page.dpr = dpr;
    if (start_page(std::move(start)) == 0) render_frame(0);
}

void deferred_ready() {
    if (page.deferred_in) return;
    page.deferred_in = true;
    if (!page.app) return;  // no WebGL: yibao.quote works, there is nothing to draw
    page.input.install(
        canvas_id, wake,
        [](int direction) {
            set_text_step(std::clamp(page.text_step + direction, 0, yibao::ui::metrics::text_step_count - 1));
        },
        [](float x, float y) { return page.app && complete_rules() && page.app->tap_at(x, y); });
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    emscripten_set_orientationchange_callback(nullptr, EM_FALSE, on_orientation);
    // The size may have changed while the handlers were not there.
    update_size();
    wake(std::max(page.frames_left, 1));
}

yibao::ui::app* page_app() { return page.app.get(); }

void set_page_book(std::shared_ptr<const yibao::rule_book> book) {
    page.book = std::move(book);
    page.options.calendar.clear();  // a whole book: its own years (a kiosk's start over makes a new app)
    // The same answers with the same rules for them: nothing on screen changes, no frame is drawn.
    if (page.app) page.app->set_book(page.book);
}

void reset_page(date today) {
    if (!page.app) return;
    make_app(today);
    page.shared_query.clear();
    page.input.hit_edge();
    wake(1);
}

void refresh_page_size() {
    if (!page.app) return;
    update_size();
    wake(1);
}

int page_webgl_version() { return page.webgl; }

void set_text_step(int step) {
    step = std::clamp(step, 0, yibao::ui::metrics::text_step_count - 1);
    if (step == page.text_step || !page.app) return;
    page.text_step = step;
    if (page.first_frame_done && page.font_is_full) page.atlas_stage = 2;
    build_fonts();  // a new atlas for the new size: sharp, not scaled
    std::string name = std::string("text:") + yibao::ui::metrics::text_steps[step].id;
    js_action(name.c_str());  // the glue remembers it on this device
    wake(1);
}

int text_step() { return page.text_step; }

void set_full_font(unsigned char* font, int size) {
    if (page.font_is_full || !page.app) return;
    if (!font || size <= 0) {
        page.full_font_failed = true;
        wake(1);
        return;
    }
    page.font_data = font;
    page.font_size = size;
    page.font_is_full = true;
    complete_atlas();
    if (page.frame_waiting) wake(1);  // the frame that waited for it
}

std::string font_state_json() {
    std::string first;
    for (ImWchar c : page.first_wanted) {  // beyond ASCII, and Latin letters (web/tools/blank_glyphs.py)
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (c < 0x80 && !letter) continue;
        char buf[5] = {};
        ImTextCharToUtf8(buf, c);
        first += buf;
    }
    std::string j = "{\"stage\":" + std::to_string(page.atlas_stage) + ",\"full\":";
    j += page.font_is_full ? "true" : "false";
    j += ",\"first_builds\":" + std::to_string(page.first_builds);
    j += ",\"first_frame_waited\":";
    j += page.first_frame_waited ? "true" : "false";
    j += ",\"first\":\"" + first + "\"}";  // CJK, marks and letters: nothing to escape
    return j;
}

void drag_page(float dy_css) {
    if (page.app) page.input.drag_by(dy_css);
}

}  // namespace yibao::web
