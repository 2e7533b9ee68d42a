// app::state_json: what the screen shows now, for the browser tests (window.yibao.state()).
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/out_json.h"
#include "ui/screens/screens.h"

namespace yibao::ui {

namespace {

using json = yibao::out_json;  // keys in the order written here (natively; core/out_json.h)

// A length in CSS pixels to one decimal (the value "%.1f" writes, as a number).
double num(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return std::strtod(buf, nullptr);
}

json str_or_null(const std::string& v) { return v.empty() ? json(nullptr) : json(v); }

}  // namespace

std::string app::state_json() const {
    const float s = last_in_.css_scale > 0 ? last_in_.css_scale : 1;
    json j = json::object();
    j["frame"] = frame_count_;
    j["scale"] = num(s);
    j["width"] = num(last_in_.width / s);
    j["height"] = num(last_in_.height / s);
    j["scroll_y"] = num(scroll_y_ / s);
    j["scroll_max"] = num(scroll_max_ / s);
    j["today"] = format_date(today_);
    j["default_year"] = season_.default_year;
    j["missing_year"] = season_.missing_year ? json(*season_.missing_year) : json(nullptr);
    j["banner"] = str_or_null(banner_);
    j["kiosk"] = options_.kiosk;
    j["share_query"] = share_query();
    {
        // The household as drawn: each member's label, amount and first day of cover.
        json members = json::array();
        for (std::size_t i = 0; i < household_.members.size(); ++i) {
            const member_quote& m = household_.members[i];
            members.push_back(
                {{"label", m.label ? json(std::string(vocab::member_label_of(*m.label).id)) : json()},
                 {"ok", m.q.ok},
                 {"due", m.q.ok ? json(format_yuan(m.q.due)) : json()},
                 {"coverage_start", m.q.coverage_start ? json(format_date(*m.q.coverage_start)) : json()}});
        }
        j["household"] = members_.empty() ? json()
                                          : json{{"ok", household_.ok},
                                                 {"due", household_.ok ? json(format_yuan(household_.due)) : json()},
                                                 {"members", members}};
    }
    j["online"] = network_.online;
    j["offline_ready"] = network_.offline_ready;
    j["missing_glyphs"] = drawn_missing_glyphs();
    j["focus"] = cv_.requests.focus.empty() ? json(nullptr) : json(cv_.requests.focus);
    j["text_step"] = metrics::text_steps[std::clamp(text_step_, 0, metrics::text_step_count - 1)].id;
    {
        // The em the glyphs are drawn at, in CSS px, read from the atlas: the advance of 保, a
        // full-width ideograph (1 em wide in Noto Sans CJK).
        json em = json::object();
        auto advance = [&](const ImFont* font) -> json {
            if (!font) return nullptr;
            // (GetCharAdvance: a glyph not yet in a staged atlas advances by the em too)
            return json(num(font->GetCharAdvance(static_cast<ImWchar>(0x4FDD)) / s));
        };
        em["body"] = advance(fonts_.body);
        em["heading"] = advance(fonts_.heading);
        j["glyph_em"] = std::move(em);
    }
    {
        // The font atlas's texture (device px; one byte of alpha per pixel in ImGui's build, four
        // once uploaded as RGBA): its memory is the page's largest after the wasm heap.
        const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        int glyphs = 0;
        for (const ImFont* f : atlas->Fonts) glyphs += f->Glyphs.Size;
        j["atlas"] = {{"w", atlas->TexWidth}, {"h", atlas->TexHeight}, {"glyphs", glyphs}};
    }
    j["form"] = {
        {"year", form_.year},
        {"district", form_.district},
        {"person", std::string(vocab::person(form_.person).id)},
        {"categories", form_.categories},
        {"tier", form_.tier},
        {"paid_on", format_date(form_.paid_on)},
        {"continuous", form_.continuous},
        {"break_years", form_.break_years},
        {"birth_date", format_date(form_.birth_date)},
        {"pays_birth_year", form_.pays_birth_year},
        {"freshman", form_.freshman},
    };
    j["questions"] = shown_fields_;
    {
        const auto& a = shown_;
        json o = json::object();
        o["ok"] = a.ok;
        o["due"] = str_or_null(a.due);
        o["personal_standard"] = str_or_null(a.personal_standard);
        o["assistance"] = str_or_null(a.assistance);
        o["fiscal_subsidy"] = str_or_null(a.fiscal_subsidy);
        o["surcharge"] = str_or_null(a.surcharge);
        o["coverage_start"] = str_or_null(a.coverage_start);
        o["coverage_end"] = str_or_null(a.coverage_end);
        o["waiting"] = a.waiting_days > 0
                           ? json{{"from", a.waiting_from}, {"to", a.waiting_to}, {"days", a.waiting_days}}
                           : json(nullptr);
        o["category_applied"] = str_or_null(a.category_applied);
        o["tier_due"] = {{"1", str_or_null(a.tier_due[0])}, {"2", str_or_null(a.tier_due[1])}};
        o["hints"] = a.hints;
        o["general_errors"] = a.general_errors;
        o["explanation_lines"] = a.explanation_lines;
        o["notes"] = a.notes;
        o["bar"] = str_or_null(a.bar);
        j["answer"] = std::move(o);
    }
    {
        json e = json::object();
        for (const auto& [field, msgs] : field_errors_) e[field] = msgs;
        j["errors"] = std::move(e);
    }
    {
        json w = json::object();
        const float top = cv_.view_top, bottom = cv_.view_bottom;
        for (const auto& r : cv_.rects) {
            // The bar and its buttons are always on screen; the rest when between it and the bottom.
            const bool in_bar = r.id == "bar" || r.id.rfind("kiosk.", 0) == 0;
            bool visible = in_bar || (r.min.y >= top && r.max.y <= bottom);
            w[r.id] = {{"x", num(r.min.x / s)},
                       {"y", num(r.min.y / s)},
                       {"w", num((r.max.x - r.min.x) / s)},
                       {"h", num((r.max.y - r.min.y) / s)},
                       {"visible", visible}};
        }
        j["widgets"] = std::move(w);
    }
    // Bytes that are not UTF-8 (never expected) become U+FFFD instead of stopping the page.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace yibao::ui
