// The answer card: the amount due, its parts, coverage and waiting, the year on a bar, the tiers,
// the advice, and the buttons that keep the answer (picture, print, link).
#include "ui/screens/screens.h"

namespace yibao::ui {

using namespace std::chrono;

namespace {

ImU32 color_of(tone t) {
    switch (t) {
        case tone::muted:
            return colors::muted;
        case tone::good:
            return colors::good;
        case tone::warn:
            return colors::warn;
        case tone::bad:
            return colors::error;
        default:
            return colors::text;
    }
}

}  // namespace

// One row of the model (ui/presentation.h), as the answer card and the banner draw it.
void app::draw_row(const row& r, bool& parts_drawn) {
    switch (r.kind) {
        case row_kind::amount: {
            // 应缴 400 元, the number in large type; an estimate says so beside it.
            cv_.begin_row();
            ImVec2 pos = ImGui::GetCursorScreenPos();
            ImFont* big = fonts_.big;
            ImFont* body = fonts_.body;
            ImVec2 label_size = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, r.label.c_str());
            ImVec2 amount_size = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, r.text.c_str());
            ImVec2 unit_size = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, r.unit.c_str());
            const float base = pos.y + amount_size.y;
            const float small_y = base - label_size.y - cv_.px(6);
            cv_.text_at(ImVec2(pos.x, small_y), r.label, colors::muted);
            float x = pos.x + label_size.x + cv_.px(8);
            cv_.text_at(ImVec2(x, pos.y), r.text, colors::primary, big);
            x += amount_size.x + cv_.px(4);
            cv_.text_at(ImVec2(x, small_y), r.unit, colors::text);
            x += unit_size.x;
            if (!r.flag.empty()) {
                // The badge: words on a tinted ground (not colour alone).
                ImVec2 fs = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, r.flag.c_str());
                ImVec2 a(x + cv_.px(10), small_y - cv_.px(2)), b(a.x + fs.x + cv_.px(12), small_y + fs.y + cv_.px(2));
                ImGui::GetWindowDrawList()->AddRectFilled(a, b, colors::warn_soft, cv_.px(6));
                ImGui::GetWindowDrawList()->AddRect(a, b, colors::warn, cv_.px(6), 0, cv_.px(1));
                cv_.text_at(ImVec2(a.x + cv_.px(6), small_y), r.flag, colors::warn);
                x = b.x;
            }
            ImGui::Dummy(ImVec2(cv_.column_w, amount_size.y));
            cv_.record("answer.due", pos, ImVec2(pos.x + cv_.column_w, pos.y + amount_size.y));
            // Real text over it: found by find-in-page, selected by a long press, read as one line.
            const float css = cv_.css_scale;
            const std::string flag = r.flag.empty() ? "" : "（" + r.flag + "）";
            sem_node& n = cv_.text_node(r.label + " " + r.text + " " + r.unit + flag, pos,
                                        ImVec2(x, pos.y + amount_size.y), body, "answer.due");
            n.runs = {{r.label + " ", cv_.em(body) / css},
                      {r.text, cv_.em(big) / css},
                      {" " + r.unit + flag, cv_.em(body) / css}};
            n.line_px = amount_size.y / css;
            n.selectable = true;
            cv_.space(8);
            break;
        }
        case row_kind::pair: {
            // Label on the left, value on the right, a rule under it; when both do not fit on one
            // line, the value wraps under its label.
            cv_.begin_row();
            ImFont* body = fonts_.body;
            ImVec2 p = ImGui::GetCursorScreenPos();
            const float lh = cv_.line_height(body);
            const float ty = p.y + (lh - body->FontSize) * 0.5f;
            const std::string value = r.flag.empty() ? r.text : r.text + "（" + r.flag + "）";
            ImVec2 ls = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, r.label.c_str());
            ImVec2 vs = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, value.c_str());
            float h = lh;
            if (ls.x + vs.x + cv_.px(12) <= cv_.column_w) {
                cv_.text_at(ImVec2(p.x, ty), r.label, colors::muted);
                cv_.text_at(ImVec2(p.x + cv_.column_w - vs.x, ty), value, color_of(r.value_tone));
                ImGui::Dummy(ImVec2(cv_.column_w, lh));
                sem_node& n = cv_.text_node(r.label + "：" + value, p, ImVec2(p.x + cv_.column_w, p.y + lh), body,
                                            "answer." + r.id);
                n.selectable = true;
            } else {
                cv_.text_at(ImVec2(p.x, ty), r.label, colors::muted);
                ImGui::Dummy(ImVec2(cv_.column_w, lh));
                auto lines = break_lines(body, body->FontSize, value, cv_.column_w - cv_.px(12));
                for (std::size_t i = 0; i < lines.size(); ++i)
                    cv_.text_at(ImVec2(p.x + cv_.px(12), ty + lh * static_cast<float>(i + 1)), lines[i],
                                color_of(r.value_tone));
                ImGui::Dummy(ImVec2(cv_.column_w, lh * static_cast<float>(lines.size())));
                h = lh * static_cast<float>(lines.size() + 1);
                std::string said = r.label + "：";
                for (auto l : lines) said += std::string(l) + "\n";
                said.pop_back();
                sem_node& n = cv_.text_node(said, p, ImVec2(p.x + cv_.column_w, p.y + h), body, "answer." + r.id);
                n.selectable = true;
            }
            ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + h), ImVec2(p.x + cv_.column_w, p.y + h),
                                                colors::disabled, cv_.px(1));
            cv_.space(4);
            parts_drawn = true;
            break;
        }
        case row_kind::text:
            if (parts_drawn) {
                cv_.space(8);
                parts_drawn = false;
            }
            cv_.wrapped(r.text, r.id == "no_quote" ? colors::error : color_of(r.value_tone), 0, true);
            if (r.id.rfind("known.", 0) == 0) cv_.space(6);
            break;
        case row_kind::bullet:
            // An error: drawn here only when its question is not on the screen.
            if (std::find(shown_fields_.begin(), shown_fields_.end(), r.label) != shown_fields_.end()) break;
            shown_.general_errors.push_back(r.text);
            cv_.space(8);
            cv_.error_text(r.text);
            break;
        case row_kind::reason:
            break;
    }
}

// The answer card draws the model's "answer" and "hints" sections (ui/presentation.h), with the
// year on a bar and the two tiers between them.
void app::draw_answer() {
    shown_ = shown_answer{};
    answer_y_ = ImGui::GetCursorPosY();
    cv_.card_begin();
    const section* answer = model_.find(section_id::answer);
    cv_.heading(answer ? answer->heading.c_str() : h_answer);
    cv_.space(8);
    const quote& q = quote_;
    shown_.ok = q.ok;
    if (q.ok) {
        shown_.tier_due[0] = tier_due_[0];
        shown_.tier_due[1] = tier_due_[1];
        shown_.due = model_.due;
        shown_.personal_standard = format_yuan(q.personal_standard);
        shown_.assistance = format_yuan(q.assistance);
        shown_.fiscal_subsidy = format_yuan(q.fiscal_subsidy);
        shown_.surcharge = format_yuan(q.surcharge);
        if (q.coverage_start && q.coverage_end) {
            shown_.coverage_start = format_date(*q.coverage_start);
            shown_.coverage_end = format_date(*q.coverage_end);
        }
        shown_.waiting_days = q.waiting ? q.waiting->days : 0;
        if (q.waiting) {
            shown_.waiting_from = format_date(q.waiting->from);
            shown_.waiting_to = format_date(q.waiting->to);
        }
        if (q.category_applied) shown_.category_applied = *q.category_applied;
    }
    bool parts_drawn = false;
    for (const auto& r : answer ? answer->rows : std::vector<row>{}) {
        // What is known without an answer stands in the banner at the top when that is drawn.
        if (known_in_banner_ && r.id.rfind("known.", 0) == 0) continue;
        draw_row(r, parts_drawn);
    }
    if (options_.can_speak && answer) {
        // 朗读: the answer in Mandarin (the browser's zh-CN voice), beside the answer; on a kiosk
        // in the larger type of its 字号.
        cv_.space(8);
        cv_.begin_row();
        if (cv_.choice("action.speak", "朗读结果", options_.kiosk ? "用普通话读出金额和日期" : "", false,
                       cv_.column_w)) {
            action_ = page_action::speak;
            changed_this_frame_ = true;
        }
    }
    if (q.ok) {
        cv_.space(8);
        // The year on a bar.
        date y0 = day_of(form_.year, 1, 1), y1 = day_of(form_.year, 12, 31);
        std::optional<date> wf, wt;
        if (q.waiting) {
            wf = q.waiting->from;
            wt = q.waiting->to;
        }
        cv_.timeline(y0, y1, form_.paid_on, q.coverage_start, q.coverage_end, wf, wt);
        cv_.timeline_legend(q.waiting.has_value(),
                            sys_days{form_.paid_on} >= sys_days{y0} && sys_days{form_.paid_on} <= sys_days{y1});
        cv_.space(12);

        // Tier 1 and tier 2 side by side (tapping one chooses it).
        {
            std::vector<std::string> subs(2);
            for (int t = 0; t < 2; ++t)
                subs[t] = shown_.tier_due[t].empty() ? "—" : ("应缴" + shown_.tier_due[t] + "元");
            int tapped = cv_.choice_row({"compare.1", "compare.2"}, {"一档", "二档"}, subs, form_.tier - 1, "compare",
                                        "两档对比");
            if (tapped >= 0 && tapped + 1 != form_.tier) {
                form_.tier = tapped + 1;
                dirty_ = changed_this_frame_ = true;
            }
        }
        if (const section* hints = model_.find(section_id::hints)) {
            cv_.space(12);
            for (const auto& r : hints->rows) {
                shown_.hints.push_back(r.text);
                cv_.begin_row();
                ImVec2 p = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddCircleFilled(
                    ImVec2(p.x + cv_.px(5), p.y + cv_.line_height(fonts_.body) * 0.5f), cv_.px(3), colors::primary);
                cv_.wrapped(r.text, colors::text, 16);
                cv_.space(4);
            }
        }
        shown_.bar = shown_.due;
        draw_actions();
    }
    cv_.card_end();
    cv_.space(12);
}

// Keep the answer: a picture to long-press (WeChat keeps receipts as pictures), a printout, the link.
void app::draw_actions() {
    std::vector<std::string> ids, labels;
    std::vector<page_action> acts;
    if (options_.can_save_picture) {
        ids.push_back("action.picture");
        labels.push_back("保存图片");
        acts.push_back(page_action::save_picture);
    }
    if (options_.can_print) {
        ids.push_back("action.print");
        labels.push_back("打印");
        acts.push_back(page_action::print);
    }
    if (options_.can_share_link) {
        ids.push_back("action.share");
        labels.push_back(options_.wechat ? "转发给家人" : "分享链接");
        acts.push_back(page_action::share_link);
    }
    if (ids.empty()) return;
    cv_.space(12);
    int tapped = cv_.choice_row(ids, labels, {}, -1);
    if (tapped >= 0) {
        action_ = acts[tapped];
        changed_this_frame_ = true;
    }
}

}  // namespace yibao::ui
