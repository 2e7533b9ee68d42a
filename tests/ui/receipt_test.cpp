// The receipt (ui/receipt.h): the one text that the answer card, the printout and the saved
// picture show. Expected figures come from the documents, not from the engine.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/test_support.h"
#include "ui/receipt.h"

namespace yibao::ui {
namespace {

date d(const char* s) { return *parse_date(s); }

receipt receipt_for(const form& f, date today) {
    const rule_book& book = *test::project_rules();
    request req = to_request(f);
    quote q = evaluate(book, req);
    advice a = advise(book, req, q, today);
    return make_receipt(book, f, q, a, today);
}

bool has_line(const std::vector<receipt_line>& lines, const std::string& label, const std::string& value) {
    for (const auto& l : lines)
        if (l.label.find(label) != std::string::npos && l.value == value) return true;
    return false;
}

// 渝医保发〔2025〕42号 一: 2026 一档 400 元, 财政补助 700 元; a continuous payer in the centralized
// period is covered the whole year.
TEST(receipt, resident_2026_in_the_centralized_period) {
    form f;
    f.year = 2026;
    f.district = "chongqing";
    f.tier = 1;
    f.paid_on = d("2025-12-31");
    receipt r = receipt_for(f, d("2025-12-01"));
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.due, "400");
    EXPECT_TRUE(has_line(r.amounts, "个人缴费标准", "400元"));
    EXPECT_TRUE(has_line(r.amounts, "财政补助", "700元"));
    EXPECT_EQ(r.coverage, "享受待遇：2026年1月1日至2026年12月31日");
    EXPECT_EQ(r.waiting, "没有等待期。");
    EXPECT_TRUE(has_line(r.answers, "参保年度", "2026年度"));
    EXPECT_TRUE(has_line(r.answers, "缴费日期", "2025年12月31日"));
    EXPECT_EQ(r.made_on, "计算日期：2025年12月1日");
    EXPECT_NE(r.rules.find("渝医保发〔2025〕42号"), std::string::npos) << r.rules;
    EXPECT_NE(r.rules.find("规则数据修订于"), std::string::npos) << r.rules;
    ASSERT_FALSE(r.reasons.empty());
    bool cited = false;
    for (const auto& e : r.reasons) cited = cited || e.source.find("渝医保发〔2025〕42号") != std::string::npos;
    EXPECT_TRUE(cited);
}

// 万州医保发〔2024〕51号 附件, code 101 民政城乡低保对象, 一档: 资助 360 元, 个人实缴 40 元.
TEST(receipt, wanzhou_dibao_shows_the_assistance_and_the_category) {
    form f;
    f.year = 2025;
    f.district = "wanzhou";
    f.categories = {"101"};
    f.tier = 1;
    f.paid_on = d("2024-12-01");
    receipt r = receipt_for(f, d("2024-12-01"));
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.due, "40");
    EXPECT_TRUE(has_line(r.amounts, "资助", "-360元"));
    EXPECT_TRUE(has_line(r.answers, "参保地", "万州区"));
    EXPECT_TRUE(has_line(r.answers, "资助类别", "民政城乡低保对象"));
    EXPECT_EQ(r.category, "适用资助类别：民政城乡低保对象");
    EXPECT_NE(r.rules.find("万州医保发〔2024〕51号"), std::string::npos) << r.rules;
}

// 酉阳医保发〔2024〕37号 二（二）: 在乡复员军人 are assisted at 二档 only; 一档 gives no figures.
TEST(receipt, no_quote_gives_reasons_and_no_amount) {
    form f;
    f.year = 2025;
    f.district = "youyang";
    f.categories = {"109"};
    f.tier = 1;
    f.paid_on = d("2024-12-01");
    receipt r = receipt_for(f, d("2024-12-01"));
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.due.empty());
    EXPECT_TRUE(r.amounts.empty());
    EXPECT_FALSE(r.errors.empty());
    auto j = nlohmann::json::parse(receipt_json(r, "abc123"));
    EXPECT_TRUE(j["due"].is_null());
    EXPECT_EQ(j["version"], "abc123");
    EXPECT_EQ(j["errors"].size(), r.errors.size());
}

}  // namespace
}  // namespace yibao::ui
