// The semantics layer's model: what the canvas shows, as nodes a browser can turn into real DOM
// elements (headings, paragraphs, buttons, checkboxes, radio groups, date inputs) placed over
// what they describe, so that screen readers, find-in-page, selection and the keyboard reach it.
// The widgets fill it while they draw (ui/widgets.h); the platform sends it to the page's glue
// (web/js/a11y.js) only when it changed. No ImGui, no browser.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace yibao::ui {

enum class sem_role {
    heading,     // level 1 (the title) or 2 (a question, a section)
    text,        // a paragraph; selectable when `selectable`
    button,      // activates (click)
    checkbox,    // toggles; `checked`
    radiogroup,  // a question whose answers are radios; its radios name it in `group`
    radio,       // one answer; `checked`
    date,        // an <input type=date>: value, min, max as YYYY-MM-DD
};

// One run of a paragraph in its own size (the amount: 应缴 · 400 · 元).
struct sem_run {
    std::string text;
    float font_px = 0;
};

struct sem_node {
    std::string id;  // stable across frames: the widget's id, or "<section>.<n>" for text
    sem_role role = sem_role::text;
    std::string name;             // the text read and shown ('\n' where the canvas breaks the line)
    std::string description;      // a control's smaller line (e.g. 应缴400元 under 一档)
    std::vector<sem_run> runs;    // text in several sizes (name is then their concatenation)
    std::string group;            // radio: its radiogroup's id
    std::string value, min, max;  // date
    int level = 0;                // heading
    bool checked = false;         // checkbox, radio
    bool disabled = false;
    bool selectable = false;  // text a long press selects (the answer)
    bool fixed = false;       // in the top bar: not scrolled with the page
    // Where it is drawn, in CSS pixels: page coordinates (scroll 0) unless `fixed`.
    float x = 0, y = 0, w = 0, h = 0;
    float font_px = 0, line_px = 0;  // text: the size and line height it is drawn at
    std::string tone;                // "warn", "bad", "good" or "" (an icon or a word says it too)
};

struct semantics {
    std::vector<sem_node> nodes;  // in reading order (the bar first)
    float scroll_y = 0;           // CSS px the page is scrolled by
    float page_h = 0;             // CSS px of the whole page (scroll 0)
    std::string announce;         // what the live region says after a change (the answer)
    std::string lang = "zh-CN";

    void clear() { *this = semantics{}; }
    // A node's id, or null.
    const sem_node* find(std::string_view id) const;
};

// The role's name in the JSON and in the glue ("heading", "text", ...).
const char* sem_role_id(sem_role r);

// The nodes as JSON for the glue: {"scroll":…, "height":…, "announce":…, "nodes":[…]}, lengths
// rounded to whole CSS pixels (so a redraw at the same place sends the same text).
std::string semantics_json(const semantics& s);

}  // namespace yibao::ui
