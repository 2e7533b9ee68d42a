#include "core/format.h"

#include <charconv>

namespace yibao {

namespace {

// n >= 0 in decimal, zero-padded to at least `width` digits. (std::to_chars, not snprintf: the
// page's first answer formats dates, and printf's machinery is the largest function it would
// otherwise compile.)
void append_number(std::string& s, long long n, int width = 0) {
    char buf[24];
    char* end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    for (int pad = width - static_cast<int>(end - buf); pad > 0; --pad) s += '0';
    s.append(buf, static_cast<std::size_t>(end - buf));
}

}  // namespace

std::string format_date(const date& d) {
    std::string s;
    append_number(s, static_cast<int>(d.year()), 4);
    s += '-';
    append_number(s, static_cast<unsigned>(d.month()), 2);
    s += '-';
    append_number(s, static_cast<unsigned>(d.day()), 2);
    return s;
}

std::string chinese_date(const date& d) {
    std::string s;
    append_number(s, static_cast<int>(d.year()));
    s += "年";
    append_number(s, static_cast<unsigned>(d.month()));
    s += "月";
    append_number(s, static_cast<unsigned>(d.day()));
    s += "日";
    return s;
}

std::string format_yuan(money amount) {
    std::string sign = amount < 0 ? "-" : "";
    money a = amount < 0 ? -amount : amount;
    std::string s = sign;
    append_number(s, a / 100);
    if (a % 100) {
        s += '.';
        append_number(s, a % 100, 2);
    }
    return s;
}

std::string yuan_text(money amount) { return format_yuan(amount) + "元"; }

}  // namespace yibao
