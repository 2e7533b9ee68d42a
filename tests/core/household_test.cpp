// Households (README "A household"): requests composed from the single cases of tests/cases/, whose
// expected values come from the documents. A household's total is the sum of its members' expected
// amounts, each member's quote is exactly its single request's, a refused member is named by its
// index; and the contract's strictness inside members: the 10-member limit, the labels, misspelt keys.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/json_api.h"
#include "core/vocabulary.h"
#include "test_support.h"

namespace {

using json = nlohmann::json;

struct single_case {
    std::string name;
    json request;
    json expect;
};

// The cases of tests/cases/*.json that are written as a request object (not as exact bytes).
std::vector<single_case> load_single_cases() {
    std::vector<single_case> out;
    for (const auto& p : yibao::test::case_files()) {
        std::ifstream in(p);
        const json doc = json::parse(in);
        for (const auto& c : doc.at("cases"))
            if (c.contains("request"))
                out.push_back(
                    {p.stem().string() + "/" + c.at("name").get<std::string>(), c.at("request"), c.at("expect")});
    }
    return out;
}

const std::vector<single_case>& cases() {
    static const std::vector<single_case> all = load_single_cases();
    return all;
}

// Quoted cases with a documented amount.
std::vector<const single_case*> quoted_cases() {
    std::vector<const single_case*> out;
    for (const auto& c : cases())
        if (c.expect.value("ok", false) && c.expect.contains("due")) out.push_back(&c);
    return out;
}

std::int64_t fen(const json& yuan) { return std::llround(yuan.get<double>() * 100); }

// A household of these requests: the answers every member gives alike at the top level, the rest
// in each member's entry.
json compose(const std::vector<const single_case*>& members) {
    json household = json::object();
    for (const auto& [key, value] : members.front()->request.items()) {
        const bool everyone = std::all_of(members.begin(), members.end(), [&](const single_case* c) {
            return c->request.contains(key) && c->request.at(key) == value;
        });
        if (everyone) household[key] = value;
    }
    json list = json::array();
    for (const single_case* c : members) {
        json own = json::object();
        for (const auto& [key, value] : c->request.items())
            if (!household.contains(key)) own[key] = value;
        list.push_back(own);
    }
    household["members"] = list;
    return household;
}

json quote_of(const json& request) {
    auto book = yibao::test::project_rules();
    return json::parse(yibao::quote_json(*book, request.dump()));
}

// Compares the fields a case expects, as the parameterised case test does.
void expect_case(const json& q, const single_case& c) {
    SCOPED_TRACE("member from case " + c.name);
    for (const auto& [key, want] : c.expect.items()) {
        // The phrases of the text (explanation_says, notes_say) are the case test's to check.
        if (key == "error_field" || key == "error_says" || key == "max_errors" || key == "explanation_says" ||
            key == "notes_say")
            continue;
        if (key == "incentives") {
            for (const auto& [k, v] : want.items()) EXPECT_EQ(q["incentives"][k], v) << "incentives." << k;
            continue;
        }
        EXPECT_EQ(q[key], want) << "field " << key;
    }
}

void check_household(const std::vector<const single_case*>& members) {
    const json request = compose(members);
    SCOPED_TRACE("household: " + request.dump());
    const json q = quote_of(request);
    ASSERT_TRUE(q["ok"].get<bool>()) << q.dump(1);
    ASSERT_EQ(q["members"].size(), members.size());
    std::int64_t total = 0;
    for (std::size_t i = 0; i < members.size(); ++i) {
        total += fen(members[i]->expect.at("due"));
        json member = q["members"][i];
        EXPECT_TRUE(member["label"].is_null());
        expect_case(member, *members[i]);
        // Exactly the quote of the member's single request.
        member.erase("label");
        EXPECT_EQ(member, quote_of(members[i]->request)) << "member " << i;
    }
    EXPECT_EQ(fen(q["due"]), total) << "the family's total is the sum of the documents' amounts";
    EXPECT_TRUE(q["errors"].empty());
}

TEST(household, consecutive_cases_sum_to_the_documents_amounts) {
    const auto quoted = quoted_cases();
    ASSERT_GT(quoted.size(), 200u);
    std::size_t at = 0, size = 1, households = 0;
    while (at < quoted.size()) {
        std::vector<const single_case*> members(
            quoted.begin() + static_cast<std::ptrdiff_t>(at),
            quoted.begin() + static_cast<std::ptrdiff_t>(std::min(quoted.size(), at + size)));
        check_household(members);
        at += members.size();
        size = size % yibao::vocab::max_members + 1;
        ++households;
    }
    EXPECT_GT(households, 40u);
}

TEST(household, members_from_different_files_sum_to_the_documents_amounts) {
    const auto quoted = quoted_cases();
    const std::size_t n = quoted.size();
    for (std::size_t h = 0; h < n; h += 7) {
        std::vector<const single_case*> members;
        for (std::size_t j = 0; j < 2 + h % 9; ++j) members.push_back(quoted[(h + j * 37) % n]);
        check_household(members);
    }
}

TEST(household, a_members_own_answer_overrides_the_shared_one) {
    const auto quoted = quoted_cases();
    for (std::size_t h = 0; h + 3 <= quoted.size(); h += 25) {
        std::vector<const single_case*> members(quoted.begin() + static_cast<std::ptrdiff_t>(h),
                                                quoted.begin() + static_cast<std::ptrdiff_t>(h + 3));
        json request = compose(members);
        // Every member's own tier and year over shared ones that differ from them.
        for (std::size_t i = 0; i < members.size(); ++i) {
            request["members"][i]["tier"] = members[i]->request.at("tier");
            request["members"][i]["year"] = members[i]->request.at("year");
        }
        request["tier"] = members[0]->request.at("tier").get<int>() == 1 ? 2 : 1;
        request["year"] = 2100;
        const json q = quote_of(request);
        ASSERT_TRUE(q["ok"].get<bool>()) << request.dump() << "\n" << q.dump(1);
        std::int64_t total = 0;
        for (std::size_t i = 0; i < members.size(); ++i) {
            total += fen(members[i]->expect.at("due"));
            expect_case(q["members"][i], *members[i]);
        }
        EXPECT_EQ(fen(q["due"]), total);
    }
}

TEST(household, a_refused_member_is_named_by_its_index_and_the_family_has_no_total) {
    const auto quoted = quoted_cases();
    std::size_t tried = 0;
    for (const auto& refused : cases()) {
        if (refused.expect.value("ok", true) || !refused.expect.contains("error_field")) continue;
        const std::string field = refused.expect.at("error_field").get<std::string>();
        std::vector<const single_case*> members = {quoted[tried % quoted.size()], &refused,
                                                   quoted[(tried * 13 + 5) % quoted.size()]};
        const json request = compose(members);
        const json q = quote_of(request);
        SCOPED_TRACE(refused.name + ": " + request.dump() + "\n" + q.dump(1));
        EXPECT_FALSE(q["ok"].get<bool>());
        EXPECT_EQ(q["due"], 0) << "no total that leaves a member out";
        // A request the parser refuses has no member quotes; one the rules refuse has all three.
        const bool parsed = !q["members"].empty();
        const bool named = std::any_of(q["errors"].begin(), q["errors"].end(), [&](const json& e) {
            const std::string f = e["field"].get<std::string>();
            return f == "members/1/" + field || (field.empty() && f == "members/1");
        });
        EXPECT_TRUE(named) << "expected an error about members/1/" << field;
        for (const auto& e : q["errors"]) EXPECT_EQ(e["field"].get<std::string>().rfind("members/1", 0), 0u) << e;
        if (parsed) {
            ASSERT_EQ(q["members"].size(), 3u);
            expect_case(q["members"][0], *members[0]);
            expect_case(q["members"][2], *members[2]);
            EXPECT_FALSE(q["members"][1]["ok"].get<bool>());
        }
        ++tried;
    }
    EXPECT_GT(tried, 30u);
}

json family(std::size_t n) {
    json members = json::array();
    for (std::size_t i = 0; i < n; ++i) members.push_back(json::object());
    return {{"year", 2025}, {"district", "chongqing"}, {"tier", 1}, {"paid_on", "2024-12-31"}, {"members", members}};
}

bool has_error(const json& q, const std::string& field, const std::string& says) {
    return std::any_of(q["errors"].begin(), q["errors"].end(), [&](const json& e) {
        return e["field"] == field && e["message"].get<std::string>().find(says) != std::string::npos;
    });
}

TEST(household, up_to_ten_members_and_not_one_more) {
    // coverage_2025 chongqing_centralized_2024-12-31: 400 each (000 六、七(一)).
    json q = quote_of(family(yibao::vocab::max_members));
    ASSERT_TRUE(q["ok"].get<bool>()) << q.dump(1);
    EXPECT_EQ(q["due"], 4000);
    q = quote_of(family(yibao::vocab::max_members + 1));
    EXPECT_FALSE(q["ok"].get<bool>());
    EXPECT_TRUE(q["members"].empty());
    EXPECT_TRUE(has_error(q, "members", "一次最多10位")) << q.dump(1);
    EXPECT_TRUE(has_error(q, "members", "分成几次计算")) << q.dump(1);
    q = quote_of(family(0));
    EXPECT_FALSE(q["ok"].get<bool>());
    EXPECT_TRUE(has_error(q, "members", "请至少写一位成员")) << q.dump(1);
    json r = family(1);
    r["members"] = json::object();
    EXPECT_TRUE(has_error(quote_of(r), "members", "应是成员的数组"));
    r["members"] = json::array({json::object(), 5});
    EXPECT_TRUE(has_error(quote_of(r), "members/1", "第2位成员应是一个对象"));
}

TEST(household, labels_come_from_the_list_never_free_text) {
    ASSERT_EQ(std::size(yibao::vocab::member_labels), 7u);
    const std::vector<std::string> zh = {"本人", "配偶", "父亲", "母亲", "子女", "孙子女", "其他"};
    json r = family(0);
    for (std::size_t i = 0; i < zh.size(); ++i) {
        EXPECT_EQ(yibao::vocab::member_labels[i].zh, zh[i]);
        r["members"].push_back({{"label", i % 2 ? zh[i] : std::string(yibao::vocab::member_labels[i].id)}});
    }
    json q = quote_of(r);
    ASSERT_TRUE(q["ok"].get<bool>()) << q.dump(1);
    for (std::size_t i = 0; i < zh.size(); ++i)
        EXPECT_EQ(q["members"][i]["label"], std::string(yibao::vocab::member_labels[i].id));

    for (const json& bad : {json("张三"), json("wife"), json(1), json(nullptr), json("")}) {
        r = family(2);
        r["members"][1]["label"] = bad;
        q = quote_of(r);
        EXPECT_FALSE(q["ok"].get<bool>()) << bad;
        EXPECT_TRUE(has_error(q, "members/1/label", "不要写姓名")) << q.dump(1);
        EXPECT_TRUE(has_error(q, "members/1/label", "孙子女")) << q.dump(1);
    }
    r = family(1);
    r["label"] = "本人";  // a label belongs to a member
    EXPECT_TRUE(has_error(quote_of(r), "label", "未知字段 label"));
}

TEST(household, a_misspelt_member_field_names_the_member_and_the_nearest_key) {
    json r = family(3);
    r["members"][2]["catgories"] = {"101"};
    json q = quote_of(r);
    EXPECT_FALSE(q["ok"].get<bool>());
    EXPECT_TRUE(has_error(q, "members/2/catgories", "是否想写 categories")) << q.dump(1);
    EXPECT_TRUE(has_error(q, "members/2/catgories", "第3位成员")) << q.dump(1);
    r = family(2);
    r["members"][0]["lable"] = "本人";
    EXPECT_TRUE(has_error(quote_of(r), "members/0/lable", "是否想写 label"));
    r = family(2);
    r.erase("members");
    r["membres"] = json::array({json::object()});
    EXPECT_TRUE(has_error(quote_of(r), "membres", "是否想写 members"));
}

TEST(household, types_inside_a_member_are_exact) {
    json r = family(2);
    r["members"][1]["tier"] = "1";
    EXPECT_TRUE(has_error(quote_of(r), "members/1/tier", "应是整数"));
    r = family(2);
    r["members"][0]["continuous"] = nullptr;
    EXPECT_TRUE(has_error(quote_of(r), "members/0/continuous", "不能是 null"));
    r = family(2);
    r["members"][1]["categories"] = "101";
    EXPECT_TRUE(has_error(quote_of(r), "members/1/categories", "数组"));
    // A repeated key inside a member, by its place.
    const std::string text =
        R"({"year":2025,"district":"chongqing","paid_on":"2024-12-31","members":[{"tier":1},{"tier":1,"tier":2}]})";
    const json q = json::parse(yibao::quote_json(*yibao::test::project_rules(), text));
    EXPECT_TRUE(has_error(q, "members/1/tier", "写了两次")) << q.dump(1);
}

TEST(household, a_required_answer_may_be_shared_or_each_members_own) {
    json r = family(2);
    r.erase("tier");
    json q = quote_of(r);
    EXPECT_TRUE(has_error(q, "tier", "全家共用")) << q.dump(1);
    EXPECT_EQ(q["errors"].size(), 1u) << "asked once, not once per member";
    r["members"][0]["tier"] = 1;
    q = quote_of(r);
    EXPECT_TRUE(has_error(q, "members/1/tier", "第2位成员")) << q.dump(1);
    r["members"][1]["tier"] = 2;
    q = quote_of(r);
    // 2025 standards: 一档 400, 二档 775 (000 二).
    ASSERT_TRUE(q["ok"].get<bool>()) << q.dump(1);
}

TEST(household, a_request_for_one_person_is_answered_as_before) {
    const json q = quote_of(cases().front().request);
    EXPECT_FALSE(q.contains("members"));
    EXPECT_TRUE(q.contains("coverage_start"));
}

// The family's advice, checked against the engine itself: paying by the day it names keeps every
// member's first day of cover; paying by the earlier day it names covers everyone from its day.
TEST(household, family_advice_holds_for_every_member) {
    auto book = yibao::test::project_rules();
    const std::vector<std::string> households = {
        // 2026: continuous, and one year without cover (a waiting period), paid in January.
        R"({"year":2026,"district":"chongqing","tier":1,"paid_on":"2026-01-15","members":[{"label":"self","continuous":true},{"label":"father","continuous":false,"break_years":1}]})",
        R"({"year":2025,"district":"wanzhou","tier":1,"paid_on":"2024-12-01","members":[{"categories":["101"]},{"person":"student"},{}]})",
        R"({"year":2025,"district":"shizhu","tier":1,"paid_on":"2025-03-10","members":[{"continuous":true},{"continuous":true,"categories":["101"]}]})",
    };
    std::size_t lines = 0;
    for (const auto& text : households) {
        const json q = json::parse(yibao::quote_json(*book, text, true));
        SCOPED_TRACE(text + "\n" + q.dump(1));
        ASSERT_TRUE(q["ok"].get<bool>());
        const json& a = q["advice"];
        lines += a["lines"].size();
        auto start_if_paid = [&](std::size_t i, const std::string& day) {
            json r = json::parse(text);
            json single = r;
            single.erase("members");
            for (const auto& [k, v] : r["members"][i].items())
                if (k != "label") single[k] = v;
            single["paid_on"] = day;
            return quote_of(single)["coverage_start"].get<std::string>();
        };
        std::string latest;
        for (const auto& m : q["members"]) latest = std::max(latest, m["coverage_start"].get<std::string>());
        if (!a["pay_by"].is_null()) {
            EXPECT_EQ(a["everyone_from"], latest);
            for (std::size_t i = 0; i < q["members"].size(); ++i)
                EXPECT_EQ(start_if_paid(i, a["pay_by"]), q["members"][i]["coverage_start"]) << "member " << i;
        }
        if (!a["earlier_pay_by"].is_null()) {
            EXPECT_LT(a["earlier_everyone_from"].get<std::string>(), latest);
            for (std::size_t i = 0; i < q["members"].size(); ++i)
                EXPECT_LE(start_if_paid(i, a["earlier_pay_by"]), a["earlier_everyone_from"].get<std::string>());
        }
    }
    EXPECT_GE(lines, 2u) << "the examples give family advice";
}

}  // namespace
