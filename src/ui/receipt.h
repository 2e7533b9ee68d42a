// A quote as lines a person reads: the answer card on screen, the printout (A4 and 80 mm) and the
// saved picture all show this one text. No ImGui and no browser code here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/quote.h"
#include "core/rules.h"
#include "ui/form.h"

namespace yibao::ui {

enum class tone { normal, muted, good, warn, bad };

struct receipt_line {
    std::string label;
    std::string value;
    tone value_tone = tone::normal;
};

struct receipt {
    bool ok = false;
    std::string title;                   // 重庆城乡居民医保缴费计算结果
    std::string made_on;                 // 计算日期：2026年11月23日
    std::vector<receipt_line> answers;   // the resident's answers (参保地 万州区, ...)
    std::string due;                     // "400" (empty when no quote)
    std::vector<receipt_line> amounts;   // 个人缴费标准, 资助, 逾期补缴, 财政补助
    std::string coverage;                // 享受待遇：2026年1月1日至2026年12月31日
    std::string waiting;                 // 等待期90天：… / 没有等待期。
    bool has_waiting = false;
    std::string category;                // 适用资助类别：… (empty when none)
    std::vector<std::string> advice;     // paying earlier, the other tier
    std::vector<std::string> errors;     // why there is no quote
    std::vector<explanation_line> reasons;
    std::vector<std::string> notes;
    std::string rules;                   // the rules and documents used, and their revision
    std::string disclaimer;
};

receipt make_receipt(const rule_book& book, const form& f, const quote& q, const advice& a, date today);

// {"ok":…, "title":…, …, "version": build} for the page's print and picture code.
std::string receipt_json(const receipt& r, std::string_view build_version);

}  // namespace yibao::ui
