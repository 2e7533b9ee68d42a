#include "ui/format.h"

#include <cstdio>

namespace yibao::ui {

std::string yuan(money fen) {
    bool neg = fen < 0;
    long long v = neg ? -static_cast<long long>(fen) : static_cast<long long>(fen);
    char buf[32];
    if (v % 100 == 0)
        std::snprintf(buf, sizeof buf, "%s%lld", neg ? "-" : "", v / 100);
    else
        std::snprintf(buf, sizeof buf, "%s%lld.%02lld", neg ? "-" : "", v / 100, v % 100);
    return buf;
}

std::string chinese_date(const date& d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%d年%u月%u日", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

}  // namespace yibao::ui
