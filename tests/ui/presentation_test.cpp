// The presentation model (ui/presentation.h): the one text that the CLI, the answer card, the
// printout, the saved picture and the accessibility layer show. Expected figures come from the
// documents, not from the engine.
#include "ui/presentation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/dates.h"
#include "core/format.h"
#include "core/request_reader.h"
#include "core/test_support.h"
#include "core/vocabulary.h"
#include "ui/form.h"

namespace yibao::ui {
namespace {

date d(const char* s) { return *parse_date(s); }

presentation model_for(const form& f, date today, const rule_book* rules = nullptr) {
    const rule_book& book = rules ? *rules : *test::project_rules();
    request req = to_request(f);
    quote q = evaluate(book, req);
    advice a = advise(book, req, q, today);
    return present(book, req, q, a, today, "abc123");
}

const row* find_row(const presentation& p, std::string_view section, std::string_view id) {
    const auto* s = p.find(section);
    return s ? s->find(id) : nullptr;
}

std::string text_of(const presentation& p, std::string_view section, std::string_view id) {
    const row* r = find_row(p, section, id);
    return r ? r->text : "<no row " + std::string(section) + "/" + std::string(id) + ">";
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// The position of a row in a section (-1 when absent).
int index_of(const presentation& p, std::string_view section, std::string_view id) {
    const auto* s = p.find(section);
    if (!s) return -1;
    for (std::size_t i = 0; i < s->rows.size(); ++i)
        if (s->rows[i].id == id) return static_cast<int>(i);
    return -1;
}

nlohmann::json read_json(const std::string& path_from_source) {
    std::ifstream in(test::source_dir() + "/" + path_from_source);
    return nlohmann::json::parse(in);
}

// 渝医保发〔2025〕42号 一: 2026 一档 400 元, 财政补助 700 元; a continuous payer in the centralized
// period is covered the whole year.
TEST(presentation, resident_2026_in_the_centralized_period) {
    form f;
    f.year = 2026;
    f.district = "chongqing";
    f.tier = 1;
    f.paid_on = d("2025-12-31");
    presentation p = model_for(f, d("2025-12-01"));
    ASSERT_TRUE(p.ok);
    EXPECT_EQ(p.due, "400");
    const row* due = find_row(p, section_id::answer, "due");
    ASSERT_TRUE(due);
    EXPECT_EQ(due->kind, row_kind::amount);
    EXPECT_EQ(due->label + due->text + due->unit, "应缴400元");
    EXPECT_EQ(text_of(p, section_id::answer, "personal_standard"), "400元");
    EXPECT_EQ(text_of(p, section_id::answer, "fiscal_subsidy"), "700元");
    EXPECT_EQ(text_of(p, section_id::answer, "coverage"), "享受待遇：2026年1月1日至2026年12月31日");
    EXPECT_EQ(text_of(p, section_id::answer, "waiting"), "没有等待期。");
    EXPECT_EQ(text_of(p, section_id::answers, "year"), "2026年度");
    EXPECT_EQ(text_of(p, section_id::answers, "paid_on"), "2025年12月31日");
    EXPECT_EQ(p.made_on, "计算日期：2025年12月1日");
    const std::string rules = text_of(p, section_id::footer, "rules");
    EXPECT_NE(rules.find("渝医保发〔2025〕42号"), std::string::npos) << rules;
    EXPECT_NE(rules.find("规则数据修订于"), std::string::npos) << rules;
    EXPECT_EQ(text_of(p, section_id::footer, "version"), "版本 abc123");
    const section* why = p.find(section_id::why);
    ASSERT_TRUE(why);
    bool cited = false;
    for (const auto& r : why->rows) cited = cited || r.source.find("渝医保发〔2025〕42号") != std::string::npos;
    EXPECT_TRUE(cited);
}

// 万州医保发〔2024〕51号 附件, code 101 民政城乡低保对象, 一档: 资助 360 元, 个人实缴 40 元.
TEST(presentation, wanzhou_dibao_shows_the_assistance_and_the_category) {
    form f;
    f.year = 2025;
    f.district = "wanzhou";
    f.categories = {"101"};
    f.tier = 1;
    f.paid_on = d("2024-12-01");
    presentation p = model_for(f, d("2024-12-01"));
    ASSERT_TRUE(p.ok);
    EXPECT_EQ(p.due, "40");
    EXPECT_EQ(text_of(p, section_id::answer, "assistance"), "-360元");
    EXPECT_EQ(text_of(p, section_id::answers, "district"), "万州区");
    EXPECT_NE(text_of(p, section_id::answers, "categories").find("民政城乡低保对象"), std::string::npos);
    EXPECT_EQ(text_of(p, section_id::answer, "category"), "适用资助类别：民政城乡低保对象");
    EXPECT_NE(text_of(p, section_id::footer, "rules").find("万州医保发〔2024〕51号"), std::string::npos);
}

// 酉阳医保发〔2024〕37号 二（二）: 在乡复员军人 are assisted at 二档 only; 一档 gives no figures.
TEST(presentation, no_quote_gives_reasons_and_no_amount) {
    form f;
    f.year = 2025;
    f.district = "youyang";
    f.categories = {"109"};
    f.tier = 1;
    f.paid_on = d("2024-12-01");
    presentation p = model_for(f, d("2024-12-01"));
    EXPECT_FALSE(p.ok);
    EXPECT_TRUE(p.due.empty());
    EXPECT_EQ(find_row(p, section_id::answer, "due"), nullptr);
    EXPECT_EQ(find_row(p, section_id::answer, "personal_standard"), nullptr);
    const row* error = find_row(p, section_id::answer, "error");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->label, "tier") << "the error names the question it concerns";
    EXPECT_EQ(p.find(section_id::hints), nullptr) << "no advice without a quote";
    auto j = nlohmann::json::parse(presentation_json(p));
    EXPECT_TRUE(j["due"].is_null());
    EXPECT_EQ(j["sections"][1]["id"], "answer");
    EXPECT_EQ(j["sections"][1]["rows"][1]["label"], "tier");
}

// The sections come in the order a person reads them.
TEST(presentation, sections_in_reading_order) {
    form f;
    f.year = 2026;
    f.district = "wanzhou";
    f.categories = {"101"};
    f.tier = 1;
    f.paid_on = d("2026-01-15");
    presentation p = model_for(f, d("2026-01-15"));
    std::vector<std::string> ids;
    for (const auto& s : p.sections) ids.push_back(s.id);
    // 万州 101 in 2026 has advice (the other tier costs 375: 775 − 400), reasons and notes.
    EXPECT_EQ(ids, (std::vector<std::string>{"answers", "answer", "hints", "why", "open", "footer"}));
    bool other_tier = false;
    for (const auto& r : p.find(section_id::hints)->rows)
        other_tier = other_tier || r.text.find("375") != std::string::npos;
    EXPECT_TRUE(other_tier) << "二档 775 − 资助 400 (100% of 一档) = 375";
}

// ---------------------------------------------------------------- one date format for residents

// Every sentence a resident reads writes dates as 2026年3月1日: the explanation, the errors, the
// notes, the hints and every row of the model, for every case under tests/cases (requests the
// parser accepts: a refused parse only echoes what was written and the YYYY-MM-DD input form),
// seen on the payment day and on a day in the next year's enrollment season.
TEST(presentation, no_human_text_writes_a_date_as_yyyy_mm_dd) {
    const rule_book& book = *test::project_rules();
    const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
    int walked = 0, failures = 0;
    for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/tests/cases")) {
        if (e.path().extension() != ".json") continue;
        std::ifstream in(e.path());
        const auto doc = nlohmann::json::parse(in);
        for (const auto& c : doc.at("cases")) {
            const std::string text = c.contains("request_text") ? c["request_text"].get<std::string>()
                                                                : c.value("request", nlohmann::json()).dump();
            request req;
            std::vector<field_error> errors;
            if (!parse_request(text, req, errors)) continue;
            const quote q = evaluate(book, req);
            for (date today : {req.paid_on.value_or(d("2026-01-15")), d("2026-11-25")}) {
                const advice a = advise(book, req, q, today);
                const presentation p = present(book, req, q, a, today, "abc123");
                ++walked;
                auto check = [&](const std::string& where, const std::string& t) {
                    if (std::regex_search(t, iso) && ++failures <= 20)
                        ADD_FAILURE() << e.path().filename().string() << "/" << c["name"].get<std::string>() << " "
                                      << where << ": " << t;
                };
                check("title", p.title);
                check("made_on", p.made_on);
                for (const auto& sec : p.sections) {
                    check(sec.id + " heading", sec.heading);
                    for (const auto& r : sec.rows)
                        for (const std::string* t : {&r.label, &r.text, &r.unit, &r.source, &r.flag})
                            check(sec.id + "/" + r.id, *t);
                }
            }
        }
    }
    EXPECT_GT(walked, 600) << "the cases under tests/cases were not all walked";
}

// ---------------------------------------------------------------- an estimated amount is flagged

presentation model_at(int year, const std::string& district, std::vector<std::string> categories, int tier,
                      const char* paid) {
    form f;
    f.year = year;
    f.district = district;
    f.categories = std::move(categories);
    f.tier = tier;
    f.paid_on = d(paid);
    f.continuous = true;
    return model_for(f, d(paid));
}

// 渝医保发〔2025〕42号 四 keeps the classified assistance without amounts; the policy notes apply the
// 2025 baseline percentages (低保 90% of 一档) to the 2026 standard (400): 360, so 40 to pay — an
// estimate, said beside the amount, in the rules file's words.
TEST(presentation, an_estimated_amount_is_flagged_beside_the_big_number) {
    const presentation p = model_at(2026, "wanzhou", {"101"}, 1, "2026-01-15");
    ASSERT_TRUE(p.ok);
    EXPECT_EQ(p.due, "40");
    const row* due = find_row(p, section_id::answer, "due");
    ASSERT_TRUE(due);
    EXPECT_EQ(due->flag, "估算");
    const int at = index_of(p, section_id::answer, "due");
    ASSERT_EQ(index_of(p, section_id::answer, "estimate"), at + 1) << "the estimate row comes right after the amount";
    const row* why = find_row(p, section_id::answer, "estimate");
    EXPECT_EQ(why->kind, row_kind::text);
    EXPECT_EQ(why->value_tone, tone::warn);
    const auto rules = read_json("rules/chongqing/2026/municipal.json");
    EXPECT_EQ(why->text, rules["derived_assistance"]["text"].get<std::string>());
    EXPECT_TRUE(contains(why->text, "估算"));
    EXPECT_TRUE(contains(why->source, "渝医保发〔2025〕42号")) << why->source;
    EXPECT_EQ(find_row(p, section_id::answer, "assistance")->flag, "估算");
    EXPECT_EQ(text_of(p, section_id::answer, "assistance"), "-360元");
    EXPECT_TRUE(find_row(p, section_id::answer, "personal_standard")->flag.empty()) << "400 is published (003 一)";

    auto j = nlohmann::json::parse(presentation_json(p));
    const auto& rows = j["sections"][1]["rows"];
    EXPECT_EQ(rows[at]["id"], "due");
    EXPECT_EQ(rows[at]["flag"], "估算");
    EXPECT_EQ(rows[at + 1]["id"], "estimate");
    EXPECT_EQ(rows[at + 1]["tone"], "warn");
    EXPECT_TRUE(rows[at + 1]["source"].is_string());
}

// Where a document publishes the amount, nothing is flagged: 万州医保发〔2024〕51号 附件 (101: 360),
// 酉阳医保发〔2024〕37号 二（二） (低保 90%), no category at all, and 2026's 稳定脱贫 (610), for which
// no amount is given (万州医保发〔2024〕51号 四（一）: the 15 yuan was for 2025 only).
TEST(presentation, no_flag_where_the_documents_publish_the_amount) {
    for (const presentation& p :
         {model_at(2025, "wanzhou", {"101"}, 1, "2024-12-01"), model_at(2025, "youyang", {"101"}, 1, "2024-12-01"),
          model_at(2026, "chongqing", {}, 1, "2026-01-15"), model_at(2026, "chongqing", {"610"}, 1, "2026-01-15")}) {
        ASSERT_TRUE(p.ok);
        EXPECT_TRUE(find_row(p, section_id::answer, "due")->flag.empty()) << p.due;
        EXPECT_EQ(find_row(p, section_id::answer, "estimate"), nullptr) << p.due;
        EXPECT_EQ(nlohmann::json::parse(presentation_json(p))["sections"][1]["rows"][0].count("flag"), 0u);
    }
}

// Which amounts are estimates is the rules files' word: every category a year file marks
// "derived" is flagged when it gives assistance, every other one is not (each year, municipal).
TEST(presentation, the_flag_follows_the_rules_files_derived_mark) {
    int flagged = 0, plain = 0;
    for (const int y : yibao::years(*test::project_rules())) {  // every year of the catalogue
        const std::string year = std::to_string(y);
        auto rules = read_json("rules/chongqing/" + year + "/municipal.json");
        // A year that extends another and keeps its categories: the extended file's.
        if (!rules.contains("categories") && rules.contains("extends"))
            rules["categories"] = read_json("rules/" + rules["extends"].get<std::string>() + ".json")["categories"];
        const std::string opens = rules["enrollment"]["opens"]["value"].get<std::string>();
        for (const auto& c : rules["categories"]) {
            if (c.contains("persons")) continue;  // students only
            for (int tier = 1; tier <= 2; ++tier) {
                const presentation p =
                    model_at(std::stoi(year), "chongqing", {c["code"].get<std::string>()}, tier, opens.c_str());
                if (!p.ok) continue;  // a tier the category cannot choose
                const bool assisted = text_of(p, section_id::answer, "assistance") != "0元";
                const bool derived = c.value("derived", false) && assisted;
                EXPECT_EQ(find_row(p, section_id::answer, "due")->flag == "估算", derived)
                    << year << " " << c["code"] << " tier " << tier;
                EXPECT_EQ(find_row(p, section_id::answer, "estimate") != nullptr, derived)
                    << year << " " << c["code"] << " tier " << tier;
                (derived ? flagged : plain)++;
            }
        }
    }
    EXPECT_GT(flagged, 20);
    EXPECT_GT(plain, 20);
}

// ---------------------------------------------------------------- a first screen that answers

// The first-screen cases below are about November 2026, when 2026 is the latest year in the
// calculator and the 2027 notice is not: they quote the rules up to 2026 (rules/ without later
// years), so that adding 2027 to rules/ leaves them as they are.
presentation refused_model(int year, const std::string& district, std::vector<std::string> categories, const char* paid,
                           const char* today) {
    static const auto as_of_2026 = test::rules_as_of(2026);
    form f;
    f.year = year;
    f.district = district;
    f.categories = std::move(categories);
    f.tier = 1;
    f.paid_on = d(paid);
    f.continuous = true;
    return model_for(f, d(today), as_of_2026.get());
}

// 25 November 2026, the default question: 2026, paid today. The waiting period runs past 31
// December, so no price; the answer still says what is known: 2026's standards (渝医保发〔2025〕42号
// 一: 一档400元、二档775元; 集中参保缴费期至2026年2月底), labelled as 2026's and as the latest year
// in the calculator; that the 2027 notice is not in it and whom to ask (districts.json "ask").
TEST(presentation, refused_in_november_still_shows_the_latest_standards) {
    const presentation p = refused_model(2026, "wanzhou", {}, "2026-11-25", "2026-11-25");
    ASSERT_FALSE(p.ok);
    EXPECT_TRUE(p.due.empty()) << "no price in the top bar";
    EXPECT_EQ(find_row(p, section_id::answer, "due"), nullptr);
    const row* error = find_row(p, section_id::answer, "error");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->label, "paid_on");
    EXPECT_TRUE(contains(error->text, "2026年12月31日")) << error->text;

    const std::string heading = text_of(p, section_id::answer, "known.heading");
    EXPECT_TRUE(contains(heading, "2026年度")) << heading;
    EXPECT_TRUE(contains(heading, "本计算器已收录的最新年度")) << heading;
    EXPECT_TRUE(contains(heading, "不是2027年度")) << heading;
    const row* tier1 = find_row(p, section_id::answer, "known.tier1");
    const row* tier2 = find_row(p, section_id::answer, "known.tier2");
    ASSERT_TRUE(tier1 && tier2);
    EXPECT_EQ(tier1->kind, row_kind::pair);
    EXPECT_EQ(tier1->label, "一档");
    EXPECT_EQ(tier1->text, "个人缴费标准400元");
    EXPECT_EQ(tier2->label, "二档");
    EXPECT_EQ(tier2->text, "个人缴费标准775元");
    EXPECT_TRUE(contains(tier1->source, "渝医保发〔2025〕42号 一")) << tier1->source;
    const std::string periods = text_of(p, section_id::answer, "known.periods");
    EXPECT_TRUE(contains(periods, "集中缴费期：")) << periods;
    EXPECT_TRUE(contains(periods, "至2026年2月28日")) << periods;
    EXPECT_TRUE(contains(periods, "待遇享受期：2026年1月1日至2026年12月31日")) << periods;
    EXPECT_EQ(find_row(p, section_id::answer, "known.estimate"), nullptr) << "no category, nothing estimated";

    const row* ask = find_row(p, section_id::answer, "known.ask");
    ASSERT_TRUE(ask);
    EXPECT_EQ(ask->value_tone, tone::warn);
    EXPECT_TRUE(contains(ask->text, "2027年度")) << ask->text;
    const auto districts = read_json("rules/chongqing/districts.json");
    EXPECT_TRUE(contains(ask->text, districts["ask"]["text"].get<std::string>())) << ask->text;
    EXPECT_EQ(ask->source, yibao::test::ask_source_cited);
    // The documents name the bodies (渝医保发〔2025〕42号 主送; 万州医保发〔2024〕51号 十（二）) and
    // give residents no phone number: none is made up.
    EXPECT_TRUE(contains(ask->text, "医疗保障局")) << ask->text;
    EXPECT_TRUE(contains(ask->text, "税务局")) << ask->text;
    EXPECT_FALSE(std::regex_search(ask->text, std::regex(R"(\d{7})"))) << ask->text;

    // What is known comes after the errors, which stay as they were.
    EXPECT_LT(index_of(p, section_id::answer, "error"), index_of(p, section_id::answer, "known.ask"));
    EXPECT_LT(index_of(p, section_id::answer, "known.heading"), index_of(p, section_id::answer, "known.tier1"));
    EXPECT_LT(index_of(p, section_id::answer, "known.tier2"), index_of(p, section_id::answer, "known.periods"));
    auto j = nlohmann::json::parse(presentation_json(p));
    EXPECT_TRUE(j["due"].is_null());
    std::vector<std::string> ids;
    for (const auto& r : j["sections"][1]["rows"]) ids.push_back(r["id"].get<std::string>());
    EXPECT_EQ(ids, (std::vector<std::string>{"no_quote", "error", "known.ask", "known.heading", "known.tier1",
                                             "known.tier2", "known.periods"}));
    EXPECT_EQ(j["sections"][1]["rows"][4]["kind"], "pair");
    EXPECT_TRUE(j["sections"][1]["rows"][6]["source"].is_string());
}

// With a category, each tier says the assistance and what remains: 低保 (101) in 2026, the baseline
// percentages (万州医保发〔2024〕51号 四（二）; 酉阳医保发〔2024〕37号 二（二）) on 2026's standards:
// 一档 90%×400 = 360, 40 to pay; 二档 100% of 一档 = 400, 775 − 400 = 375 — both estimates.
TEST(presentation, refused_with_dibao_shows_each_tier_with_its_assistance) {
    const presentation p = refused_model(2026, "wanzhou", {"101"}, "2026-11-25", "2026-11-25");
    ASSERT_FALSE(p.ok);
    const row* t1 = find_row(p, section_id::answer, "known.tier1");
    const row* t2 = find_row(p, section_id::answer, "known.tier2");
    ASSERT_TRUE(t1 && t2);
    EXPECT_TRUE(contains(t1->text, "个人缴费标准400元")) << t1->text;
    EXPECT_TRUE(contains(t1->text, "资助360元")) << t1->text;
    EXPECT_TRUE(contains(t1->text, "个人应缴40元")) << t1->text;
    EXPECT_TRUE(contains(t2->text, "个人缴费标准775元")) << t2->text;
    EXPECT_TRUE(contains(t2->text, "资助400元")) << t2->text;
    EXPECT_TRUE(contains(t2->text, "个人应缴375元")) << t2->text;
    EXPECT_EQ(t1->flag, "估算");
    EXPECT_EQ(t2->flag, "估算");
    const row* why = find_row(p, section_id::answer, "known.estimate");
    ASSERT_TRUE(why);
    EXPECT_EQ(why->value_tone, tone::warn);
    EXPECT_EQ(why->text, read_json("rules/chongqing/2026/municipal.json")["derived_assistance"]["text"]);
}

// A year the calculator has no notice for: the latest year it has, said to be that year and not
// the one asked; the 2026 figures of 渝医保发〔2025〕42号 一.
TEST(presentation, a_missing_year_shows_the_latest_year_and_says_so) {
    const presentation p = refused_model(2027, "chongqing", {}, "2026-12-01", "2026-12-01");
    ASSERT_FALSE(p.ok);
    ASSERT_TRUE(find_row(p, section_id::answer, "error"));
    EXPECT_EQ(find_row(p, section_id::answer, "error")->label, "year");
    EXPECT_EQ(text_of(p, section_id::answer, "known.heading"),
              "2026年度缴费标准（本计算器已收录的最新年度，不是2027年度的标准）");
    EXPECT_EQ(text_of(p, section_id::answer, "known.tier1"), "个人缴费标准400元");
    EXPECT_EQ(text_of(p, section_id::answer, "known.tier2"), "个人缴费标准775元");
    EXPECT_TRUE(contains(text_of(p, section_id::answer, "known.periods"), "2026年1月1日至2026年12月31日"));
    EXPECT_TRUE(contains(text_of(p, section_id::answer, "known.ask"), "还没有收录2027年度的缴费通知"));
}

// Refused inside a season whose rules are loaded (酉阳 2025, December 2024): the year's standards,
// with no word of a missing notice. 在乡复员军人 (109) cannot choose 一档 and is assisted in full
// at 二档 (酉阳医保发〔2024〕37号 二（二）“全部按二档全额资助参保”; 二档 775).
TEST(presentation, refused_in_a_loaded_season_shows_that_years_standards) {
    const presentation p = refused_model(2025, "youyang", {"109"}, "2024-12-01", "2024-12-01");
    ASSERT_FALSE(p.ok);
    EXPECT_EQ(text_of(p, section_id::answer, "known.heading"), "2025年度缴费标准");
    EXPECT_EQ(find_row(p, section_id::answer, "known.ask"), nullptr);
    EXPECT_TRUE(contains(text_of(p, section_id::answer, "known.tier1"), "不能选择一档"));
    const std::string t2 = text_of(p, section_id::answer, "known.tier2");
    EXPECT_TRUE(contains(t2, "个人缴费标准775元")) << t2;
    EXPECT_TRUE(contains(t2, "资助775元")) << t2;
    EXPECT_TRUE(contains(t2, "个人应缴0元")) << t2;
    ASSERT_TRUE(find_row(p, section_id::answer, "known.tier2"));
    EXPECT_TRUE(find_row(p, section_id::answer, "known.tier2")->flag.empty()) << "001 publishes it";
    EXPECT_TRUE(contains(text_of(p, section_id::answer, "known.periods"), "待遇享受期：2025年1月1日至2025年12月31日"));
}

}  // namespace
}  // namespace yibao::ui

namespace yibao::ui {
namespace {

// A single case of tests/cases/ by file and name: its request and the amounts the documents give.
nlohmann::json single_case(const std::string& file, const std::string& name) {
    const nlohmann::json doc = read_json("tests/cases/" + file + ".json");
    for (const auto& c : doc.at("cases"))
        if (c.at("name") == name) return c;
    ADD_FAILURE() << "no case " << file << "/" << name;
    return {};
}

presentation household_model(const std::vector<nlohmann::json>& requests, const std::vector<member_label>& labels,
                             date today) {
    const rule_book& book = *test::project_rules();
    nlohmann::json household = {{"members", nlohmann::json::array()}};
    for (std::size_t i = 0; i < requests.size(); ++i) {
        nlohmann::json m = requests[i];
        m["label"] = std::string(vocab::member_label_of(labels[i]).id);
        household["members"].push_back(m);
    }
    parsed_request parsed;
    std::vector<field_error> errors;
    EXPECT_TRUE(parse_any_request(household.dump(), parsed, errors)) << household.dump();
    const household_quote q = evaluate_household(book, parsed.members);
    std::vector<advice> each;
    for (std::size_t i = 0; i < q.members.size(); ++i)
        each.push_back(advise(book, parsed.members[i].req, q.members[i].q));
    return present_household(book, parsed.members, q, advise_household(book, parsed.members, q, each, today), today,
                             "abc123");
}

std::vector<const section*> member_sections(const presentation& p) {
    std::vector<const section*> out;
    for (const auto& s : p.sections)
        if (s.id == section_id::member) out.push_back(&s);
    return out;
}

// coverage_2026 cont_2026-01-31 (003 一: 连续参保 次月1日) and break1_2026-01-31 (缴费次日起算, 3个月):
// 400元 each (渝医保发〔2025〕42号 一); covered from 2月1日 and 5月1日.
TEST(household_presentation, the_total_each_member_and_the_earliest_and_latest_start) {
    const auto self = single_case("coverage_2026", "cont_2026-01-31");
    const auto father = single_case("coverage_2026", "break1_2026-01-31");
    const presentation p = household_model({self["request"], father["request"]},
                                           {member_label::self, member_label::father}, d("2026-01-20"));
    ASSERT_TRUE(p.ok);
    EXPECT_EQ(p.due, "800");
    ASSERT_TRUE(p.find(section_id::household));
    const row* due = find_row(p, section_id::household, "due");
    ASSERT_TRUE(due);
    EXPECT_EQ(due->kind, row_kind::amount);
    EXPECT_EQ(due->label, "全家应缴");
    EXPECT_EQ(due->text, "800");
    const auto start_of = [](const nlohmann::json& c) {
        return chinese_date(*parse_date(c["expect"]["coverage_start"].get<std::string>()));
    };
    EXPECT_EQ(start_of(self), "2026年2月1日");
    EXPECT_EQ(text_of(p, section_id::household, "earliest_start"), "最早自" + start_of(self) + "起享受待遇：本人。");
    EXPECT_EQ(text_of(p, section_id::household, "latest_start"), "最晚自" + start_of(father) + "起享受待遇：父亲。");
    const auto members = member_sections(p);
    ASSERT_EQ(members.size(), 2u);
    EXPECT_EQ(members[0]->heading, "1. 本人（居民）");
    EXPECT_EQ(members[1]->heading, "2. 父亲（居民）");
    EXPECT_EQ(members[0]->find("due")->text, "400元");
    EXPECT_TRUE(contains(members[1]->find("coverage")->text, start_of(father)));
    EXPECT_TRUE(contains(members[1]->find("waiting")->text,
                         "等待期" + std::to_string(father["expect"]["waiting"]["days"].get<int>()) + "天"));
    EXPECT_EQ(members[0]->find("waiting")->text, "没有等待期。");
    // The footer once, however many members share its rules.
    const section* footer = p.find(section_id::footer);
    ASSERT_TRUE(footer);
    EXPECT_EQ(std::count_if(footer->rows.begin(), footer->rows.end(), [](const row& r) { return r.id == "rules"; }), 1);
}

// 万州医保发〔2024〕51号: 一档 400元, 101 低保 资助 360元 (table_wanzhou_2025), the centralized period to
// 2024年12月31日: paid on 12月1日, both are covered from 2025年1月1日 and may pay up to 12月31日.
TEST(household_presentation, one_start_for_everyone_and_the_familys_advice) {
    const nlohmann::json base = {{"year", 2025}, {"district", "wanzhou"}, {"tier", 1}, {"paid_on", "2024-12-01"}};
    nlohmann::json dibao = base, plain = base;
    dibao["categories"] = {"101"};
    const presentation p = household_model({dibao, plain}, {member_label::father, member_label::self}, d("2024-11-20"));
    ASSERT_TRUE(p.ok);
    EXPECT_EQ(p.due, "440");
    EXPECT_EQ(text_of(p, section_id::household, "start"), "全家都自2025年1月1日起享受待遇。");
    EXPECT_FALSE(find_row(p, section_id::household, "earliest_start"));
    const section* hints = p.find(section_id::family_hints);
    ASSERT_TRUE(hints);
    ASSERT_FALSE(hints->rows.empty());
    EXPECT_TRUE(contains(hints->rows[0].text, "全家在2024年12月31日前缴费")) << hints->rows[0].text;
    EXPECT_TRUE(contains(hints->rows[0].text, "全家自2025年1月1日起都享受待遇")) << hints->rows[0].text;
}

TEST(household_presentation, a_refused_member_shows_why_and_the_family_has_no_total) {
    const nlohmann::json base = {{"year", 2025}, {"district", "wanzhou"}, {"tier", 1}, {"paid_on", "2024-12-01"}};
    nlohmann::json veteran = base;
    veteran["categories"] = {"109"};  // 在乡复员军人: no 一档 in 万州's table
    const presentation p =
        household_model({base, veteran}, {member_label::self, member_label::father}, d("2024-11-20"));
    EXPECT_FALSE(p.ok);
    EXPECT_EQ(p.due, "");
    EXPECT_FALSE(find_row(p, section_id::household, "due"));
    EXPECT_TRUE(find_row(p, section_id::household, "no_quote"));
    EXPECT_FALSE(p.find(section_id::family_hints));
    const auto members = member_sections(p);
    ASSERT_EQ(members.size(), 2u);
    EXPECT_EQ(members[0]->find("due")->text, "400元");
    ASSERT_TRUE(members[1]->find("error"));
    EXPECT_TRUE(contains(members[1]->find("error")->text, "二档"));
    EXPECT_FALSE(members[1]->find("due"));
}

// The household's printout and picture carry what was asked and why: the answers the family shares
// once (万州, 2025年度, paid 2024年12月1日), each member's own answers in its section (the category by
// its name in 万州医保发〔2024〕51号's table: 101 民政城乡低保对象), and each member's reasons with
// their clauses.
TEST(household_presentation, the_shared_answers_each_members_own_and_each_members_reasons) {
    const nlohmann::json base = {{"year", 2025}, {"district", "wanzhou"}, {"tier", 1}, {"paid_on", "2024-12-01"}};
    nlohmann::json dibao = base, plain = base;
    dibao["categories"] = {"101"};
    const presentation p = household_model({dibao, plain}, {member_label::father, member_label::self}, d("2024-11-20"));
    ASSERT_TRUE(p.ok);
    ASSERT_FALSE(p.sections.empty());
    EXPECT_EQ(p.sections.front().id, section_id::answers);
    EXPECT_EQ(text_of(p, section_id::answers, "district"), "万州区");
    EXPECT_EQ(text_of(p, section_id::answers, "year"), "2025年度");
    EXPECT_EQ(text_of(p, section_id::answers, "paid_on"), "2024年12月1日");
    EXPECT_FALSE(find_row(p, section_id::answers, "tier"));  // each member's own
    const auto members = member_sections(p);
    ASSERT_EQ(members.size(), 2u);
    ASSERT_TRUE(members[0]->find("answers"));
    EXPECT_TRUE(contains(members[0]->find("answers")->text, "资助类别：民政城乡低保对象"))
        << members[0]->find("answers")->text;
    EXPECT_TRUE(contains(members[0]->find("answers")->text, "缴费档次：一档"));
    EXPECT_FALSE(contains(members[0]->find("answers")->text, "参保地"));
    EXPECT_TRUE(contains(members[1]->find("answers")->text, "资助类别：无"));
    ASSERT_TRUE(members[0]->find("category"));
    EXPECT_EQ(members[0]->find("category")->text, "适用资助类别：民政城乡低保对象");
    EXPECT_FALSE(members[1]->find("category"));
    // Reasons: a line naming each member, then its reasons; the assistance rests on 000's table.
    const section* why = p.find(section_id::why);
    ASSERT_TRUE(why);
    std::vector<std::string> named;
    bool table_cited = false;
    for (const auto& r : why->rows) {
        if (r.id == "member") named.push_back(r.text);
        if (r.kind == row_kind::reason && named.size() == 1 && contains(r.source, "万州医保发〔2024〕51号"))
            table_cited = true;
    }
    EXPECT_EQ(named, (std::vector<std::string>{"1. 父亲（居民）", "2. 本人（居民）"}));
    EXPECT_TRUE(table_cited);
    // Walked by the picture and the printout as JSON, in this order.
    const nlohmann::json j = nlohmann::json::parse(presentation_json(p));
    std::vector<std::string> order;
    for (const auto& s : j["sections"]) order.push_back(s["id"]);
    EXPECT_EQ(order,
              (std::vector<std::string>{"answers", "household", "member", "member", "family_hints", "why", "footer"}));
}

// A member who answers its own payment day: the day is that member's, not the family's.
TEST(household_presentation, an_answer_a_member_gives_itself_is_not_shared) {
    const nlohmann::json base = {{"year", 2025}, {"district", "wanzhou"}, {"tier", 1}, {"paid_on", "2024-12-01"}};
    nlohmann::json later = base;
    later["paid_on"] = "2025-01-10";
    const presentation p = household_model({base, later}, {member_label::self, member_label::mother}, d("2024-11-20"));
    EXPECT_FALSE(find_row(p, section_id::answers, "paid_on"));
    EXPECT_EQ(text_of(p, section_id::answers, "district"), "万州区");
    const auto members = member_sections(p);
    ASSERT_EQ(members.size(), 2u);
    EXPECT_TRUE(contains(members[0]->find("answers")->text, "缴费日期：2024年12月1日"));
    EXPECT_TRUE(contains(members[1]->find("answers")->text, "缴费日期：2025年1月10日"));
}

}  // namespace
}  // namespace yibao::ui
