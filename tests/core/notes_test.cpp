// Notes that concern the request only: each note and reading of the rules says in its applies_to
// which requests it concerns, and a quote carries only those. The expected notes are looked up in
// the rules files by the wording of the documents (a reading's "point", the start of a note's
// text), never taken from a quote; the sweeps take their years, districts and categories from the
// rules catalogue.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/json_api.h"
#include "core/rules.h"
#include "test_support.h"

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

json rules_file(int year, const std::string& name) {
    std::ifstream in(yibao::test::source_dir() + "/rules/chongqing/" + std::to_string(year) + "/" + name + ".json");
    return json::parse(in);
}

// A reading as a quote shows it: "point：reading".
std::string reading(const json& file, const std::string& point) {
    for (const auto& r : file.at("readings"))
        if (r.at("point") == point) return r.at("point").get<std::string>() + "：" + r.at("reading").get<std::string>();
    ADD_FAILURE() << "no reading with point " << point;
    return {};
}

// The one text of a list of {text, source} that starts with these words.
std::string text_starting(const json& list, const std::string& start) {
    std::string found;
    for (const auto& t : list)
        if (t.at("text").get<std::string>().rfind(start, 0) == 0) {
            EXPECT_TRUE(found.empty()) << "two texts start with " << start;
            found = t.at("text").get<std::string>();
        }
    EXPECT_FALSE(found.empty()) << "no text starts with " << start;
    return found;
}

std::vector<std::string> notes_of(const json& request) {
    auto book = yibao::test::project_rules();
    json q = json::parse(yibao::quote_json(*book, request.dump()));
    EXPECT_TRUE(q.at("ok").get<bool>()) << request.dump() << "\n" << q.dump(1);
    return q.at("notes").get<std::vector<std::string>>();
}

bool has(const std::vector<std::string>& notes, const std::string& text) {
    return std::find(notes.begin(), notes.end(), text) != notes.end();
}

std::string listed(const std::vector<std::string>& notes) {
    std::string s;
    for (const auto& n : notes) s += "\n  - " + n;
    return s.empty() ? " (none)" : s;
}

// ---------------------------------------------------------------- what one request carries

TEST(notes, resident_2026_in_the_centralized_period_carries_none) {
    // Nothing in the 2026 rules is left open for a continuous resident paying in January with no
    // category: no note concerns them.
    auto notes = notes_of(
        {{"year", 2026}, {"district", "chongqing"}, {"tier", 1}, {"paid_on", "2026-01-15"}, {"continuous", true}});
    EXPECT_TRUE(notes.empty()) << listed(notes);
}

TEST(notes, resident_2025_carries_the_years_note_and_no_newborn_or_student_reading) {
    const json m = rules_file(2025, "municipal");
    auto notes = notes_of({{"year", 2025}, {"district", "chongqing"}, {"tier", 1}, {"paid_on", "2024-12-01"}});
    EXPECT_EQ(notes, std::vector<std::string>{text_starting(m.at("notes"), "2025年度的全市文件")}) << listed(notes);
    EXPECT_FALSE(has(notes, reading(m, "大学新生")));
    EXPECT_FALSE(has(notes, reading(m, "大学生的百分比资助")));
    EXPECT_FALSE(has(notes, reading(m, "上一年出生、出生后90日内参保但不补缴出生当年的新生儿")));
    EXPECT_FALSE(has(notes, m.at("newborn").at("guardian").at("text").get<std::string>()));
}

TEST(notes, newborn_2025_shizhu_carries_the_newborn_rule_only) {
    const json m = rules_file(2025, "municipal");
    auto notes = notes_of({{"year", 2025},
                           {"district", "shizhu"},
                           {"person", "newborn"},
                           {"birth_date", "2025-05-01"},
                           {"tier", 1},
                           {"paid_on", "2025-07-20"}});
    EXPECT_EQ(notes, (std::vector<std::string>{text_starting(m.at("notes"), "2025年度的全市文件"),
                                               m.at("newborn").at("guardian").at("text").get<std::string>()}))
        << listed(notes);
}

TEST(notes, newborn_born_the_year_before_carries_the_cross_year_reading) {
    const json m = rules_file(2025, "municipal");
    auto notes = notes_of({{"year", 2025},
                           {"district", "chongqing"},
                           {"person", "newborn"},
                           {"birth_date", "2024-12-10"},
                           {"tier", 1},
                           {"paid_on", "2025-01-15"}});
    EXPECT_TRUE(has(notes, reading(m, "上一年出生、出生后90日内参保但不补缴出生当年的新生儿"))) << listed(notes);
    EXPECT_TRUE(has(notes, m.at("newborn").at("guardian").at("text").get<std::string>())) << listed(notes);
    // Born in the year quoted: the cross-year reading does not concern them.
    auto same_year = notes_of({{"year", 2025},
                               {"district", "chongqing"},
                               {"person", "newborn"},
                               {"birth_date", "2025-01-05"},
                               {"tier", 1},
                               {"paid_on", "2025-01-15"}});
    EXPECT_FALSE(has(same_year, reading(m, "上一年出生、出生后90日内参保但不补缴出生当年的新生儿")))
        << listed(same_year);
}

TEST(notes, newborn_2026_carries_the_newborn_reading) {
    const json m = rules_file(2026, "municipal");
    auto notes = notes_of({{"year", 2026},
                           {"district", "chongqing"},
                           {"person", "newborn"},
                           {"birth_date", "2026-03-02"},
                           {"tier", 1},
                           {"paid_on", "2026-04-01"}});
    EXPECT_TRUE(has(notes, reading(m, "新生儿规则"))) << listed(notes);
    EXPECT_TRUE(has(notes, m.at("newborn").at("guardian").at("text").get<std::string>())) << listed(notes);
    EXPECT_FALSE(has(notes, reading(m, "大学新生"))) << listed(notes);
}

TEST(notes, student_carries_the_student_readings) {
    const json m25 = rules_file(2025, "municipal"), w = rules_file(2025, "wanzhou"),
               m26 = rules_file(2026, "municipal");
    auto wanzhou = notes_of({{"year", 2025},
                             {"district", "wanzhou"},
                             {"person", "student"},
                             {"categories", {"101"}},
                             {"tier", 1},
                             {"paid_on", "2024-12-01"}});
    EXPECT_TRUE(has(wanzhou, reading(w, "表格类别的大学生资助"))) << listed(wanzhou);
    auto municipal = notes_of({{"year", 2025},
                               {"district", "chongqing"},
                               {"person", "student"},
                               {"categories", {"101"}},
                               {"tier", 1},
                               {"paid_on", "2024-11-01"}});
    EXPECT_TRUE(has(municipal, reading(m25, "大学新生"))) << listed(municipal);
    EXPECT_TRUE(has(municipal, reading(m25, "大学生的百分比资助"))) << listed(municipal);
    auto y2026 = notes_of({{"year", 2026},
                           {"district", "chongqing"},
                           {"person", "student"},
                           {"tier", 1},
                           {"paid_on", "2025-10-01"},
                           {"continuous", true}});
    EXPECT_EQ(y2026, std::vector<std::string>{reading(m26, "大学新生")}) << listed(y2026);
    // The same student with no category: the percentage readings do not concern them.
    auto plain = notes_of(
        {{"year", 2025}, {"district", "wanzhou"}, {"person", "student"}, {"tier", 1}, {"paid_on", "2024-12-01"}});
    EXPECT_FALSE(has(plain, reading(w, "表格类别的大学生资助"))) << listed(plain);
}

TEST(notes, shizhu_low_income_second_half_payer_carries_the_shizhu_reading) {
    const json s = rules_file(2025, "shizhu");
    const std::string second_half = reading(s, "下半年参保的低收入人口和脱贫人口（“不设待遇享受等待期”“即参即保”）");
    auto notes = notes_of(
        {{"year", 2025}, {"district", "shizhu"}, {"categories", {"101"}}, {"tier", 1}, {"paid_on", "2025-08-01"}});
    EXPECT_TRUE(has(notes, second_half)) << listed(notes);
    EXPECT_FALSE(has(notes, reading(s, "3月1日至6月30日缴费"))) << listed(notes);
    // Not in the second half, or not in a low-income or 脱贫 category: not concerned.
    auto first_half = notes_of(
        {{"year", 2025}, {"district", "shizhu"}, {"categories", {"101"}}, {"tier", 1}, {"paid_on", "2025-04-01"}});
    EXPECT_FALSE(has(first_half, second_half)) << listed(first_half);
    EXPECT_TRUE(has(first_half, reading(s, "3月1日至6月30日缴费"))) << listed(first_half);
    auto other = notes_of(
        {{"year", 2025}, {"district", "shizhu"}, {"categories", {"302"}}, {"tier", 1}, {"paid_on", "2025-08-01"}});
    EXPECT_FALSE(has(other, second_half)) << listed(other);
}

TEST(notes, youyang_cap_raise_note_only_in_youyang_and_only_when_asked) {
    const json m = rules_file(2025, "municipal");
    const std::string youyang = text_starting(m.at("incentives").at("notes"), "酉阳：");
    const json asked = {{"year", 2025}, {"tier", 1}, {"paid_on", "2024-12-01"}, {"continuous_years", 6}};
    json in_youyang = asked, in_shizhu = asked, not_asked = asked;
    in_youyang["district"] = "youyang";
    in_shizhu["district"] = "shizhu";
    not_asked["district"] = "youyang";
    not_asked.erase("continuous_years");
    EXPECT_TRUE(has(notes_of(in_youyang), youyang));
    EXPECT_FALSE(has(notes_of(in_shizhu), youyang));
    EXPECT_FALSE(has(notes_of(not_asked), youyang));
}

TEST(notes, break_notes_only_after_a_break) {
    const json m = rules_file(2026, "municipal");
    const std::string lowered = text_starting(m.at("incentives").at("notes"), "断保后再参保");
    auto broken = notes_of(
        {{"year", 2026}, {"district", "chongqing"}, {"tier", 1}, {"paid_on", "2026-03-10"}, {"break_years", 2}});
    EXPECT_TRUE(has(broken, lowered)) << listed(broken);
    EXPECT_TRUE(has(broken, m.at("waiting").at("repair_note").at("text").get<std::string>())) << listed(broken);
    auto continuous = notes_of(
        {{"year", 2026}, {"district", "chongqing"}, {"tier", 1}, {"paid_on", "2026-03-10"}, {"continuous", true}});
    EXPECT_FALSE(has(continuous, lowered)) << listed(continuous);
    // After the centralized period: the 2026 notice is silent on a late price, and says so.
    // late_pricing.reading names that reading of /readings by its point.
    const std::string point = m.at("late_pricing").at("reading").get<std::string>();
    std::string reading;
    for (const auto& r : m.at("readings"))
        if (r.at("point") == point) reading = r.at("reading").get<std::string>();
    ASSERT_FALSE(reading.empty()) << point;
    EXPECT_TRUE(has(continuous, reading)) << listed(continuous);
}

// ---------------------------------------------------------------- policy audit: newborns, districts, whom to ask

void collect_texts(const json& v, std::set<std::string>& out);

// A newborn born the year before: the readings follow the window after birth and the payment period.
TEST(notes, cross_year_newborn_readings_follow_the_window) {
    const json m25 = rules_file(2025, "municipal"), m26 = rules_file(2026, "municipal");
    const std::string no_wait_25 = reading(m25, "上一年出生、出生后90日内参保但不补缴出生当年的新生儿"),
                      late_25 =
                          reading(m25, "上一年出生、出生后90日内、在2025年2月28日以后参保但不补缴出生当年的新生儿"),
                      after_25 = reading(m25, "上一年出生、出生后超过90日才参保的新生儿"),
                      no_wait_26 = reading(m26, "上一年出生、出生后90日内参保但不补缴出生当年的新生儿"),
                      late_26 =
                          reading(m26, "上一年出生、出生后90日内、在2026年2月28日以后参保但不补缴出生当年的新生儿"),
                      after_26 = reading(m26, "上一年出生、出生后超过90日才参保的新生儿");
    auto newborn = [](int year, const char* birth, const char* paid) {
        return notes_of({{"year", year},
                         {"district", "chongqing"},
                         {"person", "newborn"},
                         {"birth_date", birth},
                         {"tier", 1},
                         {"paid_on", paid}});
    };
    // 2024-10-15 + 90 days = 2025-01-13 (16 + 30 + 31 + 13): day 90 within, day 91 after.
    auto day90 = newborn(2025, "2024-10-15", "2025-01-13"), day91 = newborn(2025, "2024-10-15", "2025-01-14");
    EXPECT_TRUE(has(day90, no_wait_25)) << listed(day90);
    EXPECT_FALSE(has(day90, after_25) || has(day90, late_25)) << listed(day90);
    EXPECT_TRUE(has(day91, after_25)) << listed(day91);
    EXPECT_FALSE(has(day91, no_wait_25) || has(day91, late_25)) << listed(day91);
    // Within the window, paying from 2025-03-01: the reading of the wait, not the one of no wait.
    auto march = newborn(2025, "2024-12-20", "2025-03-10");
    EXPECT_TRUE(has(march, late_25)) << listed(march);
    EXPECT_FALSE(has(march, no_wait_25) || has(march, after_25)) << listed(march);
    // The 3-month announcement concerns residents and students (003 三, 002 四: newborns are exempt).
    const std::string announced = m25.at("announced_waiting_months").at("text").get<std::string>();
    EXPECT_FALSE(has(march, announced)) << listed(march);
    EXPECT_TRUE(
        has(notes_of({{"year", 2025}, {"district", "chongqing"}, {"tier", 1}, {"paid_on", "2025-03-10"}}), announced));
    // 2026: 2025-12-10 + 90 days = 2026-03-10 (21 + 31 + 28 + 10).
    auto in26 = newborn(2026, "2025-12-10", "2026-03-10"), out26 = newborn(2026, "2025-12-10", "2026-03-11"),
         jan26 = newborn(2026, "2025-12-15", "2026-01-20");
    EXPECT_TRUE(has(in26, late_26)) << listed(in26);
    EXPECT_FALSE(has(in26, no_wait_26) || has(in26, after_26)) << listed(in26);
    EXPECT_TRUE(has(out26, after_26)) << listed(out26);
    EXPECT_FALSE(has(out26, no_wait_26) || has(out26, late_26)) << listed(out26);
    EXPECT_TRUE(has(jan26, no_wait_26)) << listed(jan26);
    EXPECT_FALSE(has(jan26, late_26) || has(jan26, after_26)) << listed(jan26);
}

// Finding 6: a district file's readings (or notes) replace the municipal list, so each district file
// repeats the municipal entries that concern it; the expected texts are the municipal file's.
TEST(notes, district_files_keep_the_municipal_readings_that_concern_them) {
    const json m = rules_file(2025, "municipal");
    const std::string cross_year = reading(m, "上一年出生、出生后90日内参保但不补缴出生当年的新生儿"),
                      after = reading(m, "上一年出生、出生后超过90日才参保的新生儿"), freshman = reading(m, "大学新生"),
                      veterans = reading(m, "在乡复员军人、烈士遗属、因公牺牲军人遗属、病故军人遗属选择一档"),
                      no_table = reading(m, "无表区县下半年的低收入人口"),
                      student_percent = reading(m, "大学生的百分比资助"),
                      years = text_starting(m.at("notes"), "2025年度的全市文件");
    for (const char* d : {"chongqing", "wanzhou", "shizhu", "dianjiang", "youyang"}) {
        SCOPED_TRACE(d);
        auto nb = notes_of({{"year", 2025},
                            {"district", d},
                            {"person", "newborn"},
                            {"birth_date", "2024-12-20"},
                            {"tier", 1},
                            {"paid_on", "2025-01-15"}});
        EXPECT_TRUE(has(nb, cross_year)) << listed(nb);
        auto late = notes_of({{"year", 2025},
                              {"district", d},
                              {"person", "newborn"},
                              {"birth_date", "2024-10-01"},
                              {"tier", 1},
                              {"paid_on", "2025-02-10"}});
        EXPECT_TRUE(has(late, after)) << listed(late);
        auto st =
            notes_of({{"year", 2025}, {"district", d}, {"person", "student"}, {"tier", 1}, {"paid_on", "2024-11-01"}});
        EXPECT_TRUE(has(st, freshman)) << listed(st);
        auto resident = notes_of({{"year", 2025}, {"district", d}, {"tier", 1}, {"paid_on", "2024-12-01"}});
        EXPECT_TRUE(has(resident, years)) << listed(resident);
    }
    // 石柱 has its own 第15行 reading; the others keep the municipal one.
    for (const char* d : {"chongqing", "wanzhou", "dianjiang", "youyang"}) {
        auto v = notes_of(
            {{"year", 2025}, {"district", d}, {"categories", {"109"}}, {"tier", 2}, {"paid_on", "2024-12-01"}});
        EXPECT_TRUE(has(v, veterans)) << d << listed(v);
    }
    // 垫江 has no table of its own: the municipal readings for districts without one.
    auto h2 = notes_of(
        {{"year", 2025}, {"district", "dianjiang"}, {"categories", {"101"}}, {"tier", 1}, {"paid_on", "2025-08-01"}});
    EXPECT_TRUE(has(h2, no_table)) << listed(h2);
    auto dj_student = notes_of({{"year", 2025},
                                {"district", "dianjiang"},
                                {"person", "student"},
                                {"categories", {"101"}},
                                {"tier", 1},
                                {"paid_on", "2024-12-01"}});
    EXPECT_TRUE(has(dj_student, student_percent)) << listed(dj_student);
}

TEST(notes, youyang_2026_cap_raise_carries_youyang_limit) {
    const json m = rules_file(2026, "municipal");
    const std::string youyang = text_starting(m.at("incentives").at("notes"), "酉阳：");
    const json asked = {{"year", 2026},       {"district", "youyang"},   {"tier", 1},
                        {"continuous", true}, {"paid_on", "2025-11-10"}, {"zero_claims_last_year", true}};
    EXPECT_TRUE(has(notes_of(asked), youyang));
    json elsewhere = asked, not_asked = asked;
    elsewhere["district"] = "chongqing";
    not_asked.erase("zero_claims_last_year");
    EXPECT_FALSE(has(notes_of(elsewhere), youyang));
    EXPECT_FALSE(has(notes_of(not_asked), youyang));
}

// Every text a rules file can show that says a point is not settled names whom to ask (policy
// notes, last section: the local 医保局 or 税务局). A cited_only reading that no field names by its
// point (late_pricing.reading, waiting.later_reading) is shown only inside a source line, as the
// calculator's words of a citation ("比例依据：文件正文未写比例……"): it is part of the source, which
// this test does not read, and is left out.
TEST(notes, unsettled_points_name_whom_to_ask) {
    std::set<std::string> texts;
    for (const auto& e : fs::recursive_directory_iterator(yibao::test::source_dir() + "/rules/chongqing"))
        if (e.path().extension() == ".json") {
            std::ifstream in(e.path());
            json file = json::parse(in);
            std::set<std::string> named;
            for (const auto* ptr : {"/late_pricing/reading", "/waiting/later_reading"})
                if (const auto at = json::json_pointer(ptr); file.contains(at) && file[at].is_string())
                    named.insert(file[at].get<std::string>());
            if (file.contains("readings") && file["readings"].is_array()) {
                json shown = json::array();
                for (const auto& r : file["readings"])
                    if (!r.value("cited_only", false) || named.count(r.value("point", std::string())))
                        shown.push_back(r);
                file["readings"] = shown;
            }
            collect_texts(file, texts);
        }
    std::size_t unsettled = 0;
    for (const auto& t : texts) {
        bool open = false;
        for (const char* mark : {"未写", "没有写", "未公布", "不在收录的文件中"})
            if (t.find(mark) != std::string::npos) open = true;
        if (!open) continue;
        ++unsettled;
        bool names = false;
        for (const char* who : {"医疗保障局", "医保局", "税务局"})
            if (t.find(who) != std::string::npos) names = true;
        EXPECT_TRUE(names) << t;
    }
    EXPECT_GT(unsettled, 10u);
}

// ---------------------------------------------------------------- sweeps over the catalogue

// Every request of a small grid over the rules catalogue: each year, district and person, with no
// category and with each category of the district's table, paid on a few days of the year; the
// quotes that are not refused, computed once.
const std::vector<std::pair<json, json>>& swept() {
    static const std::vector<std::pair<json, json>> quotes = [] {
        std::vector<std::pair<json, json>> out;
        auto book = yibao::test::project_rules();
        if (!book) return out;
        for (int year : yibao::years(*book)) {
            for (const auto& d : yibao::districts(*book)) {
                auto info = yibao::year_details(*book, year, d.id);
                if (!info) continue;
                std::vector<json> category_lists{json::array()};
                for (const auto& c : yibao::categories(*book, year, d.id)) category_lists.push_back({c.code});
                using namespace std::chrono;
                const yibao::date paid_days[] = {info->enrollment_opens, info->centralized_ends,
                                                 yibao::date{std::chrono::year{year}, April, day{1}},
                                                 yibao::date{std::chrono::year{year}, August, day{1}}};
                for (const char* person : {"resident", "student", "newborn"})
                    for (const auto& cats : category_lists)
                        for (const auto& paid : paid_days) {
                            json r = {{"year", year},
                                      {"district", d.id},
                                      {"person", person},
                                      {"categories", cats},
                                      {"tier", 2},
                                      {"paid_on", yibao::format_date(paid)},
                                      {"break_years", 1},
                                      {"continuous_years", 6},
                                      {"zero_claims_last_year", true}};
                            if (std::string(person) == "newborn") {
                                r.erase("break_years");
                                r["birth_date"] = yibao::format_date(paid);
                            }
                            json q = json::parse(yibao::quote_json(*book, r.dump()));
                            if (q.at("ok").get<bool>()) out.emplace_back(std::move(r), std::move(q));
                        }
            }
        }
        return out;
    }();
    return quotes;
}

void sweep(const std::function<void(const json& request, const json& quote)>& check) {
    ASSERT_GT(swept().size(), 1000u);
    for (const auto& [r, q] : swept()) check(r, q);
}

TEST(notes, no_resident_quote_carries_a_newborn_or_student_note) {
    // Independent of applies_to: no note a resident reads speaks of newborns or students.
    std::size_t quotes = 0;
    sweep([&](const json& r, const json& q) {
        if (r.at("person") != "resident") return;
        ++quotes;
        for (const auto& n : q.at("notes")) {
            const auto text = n.get<std::string>();
            EXPECT_EQ(text.find("新生儿"), std::string::npos) << r.dump() << "\n  " << text;
            EXPECT_EQ(text.find("大学生"), std::string::npos) << r.dump() << "\n  " << text;
            EXPECT_EQ(text.find("新生入学"), std::string::npos) << r.dump() << "\n  " << text;
        }
    });
    EXPECT_GT(quotes, 100u);
}

TEST(notes, no_newborn_quote_carries_a_student_note_and_no_student_quote_a_newborn_note) {
    sweep([&](const json& r, const json& q) {
        for (const auto& n : q.at("notes")) {
            const auto text = n.get<std::string>();
            if (r.at("person") == "newborn") {
                EXPECT_EQ(text.find("大学生"), std::string::npos) << r.dump() << "\n  " << text;
                EXPECT_EQ(text.find("新生入学"), std::string::npos) << r.dump() << "\n  " << text;
            }
            if (r.at("person") == "student") {
                EXPECT_EQ(text.find("新生儿"), std::string::npos) << r.dump() << "\n  " << text;
            }
        }
    });
}

// Every text a rules file can put in a quote's notes.
void collect_texts(const json& v, std::set<std::string>& out) {
    if (v.is_object()) {
        if (v.contains("point") && v.contains("reading"))
            out.insert(v["point"].get<std::string>() + "：" + v["reading"].get<std::string>());
        for (const char* key : {"text", "note", "reading", "later_reading"})
            if (v.contains(key) && v[key].is_string()) out.insert(v[key].get<std::string>());
        for (const auto& [k, child] : v.items()) collect_texts(child, out);
    } else if (v.is_array()) {
        for (const auto& child : v) collect_texts(child, out);
    }
}

TEST(notes, a_2026_quote_never_carries_a_2025_only_note) {
    std::set<std::string> texts_2025, texts_2026;
    const fs::path root = yibao::test::source_dir() + "/rules/chongqing";
    for (const auto& e : fs::directory_iterator(root / "2025")) {
        std::ifstream in(e.path());
        collect_texts(json::parse(in), texts_2025);
    }
    for (const auto& e : fs::directory_iterator(root / "2026")) {
        std::ifstream in(e.path());
        collect_texts(json::parse(in), texts_2026);
    }
    std::set<std::string> only_2025;
    for (const auto& t : texts_2025)
        if (!texts_2026.count(t)) only_2025.insert(t);
    ASSERT_FALSE(only_2025.empty());
    std::size_t quotes = 0;
    sweep([&](const json& r, const json& q) {
        if (r.at("year") != 2026) return;
        ++quotes;
        for (const auto& n : q.at("notes"))
            EXPECT_FALSE(only_2025.count(n.get<std::string>())) << r.dump() << "\n  " << n.get<std::string>();
    });
    EXPECT_GT(quotes, 100u);
}

// ---------------------------------------------------------------- applies_to in the rules files

std::vector<yibao::rules_error> load_with(const std::string& file, const std::function<void(json&)>& change) {
    auto files = yibao::test::project_rule_files();
    for (auto& f : files)
        if (f.path == file) {
            json doc = json::parse(f.text);
            change(doc);
            f.text = doc.dump(2);
        }
    auto loaded = yibao::load_rules_texts(files);
    EXPECT_EQ(loaded.book == nullptr, !loaded.errors.empty());
    return loaded.errors;
}

void expect_error(const std::vector<yibao::rules_error>& errors, const std::string& file, const std::string& path,
                  const std::string& says) {
    std::string all;
    for (const auto& e : errors) all += "\n  " + e.to_string();
    EXPECT_TRUE(std::any_of(errors.begin(), errors.end(),
                            [&](const yibao::rules_error& e) {
                                return e.file == file && e.path == path && e.message.find(says) != std::string::npos;
                            }))
        << "expected " << file << ": " << path << ": " << says << "\ngot:" << all;
}

TEST(applies_to, names_only_what_the_rules_have) {
    const std::string f = "rules/chongqing/2026/municipal.json";
    const std::string p = "/readings/0/applies_to";
    auto set = [&](json value) { return load_with(f, [&](json& d) { d["readings"][0]["applies_to"] = value; }); };
    expect_error(set({{"persons", {"worker"}}}), f, p + "/persons", "unknown person");
    expect_error(set({{"periods", {"summer"}}}), f, p + "/periods", "no payment period");
    expect_error(set({{"categories", {"999"}}}), f, p + "/categories", "no category");
    expect_error(set({{"category_tags", {"rich"}}}), f, p + "/category_tags", "unknown tag");
    expect_error(set({{"districts", {"万州"}}}), f, p + "/districts", "unknown district id");
    expect_error(set({{"answers", {"tier"}}}), f, p + "/answers", "unknown answer");
    expect_error(set({{"paid", {{"from", "2026-02-01"}, {"to", "2026-01-01"}}}}), f, p + "/paid",
                 "ends before it starts");
    expect_error(set({{"born", json::object()}}), f, p + "/born", "needs from, to or both");
    expect_error(set({{"persons", json::array()}}), f, p + "/persons", "empty list");
    expect_error(set(json::object()), f, p, "empty");
    expect_error(set({{"who", {"resident"}}}), f, p + "/who", "unknown field");
    expect_error(set({{"continuous", "no"}}), f, p + "/continuous", "wrong type");
    expect_error(set({{"within_newborn_window", "yes"}}), f, p + "/within_newborn_window", "wrong type");
    // A district file's notes are checked against the merged rules: 石柱 has a second-half period.
    EXPECT_TRUE(load_with("rules/chongqing/2025/shizhu.json", [](json&) {}).empty());
}

}  // namespace
