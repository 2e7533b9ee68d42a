#include "ui/semantics.h"

#include <cmath>
#include <nlohmann/json.hpp>

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

}  // namespace

std::string semantics_json(const semantics& s) {
    using json = nlohmann::ordered_json;
    json nodes = json::array();
    for (const auto& n : s.nodes) {
        json o = json::object();
        o["id"] = n.id;
        o["role"] = sem_role_id(n.role);
        o["name"] = n.name;
        if (!n.description.empty()) o["desc"] = n.description;
        if (!n.runs.empty()) {
            json runs = json::array();
            for (const auto& r : n.runs) runs.push_back({{"text", r.text}, {"px", whole(r.font_px)}});
            o["runs"] = std::move(runs);
        }
        if (!n.group.empty()) o["group"] = n.group;
        if (n.role == sem_role::date) {
            o["value"] = n.value;
            o["min"] = n.min;
            o["max"] = n.max;
        }
        if (n.role == sem_role::heading) o["level"] = n.level;
        if (n.role == sem_role::checkbox || n.role == sem_role::radio) o["checked"] = n.checked;
        if (n.disabled) o["disabled"] = true;
        if (n.selectable) o["selectable"] = true;
        if (n.fixed) o["fixed"] = true;
        if (n.focused) o["focused"] = true;
        if (!n.tone.empty()) o["tone"] = n.tone;
        o["x"] = whole(n.x);
        o["y"] = whole(n.y);
        o["w"] = whole(n.w);
        o["h"] = whole(n.h);
        if (n.font_px > 0) {
            o["px"] = std::round(n.font_px * 10) / 10;
            o["lh"] = std::round(n.line_px * 10) / 10;
        }
        nodes.push_back(std::move(o));
    }
    json j = json::object();
    j["lang"] = s.lang;
    j["scroll"] = whole(s.scroll_y);
    j["height"] = whole(s.page_h);
    j["announce"] = s.announce;
    j["nodes"] = std::move(nodes);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace yibao::ui
