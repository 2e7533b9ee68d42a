// What the screens of ui::app share (src/ui/app.cpp and src/ui/screens/*.cpp): the headings and
// small date helpers. Private to the screens.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/dates.h"
#include "core/json_api.h"
#include "core/vocabulary.h"
#include "imgui_internal.h"
#include "ui/app.h"
#include "ui/text.h"

namespace yibao::ui {

// Headings (drawn with the heading font: only these characters are rasterized at that size).
inline constexpr const char* h_title = "重庆城乡居民医保缴费计算";
inline constexpr const char* h_district = "参保地";
inline constexpr const char* h_year = "参保年度";
inline constexpr const char* h_person = "参保人";
inline constexpr const char* h_birth = "出生日期";
inline constexpr const char* h_categories = "资助类别（可多选）";
inline constexpr const char* h_tier = "缴费档次";
inline constexpr const char* h_paid = "缴费日期";
inline constexpr const char* h_continuity = "上一年度是否参保";
inline constexpr const char* h_answer = "计算结果";
inline constexpr const char* h_reasons = "为什么 · 依据";
inline constexpr const char* h_notes = "注意";
inline constexpr const char* h_missing = "规则未收录";
inline constexpr const char* h_household = "家庭成员";
inline constexpr const char* bar_due = "应缴";
inline constexpr const char* bar_family_due = "全家应缴";
inline constexpr const char* bar_unit = "元";
inline constexpr const char* bar_none = "暂时算不出，请看下方提示";
inline constexpr const char* bar_missing = "年度标准未收录";  // after the year: 2027年度标准未收录

inline date day_of(int y, unsigned m, unsigned d) {
    return date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline date clamp_date(date d, date lo, date hi) {
    if (!d.ok()) return lo;
    if (std::chrono::sys_days{d} < std::chrono::sys_days{lo}) return lo;
    if (std::chrono::sys_days{d} > std::chrono::sys_days{hi}) return hi;
    return d;
}

}  // namespace yibao::ui
