#include "ui/form.h"

#include <algorithm>
#include <charconv>

#include "core/dates.h"
#include "core/json_api.h"
#include "core/request_reader.h"
#include "core/vocabulary.h"

namespace yibao::ui {

using namespace std::chrono;

bool form::has_category(const std::string& code) const {
    return std::find(categories.begin(), categories.end(), code) != categories.end();
}

void form::toggle_category(const std::string& code) {
    auto it = std::find(categories.begin(), categories.end(), code);
    if (it == categories.end())
        categories.push_back(code);
    else
        categories.erase(it);
}

season season_on(const std::vector<year_dates>& years, date today) {
    season s;
    if (years.empty()) return s;
    // Default: the latest year whose enrollment has opened; before any, the first year.
    s.default_year = years.front().year;
    for (const auto& y : years)
        if (sys_days{y.opens} <= sys_days{today}) s.default_year = std::max(s.default_year, y.year);
    // The next year's enrollment opens about a year after the latest loaded one's did: from then
    // on the page must not pass the latest year's rules off as the current ones.
    const year_dates& last = *std::max_element(
        years.begin(), years.end(), [](const year_dates& a, const year_dates& b) { return a.year < b.year; });
    date next_opens = last.opens + std::chrono::years{1};
    if (!next_opens.ok()) next_opens = year_month_day{sys_days{next_opens}};
    if (sys_days{today} >= sys_days{next_opens}) s.missing_year = last.year + 1;
    return s;
}

std::vector<year_dates> year_calendar(const rule_book& rules) {
    std::vector<year_dates> out;
    for (int y : years(rules)) {
        if (auto info = year_details(rules, y, "chongqing")) {
            year_dates yd;
            yd.year = y;
            yd.opens = info->enrollment_opens;
            yd.centralized_ends = info->centralized_ends;
            yd.coverage_ends = info->coverage_ends;
            out.push_back(yd);
        }
    }
    return out;
}

std::vector<int> calendar_years(const std::vector<year_dates>& calendar) {
    std::vector<int> out;
    for (const auto& y : calendar) out.push_back(y.year);
    return out;
}

std::vector<int> first_screen_years(const std::vector<year_dates>& calendar, date today, const url_params& params) {
    std::vector<int> out;
    const season s = season_on(calendar, today);
    if (s.default_year) out.push_back(s.default_year);
    // The year the address names, read as apply_params reads it (a year the calendar lacks is
    // refused there, and the preselected one stays).
    for (const auto& param : params) {
        const vocab::field* field = vocab::find_url_field(param.first);
        if (!field || field->key != std::string_view("year")) continue;
        request r;
        std::vector<field_error> ignored;
        if (!parse_request_params({param}, r, ignored)) continue;
        if (std::any_of(calendar.begin(), calendar.end(), [&](const year_dates& y) { return y.year == r.year; }))
            out.push_back(r.year);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool first_read_file(std::string_view path, const std::vector<int>& years, std::string_view district) {
    // rules/<jurisdiction>/<year>/<name>.json, or rules/<jurisdiction>/districts.json
    const std::size_t slash = path.rfind('/');
    std::string_view name = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
    if (name.size() > 5 && name.substr(name.size() - 5) == ".json") name.remove_suffix(5);
    if (name == "districts") return true;
    if (name != "municipal" && (district.empty() || name != district)) return false;
    if (years.empty()) return true;
    if (slash == std::string_view::npos) return false;
    const std::string_view folders = path.substr(0, slash);
    const std::size_t parent = folders.rfind('/');
    const std::string_view folder = folders.substr(parent == std::string_view::npos ? 0 : parent + 1);
    int year = 0;
    const auto [end, ec] = std::from_chars(folder.data(), folder.data() + folder.size(), year);
    if (ec != std::errc() || end != folder.data() + folder.size()) return false;
    return std::find(years.begin(), years.end(), year) != years.end();
}

bool asks_continuity(const form& f) { return f.person != person_kind::newborn; }
bool asks_break_years(const form& f) { return asks_continuity(f) && !f.continuous; }
bool asks_birth_date(const form& f) { return f.person == person_kind::newborn; }
bool asks_pays_birth_year(const form& f) {
    return f.person == person_kind::newborn && f.birth_date.ok() && static_cast<int>(f.birth_date.year()) == f.year - 1;
}

bool asks_freshman(const form& f) {
    return f.person == person_kind::student && f.paid_on.ok() &&
           f.paid_on < year_month_day{year{f.year}, January, day{1}};
}

request to_request(const form& f) {
    request r;
    r.year = f.year;
    r.district = f.district;
    r.person = f.person;
    r.categories = f.categories;
    r.tier = f.tier;
    if (f.paid_on.ok()) r.paid_on = f.paid_on;
    if (asks_continuity(f)) {
        r.continuous = f.continuous;
        if (!f.continuous) r.break_years = f.break_years;
    }
    if (asks_birth_date(f) && f.birth_date.ok()) r.birth_date = f.birth_date;
    if (asks_pays_birth_year(f)) r.pays_birth_year = f.pays_birth_year;
    if (asks_freshman(f)) r.freshman = f.freshman;
    return r;
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string url_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string url_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// The request the answers make, written with the URL names of core/vocabulary.h, in their order.
url_params answer_params(const form& f) {
    const request r = to_request(f);
    url_params q;
    auto put = [&](std::string_view key, const std::string& value) {
        q.emplace_back(std::string(vocab::find_field(key)->url), value);
    };
    put("district", url_encode(r.district));
    put("year", std::to_string(r.year));
    put("person", std::string(vocab::person(r.person).id));
    if (!r.categories.empty()) {
        std::string codes;
        for (const auto& c : r.categories) codes += (codes.empty() ? "" : ",") + url_encode(c);
        put("categories", codes);
    }
    put("tier", std::to_string(r.tier));
    if (r.paid_on) put("paid_on", format_date(*r.paid_on));
    if (r.birth_date) put("birth_date", format_date(*r.birth_date));
    if (r.pays_birth_year) put("pays_birth_year", *r.pays_birth_year ? "1" : "0");
    if (r.freshman) put("freshman", *r.freshman ? "1" : "0");
    // One parameter for continuity: break=0 is continuous.
    if (r.continuous) put("break_years", std::to_string(*r.continuous ? 0 : r.break_years.value_or(1)));
    return q;
}

// The answers every member shares, written once at the top of a household link.
bool shared_answer(std::string_view key) { return key == "year" || key == "district" || key == "paid_on"; }

form member_over(const form& shared, const form& own) {
    form f = own;
    f.year = shared.year;
    f.district = shared.district;
    f.paid_on = shared.paid_on;
    return f;
}

}  // namespace

std::string to_query(const form& f) {
    std::string q;
    for (const auto& [name, value] : answer_params(f)) q += (q.empty() ? "" : "&") + name + "=" + value;
    return q;
}

std::vector<member_request> to_member_requests(const form& shared, const std::vector<member_form>& members) {
    std::vector<member_request> out;
    for (const auto& m : members) out.push_back({m.label, to_request(member_over(shared, m.answers))});
    return out;
}

std::string members_query(const form& shared, const std::vector<member_form>& members) {
    std::string q;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const std::string prefix = std::string(vocab::member_url_prefix) + std::to_string(i) + ".";
        auto put = [&](const std::string& name, const std::string& value) {
            q += (q.empty() ? "" : "&") + prefix + name + "=" + value;
        };
        if (members[i].label)
            put(std::string(vocab::label_key), std::string(vocab::member_label_of(*members[i].label).id));
        for (const auto& [name, value] : answer_params(member_over(shared, members[i].answers)))
            if (!shared_answer(vocab::find_url_field(name)->key)) put(name, value);
    }
    return q;
}

url_params parse_query(std::string_view query) {
    url_params out;
    if (!query.empty() && query.front() == '?') query.remove_prefix(1);
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view part = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (part.empty()) continue;
        auto eq = part.find('=');
        std::string key = url_decode(part.substr(0, eq));
        std::string value = eq == std::string_view::npos ? std::string{} : url_decode(part.substr(eq + 1));
        out.emplace_back(std::move(key), std::move(value));
    }
    return out;
}

std::vector<field_error> apply_params(form& f, const url_params& params, const std::vector<int>& known_years,
                                      const std::vector<district_info>& districts) {
    // Each answer goes through the core's request parser on its own (core/request_reader.h), so a
    // link is read exactly like a JSON request; a bad answer leaves that question at its default.
    std::vector<field_error> errors;
    for (const auto& param : params) {
        const vocab::field* field = vocab::find_url_field(param.first);
        if (!field) continue;  // not an answer (mode=kiosk, idle=60, or whatever WeChat appends)
        request r;
        if (!parse_request_params({param}, r, errors)) continue;
        const std::string_view key = field->key;
        if (key == "district") {
            auto d = std::find_if(districts.begin(), districts.end(), [&](const district_info& d) {
                return d.id == r.district || d.name == r.district ||
                       std::find(d.aliases.begin(), d.aliases.end(), r.district) != d.aliases.end();
            });
            if (d != districts.end())
                f.district = d->id;
            else
                errors.push_back({"district", "地址中的区县“" + r.district + "”不在区县列表中。"});
        } else if (key == "year") {
            if (std::find(known_years.begin(), known_years.end(), r.year) != known_years.end())
                f.year = r.year;
            else
                errors.push_back({"year", "地址中的参保年度" + std::to_string(r.year) + "没有收录规则。"});
        } else if (key == "person") {
            f.person = r.person;
        } else if (key == "categories") {
            f.categories.clear();
            for (const auto& code : r.categories)
                if (!f.has_category(code)) f.categories.push_back(code);
        } else if (key == "tier") {
            f.tier = r.tier;
        } else if (key == "paid_on") {
            f.paid_on = *r.paid_on;
        } else if (key == "birth_date") {
            f.birth_date = *r.birth_date;
        } else if (key == "break_years") {
            f.continuous = *r.break_years == 0;
            if (*r.break_years > 0) f.break_years = *r.break_years;
        } else if (key == "continuous") {
            f.continuous = *r.continuous;
        } else if (key == "pays_birth_year") {
            f.pays_birth_year = *r.pays_birth_year;
        } else if (key == "freshman") {
            f.freshman = *r.freshman;
        }
    }
    return errors;
}

std::vector<field_error> apply_member_params(std::vector<member_form>& members, const form& shared,
                                             const url_params& params, const std::vector<int>& known_years,
                                             const std::vector<district_info>& districts) {
    std::vector<field_error> errors;
    // m<i>.<name>: the member's index and the answer's URL name; anything else is not a member's.
    std::vector<std::pair<std::size_t, url_params>> by_index;
    for (const auto& [name, value] : params) {
        const std::string_view prefix = vocab::member_url_prefix;
        const auto dot = name.find('.');
        if (name.compare(0, prefix.size(), prefix) != 0 || dot == std::string::npos || dot == prefix.size()) continue;
        std::size_t index = 0;
        const auto [end, ec] = std::from_chars(name.data() + prefix.size(), name.data() + dot, index);
        if (ec != std::errc{} || end != name.data() + dot) continue;
        const std::string answer = name.substr(dot + 1);
        const std::string member_field = std::string(vocab::members_key) + "/" + std::to_string(index);
        if (index >= vocab::max_members) {
            errors.push_back({member_field, "地址中的 " + name + " 超出了成员的上限（最多" +
                                                std::to_string(vocab::max_members) + "位，m0 至 m" +
                                                std::to_string(vocab::max_members - 1) + "）。"});
            continue;
        }
        auto it = std::find_if(by_index.begin(), by_index.end(), [&](const auto& g) { return g.first == index; });
        if (it == by_index.end())
            it = by_index.insert(std::upper_bound(by_index.begin(), by_index.end(), index,
                                                  [](std::size_t i, const auto& g) { return i < g.first; }),
                                 {index, {}});
        it->second.emplace_back(answer, value);
    }
    members.clear();
    for (const auto& [index, own] : by_index) {
        // A member's own answers start from the defaults, not from the first member's (the link's
        // top-level answers): only the shared ones are taken from there.
        member_form m;
        m.answers = member_over(shared, form{});
        m.answers.birth_date = shared.birth_date;  // the page's default day (today) until the link gives one
        const std::string member_field = std::string(vocab::members_key) + "/" + std::to_string(index) + "/";
        const std::string who = "地址中的第" + std::to_string(index + 1) + "位成员：";
        url_params answers;
        for (const auto& [name, value] : own) {
            const vocab::field* f = vocab::find_url_field(name);
            if (name == vocab::label_key) {
                if (auto l = vocab::member_label_from(value))
                    m.label = l;
                else {
                    std::string choices;
                    for (const auto& l : vocab::member_labels)
                        choices += (choices.empty() ? "" : "、") + std::string(l.zh);
                    errors.push_back({member_field + std::string(vocab::label_key),
                                      who + std::string(vocab::label_zh) + "只能从" + choices + "中选一项。"});
                }
            } else if (f && shared_answer(f->key)) {
                errors.push_back(
                    {member_field + std::string(f->key),
                     who + std::string(f->zh) + "是全家共用的回答，只在地址中写一次 " + std::string(f->url) + "=。"});
            } else if (f) {
                answers.emplace_back(name, value);
            }
        }
        for (auto& e : apply_params(m.answers, answers, known_years, districts))
            errors.push_back({member_field + e.field, who + e.message});
        members.push_back(std::move(m));
    }
    return errors;
}

}  // namespace yibao::ui
