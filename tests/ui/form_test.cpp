// The page's answers as a shareable URL (ui/form.h): what goes in, and that a link reopens the
// same answers. No ImGui: src/ui/form.cpp is plain C++ over the core.
#include "ui/form.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/dates.h"
#include "core/test_support.h"
#include "core/vocabulary.h"

namespace yibao::ui {
namespace {

date d(const char* s) { return *parse_date(s); }

form reopen(const form& f, const rule_book& book) {
    form g;  // defaults, then the link's parameters
    apply_params(g, parse_query("?" + to_query(f)), years(book), districts(book));
    return g;
}

void expect_same(const form& a, const form& b) {
    EXPECT_EQ(a.year, b.year);
    EXPECT_EQ(a.district, b.district);
    EXPECT_EQ(a.person, b.person);
    EXPECT_EQ(a.categories, b.categories);
    EXPECT_EQ(a.tier, b.tier);
    EXPECT_EQ(a.paid_on, b.paid_on);
    if (asks_continuity(a)) {
        EXPECT_EQ(a.continuous, b.continuous);
        if (!a.continuous) {
            EXPECT_EQ(a.break_years, b.break_years);
        }
    }
    if (asks_birth_date(a)) {
        EXPECT_EQ(a.birth_date, b.birth_date);
    }
    if (asks_pays_birth_year(a)) {
        EXPECT_EQ(a.pays_birth_year, b.pays_birth_year);
    }
}

TEST(share_link, carries_only_the_questions_asked) {
    form f;
    f.year = 2026;
    f.district = "wanzhou";
    f.person = person_kind::resident;
    f.categories = {"101", "106"};
    f.tier = 2;
    f.paid_on = d("2026-03-15");
    f.continuous = false;
    f.break_years = 2;
    f.birth_date = d("2026-01-02");  // not asked of a resident: must not leak into the link
    EXPECT_EQ(to_query(f),
              "district=wanzhou&year=2026&person=resident&categories=101,106&tier=2&paid=2026-03-15&break=2");

    f.person = person_kind::newborn;
    f.birth_date = d("2025-12-20");
    f.pays_birth_year = true;
    EXPECT_EQ(to_query(f),
              "district=wanzhou&year=2026&person=newborn&categories=101,106&tier=2&paid=2026-03-15&birth=2025-12-20"
              "&birth_year=1");
}

TEST(share_link, reopens_the_same_answers) {
    const rule_book& book = *test::project_rules();
    form f;
    f.year = 2025;
    f.district = "shizhu";
    f.person = person_kind::student;
    f.categories = {"rural_disabled_3_4"};
    f.tier = 1;
    f.paid_on = d("2025-07-01");
    f.continuous = true;
    expect_same(f, reopen(f, book));

    f.continuous = false;
    f.break_years = 5;
    expect_same(f, reopen(f, book));

    f.person = person_kind::newborn;
    f.birth_date = d("2024-12-30");
    f.pays_birth_year = true;
    expect_same(f, reopen(f, book));

    f.district = "chongqing";
    f.year = 2026;
    f.categories.clear();
    f.birth_date = d("2026-05-01");
    expect_same(f, reopen(f, book));
}

TEST(share_link, escapes_what_a_url_cannot_carry) {
    form f;
    f.year = 2025;
    f.district = "a&b";
    f.categories = {"在乡复员军人"};
    f.paid_on = d("2025-01-01");
    const std::string q = to_query(f);
    EXPECT_EQ(q.find("a&b"), std::string::npos) << q;
    EXPECT_NE(q.find("district=a%26b"), std::string::npos) << q;
    url_params p = parse_query(q);
    bool found = false;
    for (const auto& [k, v] : p)
        if (k == "categories") found = v == "在乡复员军人";
    EXPECT_TRUE(found) << q;
}

}  // namespace
}  // namespace yibao::ui

namespace {

// The link is read by the core's request parser: a district by its name, a bad answer refused by
// name (never wrapped, never silently taken), settings of the page left alone.
TEST(share_link, answers_in_a_link_go_through_the_request_parser) {
    auto book = yibao::test::project_rules();
    ASSERT_TRUE(book);
    yibao::ui::form f;
    f.year = 2025;
    auto errors = yibao::ui::apply_params(
        f, yibao::ui::parse_query("?district=%E7%9F%B3%E6%9F%B1%E5%8E%BF&year=4294969321&tier=1.0&mode=kiosk&break=2"),
        yibao::years(*book), yibao::districts(*book));
    EXPECT_EQ(f.district, "shizhu") << "石柱县 names 石柱";
    EXPECT_EQ(f.year, 2025) << "a year past 32 bits must not wrap to 2025's neighbour or be taken";
    EXPECT_EQ(f.tier, 1);
    EXPECT_FALSE(f.continuous);
    EXPECT_EQ(f.break_years, 2);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].field, "year");
    EXPECT_NE(errors[0].message.find("4294969321"), std::string::npos);
    EXPECT_EQ(errors[1].field, "tier");
}

}  // namespace

namespace yibao::ui {
namespace {

void expect_same_request(const request& a, const request& b) {
    EXPECT_EQ(a.year, b.year);
    EXPECT_EQ(a.district, b.district);
    EXPECT_EQ(a.person, b.person);
    EXPECT_EQ(a.categories, b.categories);
    EXPECT_EQ(a.tier, b.tier);
    EXPECT_EQ(a.paid_on, b.paid_on);
    EXPECT_EQ(a.continuous, b.continuous);
    EXPECT_EQ(a.break_years, b.break_years);
    EXPECT_EQ(a.birth_date, b.birth_date);
    EXPECT_EQ(a.pays_birth_year, b.pays_birth_year);
    EXPECT_EQ(a.freshman, b.freshman);
}

// A family of four: a 低保 grandparent, a parent with one year without cover, a student, a newborn.
std::vector<member_form> family_of_four() {
    std::vector<member_form> m(4);
    for (auto& one : m) one.answers.tier = 1;
    m[0].label = member_label::father;
    m[0].answers.categories = {"101"};
    m[1].label = member_label::self;
    m[1].answers.continuous = false;
    m[1].answers.break_years = 1;
    m[2].label = member_label::child;
    m[2].answers.person = person_kind::student;
    m[3].label = member_label::grandchild;
    m[3].answers.person = person_kind::newborn;
    m[3].answers.birth_date = *parse_date("2025-11-02");
    return m;
}

TEST(share_link, a_household_link_holds_each_members_answers_and_reopens_them) {
    const rule_book& book = *test::project_rules();
    form shared;  // also the first member's answers, as on the page: none of them goes to the others
    shared.year = 2026;
    shared.district = "wanzhou";
    shared.paid_on = *parse_date("2026-01-15");
    shared.categories = {"101"};
    shared.continuous = false;
    shared.tier = 2;
    const auto members = family_of_four();
    const std::string q = members_query(shared, members);
    EXPECT_NE(q.find("m0.label=father&m0.person=resident&m0.categories=101&m0.tier=1&m0.break=0"), std::string::npos)
        << q;
    EXPECT_NE(q.find("m1.label=self&m1.person=resident&m1.tier=1&m1.break=1"), std::string::npos) << q;
    EXPECT_NE(q.find("m3.label=grandchild&m3.person=newborn&m3.tier=1&m3.birth=2025-11-02"), std::string::npos) << q;
    // Answers only: every parameter is a shared answer's or m<i>.<an answer's URL name or label>.
    for (const auto& [name, value] : parse_query(to_query(shared) + "&" + q)) {
        if (vocab::find_url_field(name)) continue;
        ASSERT_EQ(name[0], 'm') << name;
        const std::string answer = name.substr(name.find('.') + 1);
        const auto* f = vocab::find_url_field(answer);
        EXPECT_TRUE(answer == vocab::label_key ||
                    (f && f->key != "year" && f->key != "district" && f->key != "paid_on"))
            << name;
        if (answer == vocab::label_key) {
            EXPECT_TRUE(vocab::member_label_from(value)) << value;
        }
    }

    std::vector<member_form> reopened;
    form shared_again;
    const url_params params = parse_query(to_query(shared) + "&" + q);
    EXPECT_TRUE(apply_params(shared_again, params, years(book), districts(book)).empty());
    EXPECT_TRUE(apply_member_params(reopened, shared_again, params, years(book), districts(book)).empty());
    ASSERT_EQ(reopened.size(), members.size());
    const auto want = to_member_requests(shared, members);
    const auto got = to_member_requests(shared_again, reopened);
    for (std::size_t i = 0; i < want.size(); ++i) {
        SCOPED_TRACE("member " + std::to_string(i));
        EXPECT_EQ(got[i].label, want[i].label);
        expect_same_request(got[i].req, want[i].req);
    }
    EXPECT_EQ(want[0].req.district, "wanzhou");
    EXPECT_EQ(want[3].req.paid_on, shared.paid_on);
}

TEST(share_link, a_members_bad_answer_is_named_by_the_member) {
    const rule_book& book = *test::project_rules();
    form shared;
    shared.year = 2026;
    std::vector<member_form> members;
    const auto errors = apply_member_params(
        members, shared,
        parse_query("?m0.label=%E5%BC%A0%E4%B8%89&m0.tier=2&m1.tier=3&m1.year=2025&m10.person=student&mode=kiosk"),
        years(book), districts(book));
    ASSERT_EQ(members.size(), 2u);
    EXPECT_FALSE(members[0].label) << "张三 is no label";
    EXPECT_EQ(members[0].answers.tier, 2);
    EXPECT_EQ(members[1].answers.tier, 1) << "a refused answer keeps the default";
    EXPECT_EQ(members[1].answers.year, 2026);
    auto has = [&](const std::string& field) {
        return std::any_of(errors.begin(), errors.end(), [&](const field_error& e) { return e.field == field; });
    };
    EXPECT_TRUE(has("members/0/label"));
    EXPECT_TRUE(has("members/1/tier"));
    EXPECT_TRUE(has("members/1/year"));
    EXPECT_TRUE(has("members/10"));
    EXPECT_EQ(errors.size(), 4u);
}

}  // namespace
}  // namespace yibao::ui
