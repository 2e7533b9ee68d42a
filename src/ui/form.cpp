#include "ui/form.h"

#include <algorithm>
#include <charconv>

#include "core/dates.h"
#include "core/json_api.h"

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

bool asks_continuity(const form& f) { return f.person != person_kind::newborn; }
bool asks_break_years(const form& f) { return asks_continuity(f) && !f.continuous; }
bool asks_birth_date(const form& f) { return f.person == person_kind::newborn; }
bool asks_pays_birth_year(const form& f) {
    return f.person == person_kind::newborn && f.birth_date.ok() &&
           static_cast<int>(f.birth_date.year()) == f.year - 1;
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

const char* person_id(person_kind p) {
    switch (p) {
        case person_kind::student: return "student";
        case person_kind::newborn: return "newborn";
        default: return "resident";
    }
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
        } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
                   hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::optional<int> to_int(std::string_view s) {
    int v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<bool> to_bool(std::string_view s) {
    if (s == "1" || s == "true" || s == "yes") return true;
    if (s == "0" || s == "false" || s == "no") return false;
    return std::nullopt;
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

}  // namespace

std::string to_query(const form& f) {
    std::string q = "district=" + url_encode(f.district) + "&year=" + std::to_string(f.year) +
                    "&person=" + person_id(f.person);
    if (!f.categories.empty()) {
        q += "&categories=";
        for (std::size_t i = 0; i < f.categories.size(); ++i) {
            if (i > 0) q += ',';
            q += url_encode(f.categories[i]);
        }
    }
    q += "&tier=" + std::to_string(f.tier);
    if (f.paid_on.ok()) q += "&paid=" + format_date(f.paid_on);
    if (asks_birth_date(f) && f.birth_date.ok()) q += "&birth=" + format_date(f.birth_date);
    if (asks_pays_birth_year(f)) q += std::string("&birth_year=") + (f.pays_birth_year ? "1" : "0");
    if (asks_freshman(f)) q += std::string("&freshman=") + (f.freshman ? "1" : "0");
    if (asks_continuity(f)) q += "&break=" + std::to_string(f.continuous ? 0 : f.break_years);
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

void apply_params(form& f, const url_params& params, const std::vector<int>& known_years,
                  const std::vector<district_info>& districts) {
    for (const auto& [key, value] : params) {
        if (key == "district") {
            for (const auto& d : districts)
                if (d.id == value) f.district = value;
        } else if (key == "year") {
            if (auto y = to_int(value);
                y && std::find(known_years.begin(), known_years.end(), *y) != known_years.end())
                f.year = *y;
        } else if (key == "person") {
            if (value == "resident") f.person = person_kind::resident;
            if (value == "student") f.person = person_kind::student;
            if (value == "newborn") f.person = person_kind::newborn;
        } else if (key == "categories" || key == "category") {
            f.categories.clear();
            std::string_view rest = value;
            while (!rest.empty()) {
                auto comma = rest.find(',');
                std::string code{rest.substr(0, comma)};
                rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
                if (!code.empty() && !f.has_category(code)) f.categories.push_back(code);
            }
        } else if (key == "tier") {
            if (auto t = to_int(value); t && (*t == 1 || *t == 2)) f.tier = *t;
        } else if (key == "paid" || key == "paid_on") {
            if (auto d = parse_date(value)) f.paid_on = *d;
        } else if (key == "birth" || key == "birth_date") {
            if (auto d = parse_date(value)) f.birth_date = *d;
        } else if (key == "break" || key == "break_years") {
            if (auto n = to_int(value); n && *n >= 0 && *n <= 30) {
                f.continuous = *n == 0;
                if (*n > 0) f.break_years = *n;
            }
        } else if (key == "continuous") {
            if (auto b = to_bool(value)) f.continuous = *b;
        } else if (key == "birth_year" || key == "pays_birth_year") {
            if (auto b = to_bool(value)) f.pays_birth_year = *b;
        } else if (key == "freshman") {
            if (auto b = to_bool(value)) f.freshman = *b;
        }
    }
}

}  // namespace yibao::ui
