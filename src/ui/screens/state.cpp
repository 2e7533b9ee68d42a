// app::state_json: what the screen shows now, for the browser tests (window.yibao.state()).
#include "ui/screens/screens.h"

namespace yibao::ui {

using namespace std::chrono;

namespace {

std::string json_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

std::string num(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

std::string app::state_json() const {
    const float s = last_in_.css_scale > 0 ? last_in_.css_scale : 1;
    std::string j = "{";
    auto kv = [&](const char* k, const std::string& raw) {
        if (j.size() > 1) j += ',';
        j += json_escape(k);
        j += ':';
        j += raw;
    };
    auto str_or_null = [](const std::string& v) { return v.empty() ? std::string("null") : json_escape(v); };
    kv("frame", std::to_string(frame_count_));
    kv("scale", num(s));
    kv("width", num(last_in_.width / s));
    kv("height", num(last_in_.height / s));
    kv("scroll_y", num(scroll_y_ / s));
    kv("scroll_max", num(scroll_max_ / s));
    kv("today", json_escape(format_date(today_)));
    kv("default_year", std::to_string(season_.default_year));
    kv("missing_year", season_.missing_year ? std::to_string(*season_.missing_year) : "null");
    kv("banner", str_or_null(banner_));
    kv("kiosk", options_.kiosk ? "true" : "false");
    kv("share_query", json_escape(to_query(form_)));
    kv("online", network_.online ? "true" : "false");
    kv("offline_ready", network_.offline_ready ? "true" : "false");
    kv("missing_glyphs", json_escape(drawn_missing_glyphs()));
    {
        std::string f = "{";
        f += "\"year\":" + std::to_string(form_.year);
        f += ",\"district\":" + json_escape(form_.district);
        f += ",\"person\":" + json_escape(person_id(form_.person));
        f += ",\"categories\":[";
        for (std::size_t i = 0; i < form_.categories.size(); ++i) f += (i ? "," : "") + json_escape(form_.categories[i]);
        f += "],\"tier\":" + std::to_string(form_.tier);
        f += ",\"paid_on\":" + json_escape(format_date(form_.paid_on));
        f += ",\"continuous\":" + std::string(form_.continuous ? "true" : "false");
        f += ",\"break_years\":" + std::to_string(form_.break_years);
        f += ",\"birth_date\":" + json_escape(format_date(form_.birth_date));
        f += ",\"pays_birth_year\":" + std::string(form_.pays_birth_year ? "true" : "false");
        f += ",\"freshman\":" + std::string(form_.freshman ? "true" : "false");
        f += "}";
        kv("form", f);
    }
    {
        std::string q = "[";
        for (std::size_t i = 0; i < shown_fields_.size(); ++i) q += (i ? "," : "") + json_escape(shown_fields_[i]);
        kv("questions", q + "]");
    }
    {
        const auto& a = shown_;
        std::string o = "{";
        o += "\"ok\":" + std::string(a.ok ? "true" : "false");
        o += ",\"due\":" + str_or_null(a.due);
        o += ",\"personal_standard\":" + str_or_null(a.personal_standard);
        o += ",\"assistance\":" + str_or_null(a.assistance);
        o += ",\"fiscal_subsidy\":" + str_or_null(a.fiscal_subsidy);
        o += ",\"surcharge\":" + str_or_null(a.surcharge);
        o += ",\"coverage_start\":" + str_or_null(a.coverage_start);
        o += ",\"coverage_end\":" + str_or_null(a.coverage_end);
        if (a.waiting_days > 0)
            o += ",\"waiting\":{\"from\":" + json_escape(a.waiting_from) + ",\"to\":" + json_escape(a.waiting_to) +
                 ",\"days\":" + std::to_string(a.waiting_days) + "}";
        else
            o += ",\"waiting\":null";
        o += ",\"category_applied\":" + str_or_null(a.category_applied);
        o += ",\"tier_due\":{\"1\":" + str_or_null(a.tier_due[0]) + ",\"2\":" + str_or_null(a.tier_due[1]) + "}";
        o += ",\"hints\":[";
        for (std::size_t i = 0; i < a.hints.size(); ++i) o += (i ? "," : "") + json_escape(a.hints[i]);
        o += "],\"general_errors\":[";
        for (std::size_t i = 0; i < a.general_errors.size(); ++i) o += (i ? "," : "") + json_escape(a.general_errors[i]);
        o += "],\"explanation_lines\":" + std::to_string(a.explanation_lines);
        o += ",\"notes\":" + std::to_string(a.notes);
        o += ",\"bar\":" + str_or_null(a.bar);
        o += "}";
        kv("answer", o);
    }
    {
        std::string e = "{";
        bool first = true;
        for (const auto& [field, msgs] : field_errors_) {
            if (!first) e += ',';
            first = false;
            e += json_escape(field) + ":[";
            for (std::size_t i = 0; i < msgs.size(); ++i) e += (i ? "," : "") + json_escape(msgs[i]);
            e += "]";
        }
        kv("errors", e + "}");
    }
    {
        std::string w = "{";
        bool first = true;
        const float top = cv_.view_top, bottom = cv_.view_bottom;
        for (const auto& r : cv_.rects) {
            if (!first) w += ',';
            first = false;
            // The bar and its buttons are always on screen; the rest when between it and the bottom.
            const bool in_bar = r.id == "bar" || r.id.rfind("kiosk.", 0) == 0;
            bool visible = in_bar || (r.min.y >= top && r.max.y <= bottom);
            w += json_escape(r.id) + ":{\"x\":" + num(r.min.x / s) + ",\"y\":" + num(r.min.y / s) +
                 ",\"w\":" + num((r.max.x - r.min.x) / s) + ",\"h\":" + num((r.max.y - r.min.y) / s) +
                 ",\"visible\":" + (visible ? "true" : "false") + "}";
        }
        kv("widgets", w + "}");
    }
    return j + "}";
}

}  // namespace yibao::ui
