#include "core/format.h"

#include <cstdio>

namespace yibao {

std::string format_date(const date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

std::string chinese_date(const date& d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%d年%u月%u日", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

std::string format_yuan(money amount) {
    std::string sign = amount < 0 ? "-" : "";
    money a = amount < 0 ? -amount : amount;
    std::string s = sign + std::to_string(a / 100);
    if (a % 100) {
        char frac[4];
        std::snprintf(frac, sizeof frac, "%02d", static_cast<int>(a % 100));
        s += std::string(".") + frac;
    }
    return s;
}

std::string yuan_text(money amount) { return format_yuan(amount) + "元"; }

}  // namespace yibao
