#include "ui/semantics.h"

#include <cmath>
#include <string>

namespace yibao::ui {

const sem_node* semantics::find(std::string_view id) const {
    for (const auto& n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

const char* sem_role_id(sem_role r) {
    switch (r) {
        case sem_role::heading:
            return "heading";
        case sem_role::text:
            return "text";
        case sem_role::button:
            return "button";
        case sem_role::checkbox:
            return "checkbox";
        case sem_role::radiogroup:
            return "radiogroup";
        case sem_role::radio:
            return "radio";
        case sem_role::date:
            return "date";
    }
    return "text";
}

namespace {

long whole(float v) { return std::lround(v); }

// JSON by hand (the page calls this after every frame that changed; no DOM library needed):
// strings escaped as RFC 8259 asks, bytes that are not UTF-8 passed through (the glue's
// JSON.parse sees what the screens drew).
void put_string(std::string& out, std::string_view s) {
    out += '"';
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                if (c < 0x20) {
                    static const char hex[] = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

void put_key(std::string& out, const char* key) {
    out += '"';
    out += key;
    out += "\":";
}

void put_field(std::string& out, const char* key, std::string_view value) {
    put_key(out, key);
    put_string(out, value);
    out += ',';
}

void put_number(std::string& out, const char* key, long value) {
    put_key(out, key);
    out += std::to_string(value);
    out += ',';
}

// One decimal, the way a CSS length is written ("17", "25.5").
void put_decimal(std::string& out, const char* key, float value) {
    const long tenths = std::lround(value * 10);
    put_key(out, key);
    if (tenths < 0) out += '-';
    const long a = tenths < 0 ? -tenths : tenths;
    out += std::to_string(a / 10);
    if (a % 10) {
        out += '.';
        out += static_cast<char>('0' + a % 10);
    }
    out += ',';
}

void put_true(std::string& out, const char* key) {
    put_key(out, key);
    out += "true,";
}

}  // namespace

std::string semantics_json(const semantics& s) {
    std::string out;
    out.reserve(256 + s.nodes.size() * 160);
    out += '{';
    put_field(out, "lang", s.lang);
    put_number(out, "height", whole(s.page_h));
    put_field(out, "announce", s.announce);
    out += "\"nodes\":[";
    bool first = true;
    for (const auto& n : s.nodes) {
        if (!first) out += ',';
        first = false;
        out += '{';
        put_field(out, "id", n.id);
        put_field(out, "role", sem_role_id(n.role));
        put_field(out, "name", n.name);
        if (!n.description.empty()) put_field(out, "desc", n.description);
        if (!n.runs.empty()) {
            out += "\"runs\":[";
            for (std::size_t i = 0; i < n.runs.size(); ++i) {
                if (i) out += ',';
                out += '{';
                put_field(out, "text", n.runs[i].text);
                put_number(out, "px", whole(n.runs[i].font_px));
                out.back() = '}';
            }
            out += "],";
        }
        if (!n.group.empty()) put_field(out, "group", n.group);
        if (n.role == sem_role::date) {
            put_field(out, "value", n.value);
            put_field(out, "min", n.min);
            put_field(out, "max", n.max);
        }
        if (n.role == sem_role::heading) put_number(out, "level", n.level);
        if (n.role == sem_role::checkbox || n.role == sem_role::radio) {
            put_key(out, "checked");
            out += n.checked ? "true," : "false,";
        }
        if (n.disabled) put_true(out, "disabled");
        if (n.selectable) put_true(out, "selectable");
        if (n.fixed) put_true(out, "fixed");
        if (!n.tone.empty()) put_field(out, "tone", n.tone);
        put_number(out, "x", whole(n.x));
        put_number(out, "y", whole(n.y));
        put_number(out, "w", whole(n.w));
        put_number(out, "h", whole(n.h));
        if (n.font_px > 0) {
            put_decimal(out, "px", n.font_px);
            put_decimal(out, "lh", n.line_px);
        }
        out.back() = '}';
    }
    out += "]}";
    return out;
}

}  // namespace yibao::ui
