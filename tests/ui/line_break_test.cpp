// The one line breaker (ui/line_break.h), with a fixed-width measure: every Chinese character 1,
// every ASCII character 0.5 (as in a CJK font at 1 em).
#include "ui/line_break.h"

#include <gtest/gtest.h>

#include <string>

namespace yibao::ui {
namespace {

float advance(unsigned cp) { return cp < 0x80 ? 0.5f : 1.0f; }

std::vector<std::string> lines(std::string_view text, float width) {
    std::vector<std::string> out;
    for (auto l : break_lines(text, width, advance)) out.emplace_back(l);
    return out;
}

TEST(line_break, breaks_between_chinese_characters) {
    EXPECT_EQ(lines("一二三四五六", 4), (std::vector<std::string>{"一二三四", "五六"}));
}

TEST(line_break, closing_punctuation_never_starts_a_line) {
    // "一二三。" would put 。 at the start of the second line at width 3: 三 moves down with it.
    EXPECT_EQ(lines("一二三。四五", 3), (std::vector<std::string>{"一二", "三。四", "五"}));
}

TEST(line_break, numbers_and_latin_words_stay_whole) {
    // 缴费2026-01-15: the date is one word of 5 units; it moves to the next line whole.
    EXPECT_EQ(lines("缴费日期2026-01-15起", 6), (std::vector<std::string>{"缴费日期", "2026-01-15起"}));
}

TEST(line_break, honours_newlines_and_trims_spaces_at_breaks) {
    EXPECT_EQ(lines("ab cd\n一二", 10), (std::vector<std::string>{"ab cd", "一二"}));
    EXPECT_EQ(lines("abcd efgh", 2.5f), (std::vector<std::string>{"abcd", "efgh"}));
}

TEST(line_break, a_word_wider_than_the_line_is_cut) {
    EXPECT_EQ(lines("abcdefgh", 2), (std::vector<std::string>{"abcd", "efgh"}));
}

TEST(line_break, malformed_utf8_neither_crashes_nor_loops) {
    auto l = lines(std::string("\xE4\xB8", 2) + "一二", 1);
    EXPECT_FALSE(l.empty());
}

}  // namespace
}  // namespace yibao::ui

namespace yibao::ui {
namespace {

TEST(line_break, never_inside_a_number_with_a_slash_or_hyphen) {
    // （380/755）and 2025-01-01 stay whole; a break after a hyphen between words is still allowed.
    EXPECT_EQ(lines("标准（380/755）编制", 7), (std::vector<std::string>{"标准", "（380/755）编", "制"}));
    EXPECT_EQ(lines("ab-cd", 1.5f), (std::vector<std::string>{"ab-", "cd"}));
}

}  // namespace
}  // namespace yibao::ui

namespace yibao::ui {
namespace {

TEST(line_break, a_chinese_date_or_amount_is_never_broken) {
    // 集中缴费期：2025年9月1日至2026年2月28日 at 12 units: the second date (6.5 units) would end
    // the first line with "2026年2月28" and start the next with 日; it moves down whole instead.
    EXPECT_EQ(lines("集中缴费期：2025年9月1日至2026年2月28日", 12),
              (std::vector<std::string>{"集中缴费期：2025年9月1日", "至2026年2月28日"}));
    // 400元 stays whole: 元 never starts a line after its number.
    EXPECT_EQ(lines("一二三四400元", 5.5f), (std::vector<std::string>{"一二三四", "400元"}));
}

}  // namespace
}  // namespace yibao::ui
