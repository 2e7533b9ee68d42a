// The page's C ABI (platform/abi.h): the functions the glue (web/js/*.js) calls through
// Emscripten's Module. The main loop (WebGL, Dear ImGui, frames) is in main_web.cpp, behind
// platform/page.h.
#include "platform/abi.h"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "core/json_api.h"
#include "core/out_json.h"
#include "core/rules.h"
#include "core/vocabulary.h"
#include "platform/page.h"
#include "platform/rules_bundle.h"
#include "ui/app.h"
#include "ui/line_break.h"
#include "ui/widgets.h"

// The width of one code point in the saved picture's font at px CSS pixels.
EM_JS(float, js_text_advance, (unsigned cp, float px),
      { return Module.yibao_measure ? Module.yibao_measure(cp, px) : px; });

namespace {

std::shared_ptr<const yibao::rule_book> book;
std::string load_errors;
std::vector<yibao::rules_error> last_errors;  // of the last read
std::string out;                              // the last string returned to JavaScript

const char* keep(std::string s) {
    out = std::move(s);
    return out.c_str();
}

// yibao_start's object: {"query": location.search, "today": "YYYY-MM-DD", "version": the site's
// build, and where the page runs: "kiosk", "can_print", "can_save_picture", "can_share_link",
// "wechat" (booleans, each false when left out but can_save_picture and can_share_link, true)}.
// Null when it is not such an object (an unknown key or a wrong type is the glue's mistake).
struct start_options {
    std::string query;
    std::string today;
    std::string text;  // the 字号 step's id ("standard", "large", "xlarge"); "" = the default
    yibao::ui::app_options options;
};

std::optional<start_options> parse_start_options(const char* text) {
    nlohmann::json j = nlohmann::json::parse(text ? text : "", nullptr, false);
    if (!j.is_object()) return std::nullopt;
    start_options s;
    auto& o = s.options;
    struct flag {
        const char* key;
        bool* value;
    };
    const flag flags[] = {{"kiosk", &o.kiosk},
                          {"can_print", &o.can_print},
                          {"can_save_picture", &o.can_save_picture},
                          {"can_share_link", &o.can_share_link},
                          {"wechat", &o.wechat},
                          {"can_speak", &o.can_speak}};
    const std::pair<const char*, std::string*> texts[] = {
        {"query", &s.query}, {"today", &s.today}, {"version", &o.build_version}, {"text", &s.text}};
    for (const auto& item : j.items()) {
        const std::string& key = item.key();
        const nlohmann::json& value = item.value();
        bool known = false;
        for (const auto& f : flags) {
            if (key != f.key) continue;
            if (!value.is_boolean()) return std::nullopt;
            *f.value = value.get<bool>();
            known = true;
        }
        for (const auto& [name, target] : texts) {
            if (key != name) continue;
            if (!value.is_string()) return std::nullopt;
            *target = value.get<std::string>();
            known = true;
        }
        if (!known) return std::nullopt;
    }
    return s;
}

std::string hex_color(ImU32 c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<unsigned>((c >> IM_COL32_R_SHIFT) & 0xff),
                  static_cast<unsigned>((c >> IM_COL32_G_SHIFT) & 0xff),
                  static_cast<unsigned>((c >> IM_COL32_B_SHIFT) & 0xff));
    return buf;
}

// A rules file the page reads: from the bundle, or published beside the page and newer
// (yibao_update_rules), with the SHA-256 of the file as published.
struct rules_file {
    std::string path;                              // as shown in messages: "rules/chongqing/2026/municipal.json"
    std::string_view text;                         // the bundle's bytes (compiled in), or *published
    std::shared_ptr<const std::string> published;  // a published file's text
    std::string sha256;
};
std::vector<rules_file> book_files;  // the files `book` was read from

rules_file embedded(const yibao::web::embedded_file& f) { return {f.path, {f.text, f.size}, nullptr, f.sha256}; }

// The bundle's calendar (platform/rules_bundle.h) as the screens read it; empty when there is
// none or a date in it is not one.
std::vector<yibao::ui::year_dates> bundled_calendar_dates() {
    std::vector<yibao::ui::year_dates> out;
    for (const auto& y : yibao::web::bundled_calendar()) {
        const auto opens = yibao::parse_date(y.opens), centralized = yibao::parse_date(y.centralized_ends),
                   ends = yibao::parse_date(y.coverage_ends);
        if (!opens || !centralized || !ends) return {};
        out.push_back({y.year, *opens, *centralized, *ends});
    }
    return out;
}

// While the book holds only the first screen's years (yibao_init): every year with its dates, for
// the screens to offer (ui::app_options::calendar). Empty once the book is whole.
std::vector<yibao::ui::year_dates> first_calendar;
std::vector<int> first_years;          // the years the first read took (empty: every year)
int first_reads = 0;                   // how many times yibao_init read rules (1, or 2 after a failed first read)
std::vector<std::string> first_files;  // the files the first read took
// Whether the calendar the page started with agreed with the whole book's (complete_rules);
// "" before that, or when the page read every year first.
std::string calendar_check;

// Puts a file into a set: in place of the one with its path, or added (a new year's file).
void put(std::vector<rules_file>& files, rules_file f) {
    auto same = std::find_if(files.begin(), files.end(), [&](const rules_file& g) { return g.path == f.path; });
    if (same == files.end())
        files.push_back(std::move(f));
    else
        *same = std::move(f);
}

bool rules_complete = false;

// The rules in these files (load_errors says what is wrong when it is null).
std::shared_ptr<const yibao::rule_book> read(const std::vector<rules_file>& files) {
    std::vector<yibao::rules_text_view> sources;
    sources.reserve(files.size());
    for (const auto& f : files) sources.push_back({f.path, f.text});
    yibao::load_result r = yibao::load_rules_views(sources);
    load_errors.clear();
    for (const auto& e : r.errors) load_errors += e.to_string() + "\n";
    last_errors = std::move(r.errors);
    return r.book;
}

bool load(std::vector<rules_file> files) {
    book = read(files);
    if (book) book_files = std::move(files);
    return book != nullptr;
}

// A published file's path (relative to rules/, as in build/web/rules/index.json): folders and a
// name of lowercase letters, digits, '_' and '-', ending in .json; never "..".
bool published_path(const std::string& p) {
    if (p.size() < 6 || p.size() > 200 || p.compare(p.size() - 5, 5, ".json") != 0 || p.front() == '/') return false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= p.size(); ++i) {
        if (i < p.size() && p[i] != '/') {
            const char c = p[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.')) return false;
            continue;
        }
        const std::string part = p.substr(start, i - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = i + 1;
    }
    return true;
}

}  // namespace

namespace yibao::web {

bool complete_rules() {
    if (rules_complete) return book != nullptr;
    rules_complete = true;
    // The whole bundle, with whatever published files replaced or added so far.
    std::vector<rules_file> files;
    for (const auto& f : yibao::web::bundled_rules()) files.push_back(embedded(f));
    for (const auto& f : book_files) put(files, f);
    if (!load(std::move(files))) return false;
    if (!first_calendar.empty())
        calendar_check = yibao::ui::year_calendar(*book) == first_calendar ? "agrees" : "differs";
    first_calendar.clear();
    set_page_book(book);
    return true;
}

}  // namespace yibao::web

namespace {

// What the screens start from, from yibao_start's options; null, with `refused` set to
// yibao_start's code, when the options are wrong (4) or today is not a date (3).
std::optional<yibao::web::page_start> page_start_of(std::optional<start_options> s, unsigned char* font, int font_size,
                                                    int font_is_full, int& refused) {
    if (!s) {
        refused = 4;
        return std::nullopt;
    }
    std::optional<yibao::date> day = yibao::parse_date(s->today);
    if (!day) {
        refused = 3;
        return std::nullopt;
    }
    yibao::web::page_start start;
    start.book = book;
    start.params = yibao::ui::parse_query(s->query);
    start.today = *day;
    start.options = std::move(s->options);
    start.options.calendar = first_calendar;
    start.font = font;
    start.font_size = font_size;
    start.font_is_full = font_is_full != 0;
    start.text_step = start.options.kiosk ? yibao::ui::metrics::kiosk_text_step : 0;
    if (!s->text.empty()) {
        bool known = false;
        for (int i = 0; i < yibao::ui::metrics::text_step_count; ++i)
            if (s->text == yibao::ui::metrics::text_steps[i].id) {
                start.text_step = i;
                known = true;
            }
        if (!known) {
            refused = 4;
            return std::nullopt;
        }
    }
    return start;
}

}  // namespace

extern "C" {

// Emscripten's runtime calls it on the page; a worker's copy of the module calls it itself.
void __wasm_call_ctors(void);

// The rules compiled into the page, read in two steps. The first screen needs districts.json, the
// municipal rules of the year it quotes (the year the address names, else the one the bundle's
// calendar preselects on `today`: ui/form.h first_screen_years) and the files of the district the
// address names; it offers the other years from the calendar. Without a calendar or a date, it
// reads every year's municipal rules (their dates choose the year shown). The rest (most of the
// bytes) is read once the first frame is on screen, or sooner when anything asks for more
// (complete_rules). Returns 0, or 1 when a rules file is broken.
EMSCRIPTEN_KEEPALIVE int yibao_init(const char* query, const char* today) {
    const yibao::ui::url_params params = yibao::ui::parse_query(query ? query : "");
    std::string asked;
    for (const auto& [key, value] : params)
        if (key == yibao::vocab::find_field("district")->url) asked = value;
    // The district the link names, from the district list alone: its own files join the first read
    // (a district the list does not know reads none; the screens say it is unknown).
    std::string district;
    if (!asked.empty())
        for (const auto& f : yibao::web::bundled_rules())
            if (std::string_view(f.path).ends_with("/districts.json")) {
                district = yibao::district_id_in({f.text, f.size}, asked).value_or("");
                break;
            }
    std::vector<yibao::ui::year_dates> calendar = bundled_calendar_dates();
    const std::optional<yibao::date> day = yibao::parse_date(today ? today : "");
    std::vector<int> years;  // empty: every year
    if (!calendar.empty() && day) years = yibao::ui::first_screen_years(calendar, *day, params);
    // A first read that leaves years out, and cannot be read without them (a municipal file that
    // extends another year's), is read again with every year.
    const std::vector<int> every_year;
    for (int attempt = 0; attempt < 2; ++attempt, years.clear()) {
        const bool some_years = !years.empty() && years.size() < calendar.size();
        const std::vector<int>& wanted = some_years ? years : every_year;
        std::vector<rules_file> files;
        for (const auto& f : yibao::web::bundled_rules())
            if (yibao::ui::first_read_file(f.path, wanted, district)) files.push_back(embedded(f));
        ++first_reads;
        if (!load(std::move(files))) {
            if (some_years) continue;
            return 1;
        }
        first_calendar = some_years ? calendar : std::vector<yibao::ui::year_dates>{};
        first_years = wanted;
        for (const auto& f : book_files) first_files.push_back(f.path);
        return 0;
    }
    return 1;
}

// How far the rules are read, as JSON: {"complete": whether the whole bundle is (complete_rules),
// "first_years": the years the first read took ([]: every year), "calendar": once complete, whether
// the bundle's calendar agreed with the whole book's years and dates ("agrees", "differs"; "" when
// the first read took every year), "first_reads": how many times yibao_init read rules (1; 2 when
// a first read without every year failed), "first_files": the files it took}. The page's tests read
// it (window.yibao.rules_state).
EMSCRIPTEN_KEEPALIVE const char* yibao_rules_state() {
    yibao::out_json j = yibao::out_json::object();
    j["complete"] = rules_complete && book != nullptr;
    j["first_years"] = first_years;
    j["calendar"] = calendar_check;
    j["first_reads"] = first_reads;
    j["first_files"] = first_files;
    return keep(j.dump());
}

// The rest of the rules, once the first frame is on screen (the glue calls it when the page is
// idle). Returns 0, or 1 when a rules file is broken.
EMSCRIPTEN_KEEPALIVE int yibao_complete_rules() { return yibao::web::complete_rules() ? 0 : 1; }

// The rules files quoted with, as published beside the page: {"files": [{"path":
// "chongqing/2026/municipal.json", "sha256": "…"}, …]} (paths relative to rules/).
EMSCRIPTEN_KEEPALIVE const char* yibao_rules_files() {
    yibao::web::complete_rules();
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : book_files) {
        std::string p = f.path;
        if (p.rfind("rules/", 0) == 0) p.erase(0, 6);
        files.push_back({{"path", p}, {"sha256", f.sha256}});
    }
    return keep(nlohmann::json{{"files", files}}.dump());
}

// Rules files published beside the page that differ from those in use (web/js/rules.js fetched
// them and checked their SHA-256): [{"path": "chongqing/2026/municipal.json", "text": "…",
// "sha256": "…"}, …]. They replace the files of the same path or add new ones (a new year), and are
// checked by the same loader as `yibao rules check`; any error keeps the rules in use. Returns
// {"ok": true} or {"ok": false, "errors": [{"file", "path", "message"}]}.
EMSCRIPTEN_KEEPALIVE const char* yibao_update_rules(const char* files_json) {
    auto refused = [](const std::string& file, const std::string& message) {
        nlohmann::json e = {{"file", file}, {"path", ""}, {"message", message}};
        return keep(nlohmann::json{{"ok", false}, {"errors", nlohmann::json::array({e})}}.dump());
    };
    if (!yibao::web::complete_rules()) return refused("", "规则没有加载。");
    nlohmann::json in = nlohmann::json::parse(files_json ? files_json : "", nullptr, false);
    constexpr std::size_t max_files = 1000;  // the rules folder's own limits (core/rules.cpp)
    if (!in.is_array() || in.empty() || in.size() > max_files) return refused("", "not an array of rules files");
    std::vector<rules_file> files = book_files;
    for (const auto& f : in) {
        if (!f.is_object() || f.size() != 3 || !f.contains("path") || !f.contains("text") || !f.contains("sha256") ||
            !f["path"].is_string() || !f["text"].is_string() || !f["sha256"].is_string())
            return refused("", "a file is not {path, text, sha256}");
        const std::string& path = f["path"].get_ref<const std::string&>();
        if (!published_path(path)) return refused(path, "not a rules file's path");
        auto text = std::make_shared<const std::string>(f["text"].get<std::string>());
        put(files, {"rules/" + path, *text, text, f["sha256"].get<std::string>()});
    }
    std::shared_ptr<const yibao::rule_book> updated = read(files);
    if (!updated) {
        nlohmann::json errors = nlohmann::json::array();
        for (const auto& e : last_errors)
            errors.push_back({{"file", e.file}, {"path", e.path}, {"message", e.message}});
        return keep(nlohmann::json{{"ok", false}, {"errors", errors}}.dump());
    }
    book = std::move(updated);
    book_files = std::move(files);
    yibao::web::set_page_book(book);
    yibao::web::wake(1);  // the answer on screen and the footer's revision follow
    return keep("{\"ok\":true}");
}

// The rules files' problems, when yibao_init failed.
EMSCRIPTEN_KEEPALIVE const char* yibao_load_errors() { return load_errors.c_str(); }

// window.yibao.quote: the same JSON as `yibao quote` (with advice when asked).
EMSCRIPTEN_KEEPALIVE const char* yibao_quote(const char* request_json, int with_advice) {
    yibao::web::complete_rules();
    if (!book) return keep("{\"ok\":false,\"errors\":[{\"field\":\"\",\"message\":\"规则没有加载。\"}]}");
    return keep(yibao::quote_json(*book, request_json, with_advice != 0));
}

EMSCRIPTEN_KEEPALIVE const char* yibao_catalogue() {
    yibao::web::complete_rules();
    if (!book) return keep("null");
    return keep(yibao::catalogue_json(*book));
}

EMSCRIPTEN_KEEPALIVE const char* yibao_categories(int year, const char* district) {
    yibao::web::complete_rules();
    if (!book) return keep("null");
    return keep(yibao::categories_json(*book, year, district));
}

// What the screen shows (the test hook window.yibao.state()).
EMSCRIPTEN_KEEPALIVE const char* yibao_state() {
    auto* app = yibao::web::page_app();
    if (!app) return keep("null");
    return keep(app->state_json());
}

// The screens' colours by name ({"page": "#f3f5f8", "text": ..., ...}, ui/widgets.h): the glue
// draws the saved picture with the same ones.
EMSCRIPTEN_KEEPALIVE const char* yibao_palette() {
    yibao::out_json j = yibao::out_json::object();
    for (const auto& c : yibao::ui::palette::named) j[c.name] = hex_color(yibao::ui::colors::im(c.value));
    return keep(j.dump());
}

// Starts the interface: options = the JSON object above (parse_start_options), font = the Noto
// Sans CJK SC subset to start with (the page keeps the bytes): the first font, or the full one
// when font_is_full (platform/page.h).
// Returns 0, 1 when there is no WebGL, 2 when the rules did not load, 3 when today is not a date,
// 4 when the options are not such an object.
EMSCRIPTEN_KEEPALIVE int yibao_start(const char* options_json, unsigned char* font, int font_size, int font_is_full) {
    if (!book) return 2;
    int refused = 0;
    std::optional<yibao::web::page_start> start =
        page_start_of(parse_start_options(options_json), font, font_size, font_is_full, refused);
    if (!start) return refused;
    return yibao::web::start_page(std::move(*start));
}

// A head start for the page, in a worker (web/index.html): the worker's own copy of the module
// reads the rules and runs the first frame once, with no canvas (platform/page.h warm_up_page), on
// the options and the first font the page starts with, at the page's size. V8 compiles each wasm
// function when it is first called, into code the page's copy shares: the page's first frame then
// finds most of its functions compiled. Nothing reaches the page; a failure only loses the head
// start. The worker finds these two functions by the names in the module's custom section
// yibao.exports (web/tools/split_wasm.py), as Emscripten shortens export names.
//
// yibao_warm_up_begin runs the copy's static constructors the first time (the worker has no
// Emscripten runtime to do it) and returns `size` bytes for what it passes to yibao_warm_up.
EMSCRIPTEN_KEEPALIVE unsigned char* yibao_warm_up_begin(int size) {
    static bool constructed = false;
    if (!constructed) {
        constructed = true;
        __wasm_call_ctors();
    }
    return static_cast<unsigned char*>(std::malloc(static_cast<std::size_t>(std::max(size, 1))));
}

// The rules the page starts with (yibao_init on the options' query), once; then, given the font,
// the first frame.
EMSCRIPTEN_KEEPALIVE void yibao_warm_up(const char* options_json, unsigned char* font, int font_size, double css_w,
                                        double css_h, double dpr) {
    std::optional<start_options> s = parse_start_options(options_json);
    if (!s) return;
    if (!book && yibao_init(s->query.c_str(), s->today.c_str()) != 0) return;
    if (!font || !book) return;
    int refused = 0;
    std::optional<yibao::web::page_start> start = page_start_of(std::move(s), font, font_size, 0, refused);
    if (start) yibao::web::warm_up_page(std::move(*start), css_w, css_h, dpr);
}

// The deferred module is in (or there is none): input and the frames after the first.
EMSCRIPTEN_KEEPALIVE void yibao_deferred_ready() { yibao::web::deferred_ready(); }

// The full font (yibao-sc.otf; the page keeps the bytes), or null when it could not be loaded.
EMSCRIPTEN_KEEPALIVE void yibao_full_font(unsigned char* font, int font_size) {
    yibao::web::set_full_font(font, font_size);
}

// The font atlas's stages (platform/page.h font_state_json): tests and make first-glyphs.
EMSCRIPTEN_KEEPALIVE const char* yibao_font_state() { return keep(yibao::web::font_state_json()); }

// The device pixel ratio changed without a resize (browser zoom, moved to another screen).
EMSCRIPTEN_KEEPALIVE void yibao_refresh_size() { yibao::web::refresh_page_size(); }

EMSCRIPTEN_KEEPALIVE int yibao_webgl_version() { return yibao::web::page_webgl_version(); }

// Forgets every answer: the screen as the page's own URL opens it, on today's date (a kiosk runs
// for days). Returns 1 when today is not a date.
EMSCRIPTEN_KEEPALIVE int yibao_reset(const char* today) {
    if (!yibao::web::page_app() || !yibao::web::complete_rules()) return 0;
    auto day = yibao::parse_date(today);
    if (!day) return 1;
    yibao::web::reset_page(*day);
    return 0;
}

// What a person reads of the quote (ui/presentation.h), as JSON: the printout and the saved
// picture walk it.
EMSCRIPTEN_KEEPALIVE const char* yibao_presentation() {
    auto* app = yibao::web::page_app();
    if (!app) return keep("null");
    return keep(app->presentation_json());
}

// The one line breaker (ui/line_break.h) for the saved picture, with the canvas's advances
// (Module.yibao_measure(cp, px), set by web/js/picture.js): lines as a JSON array.
EMSCRIPTEN_KEEPALIVE const char* yibao_break_lines(const char* text, float px, float width) {
    auto lines = yibao::ui::break_lines(text ? std::string_view(text) : std::string_view(), width,
                                        [px](unsigned cp) { return js_text_advance(cp, px); });
    nlohmann::json arr = nlohmann::json::array();
    for (auto l : lines) arr.push_back(std::string(l));
    return keep(arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The network as the glue sees it: online (navigator.onLine), offline_ready (a service worker
// holds every file of this version).
EMSCRIPTEN_KEEPALIVE void yibao_set_network(int online, int offline_ready) {
    auto* app = yibao::web::page_app();
    if (!app) return;
    if (app->set_network({online != 0, offline_ready != 0})) yibao::web::wake(1);
}

// The semantics layer (web/js/a11y.js) acting for the resident: a click on an element (a screen
// reader's double tap, Enter, Space), a date chosen in the platform's picker, the focus. Each
// asks for the frames that show it; the answer changes on the next one.
EMSCRIPTEN_KEEPALIVE void yibao_a11y_activate(const char* id) {
    auto* app = yibao::web::page_app();
    if (!app || !id || !yibao::web::complete_rules()) return;
    app->activate(id);
    yibao::web::wake(1);
}

EMSCRIPTEN_KEEPALIVE void yibao_a11y_value(const char* id, const char* value) {
    auto* app = yibao::web::page_app();
    if (!app || !id || !value || !yibao::web::complete_rules()) return;
    app->set_value(id, value);
    yibao::web::wake(1);
}

// by_keyboard: the focus came by Tab or an arrow (draw the ring, scroll it into view).
EMSCRIPTEN_KEEPALIVE void yibao_a11y_focus(const char* id, int by_keyboard) {
    auto* app = yibao::web::page_app();
    if (!app) return;
    app->set_focus(id ? id : "", by_keyboard != 0);
    yibao::web::wake(1);
}

// The 字号 step: 0 标准, 1 大字, 2 特大 (ui/widgets.h metrics::text_steps); returns the step in use.
EMSCRIPTEN_KEEPALIVE int yibao_set_text_step(int step) {
    yibao::web::set_text_step(step);
    return yibao::web::text_step();
}

// The browser has a Mandarin voice (speechSynthesis): 朗读 appears beside the answer.
EMSCRIPTEN_KEEPALIVE void yibao_set_can_speak(int yes) {
    auto* app = yibao::web::page_app();
    if (!app) return;
    app->set_can_speak(yes != 0);
    yibao::web::wake(1);
}

// A finger dragging over the answer's text (which a long press selects): the page scrolls with it.
EMSCRIPTEN_KEEPALIVE void yibao_drag(float dy_css) { yibao::web::drag_page(dy_css); }

// What 朗读 says: the amount, the coverage dates and any waiting period (plain text).
EMSCRIPTEN_KEEPALIVE const char* yibao_speech_text() {
    auto* app = yibao::web::page_app();
    if (!app) return keep("");
    return keep(app->speech_text());
}

}  // extern "C"
