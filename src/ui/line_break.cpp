#include "ui/line_break.h"

#include <cstddef>

namespace yibao::ui {

namespace {

// Decodes the UTF-8 code point at s; returns its length in bytes (1 for a bad byte).
int decode(std::string_view text, std::size_t at, unsigned& cp) {
    // UTF-8 by hand (no ImGui here); a malformed byte counts as one character of its own.
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c0 = b(at);
    int n = c0 < 0x80 ? 1 : (c0 >> 5) == 0x6 ? 2 : (c0 >> 4) == 0xE ? 3 : (c0 >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || at + n > text.size()) {
        cp = 0xFFFD;
        return 1;
    }
    cp = n == 1 ? c0 : c0 & (0x7F >> n);
    for (int k = 1; k < n; ++k) {
        if ((b(at + k) & 0xC0) != 0x80) {
            cp = 0xFFFD;
            return 1;
        }
        cp = (cp << 6) | (b(at + k) & 0x3F);
    }
    return n;
}

bool is_cjk(unsigned cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x2010 && cp <= 0x206F);
}

// No line may start with these.
bool is_closing(unsigned cp) {
    switch (cp) {
        case 0xFF0C:
        case 0x3002:
        case 0x3001:
        case 0xFF1B:
        case 0xFF1A:
        case 0xFF01:
        case 0xFF1F:
        case 0xFF09:
        case 0x3011:
        case 0x300B:
        case 0x300D:
        case 0x201D:
        case 0x2019:
        case 0x3015:
        case ')':
        case ',':
        case '.':
        case ';':
        case ':':
        case '!':
        case '?':
        case '%':
            return true;
        default:
            return false;
    }
}

// No line may end with these.
bool is_opening(unsigned cp) {
    switch (cp) {
        case 0xFF08:
        case 0x3010:
        case 0x300A:
        case 0x300C:
        case 0x201C:
        case 0x2018:
        case 0x3014:
        case '(':
        case 0xA5:  // ¥ stays with its number
            return true;
        default:
            return false;
    }
}

bool is_digit(unsigned cp) { return cp >= '0' && cp <= '9'; }

// Units that stay with their number (2026年3月1日, 400元, 90天), so that no date or amount is
// broken across lines.
bool is_unit(unsigned cp) {
    switch (cp) {
        case 0x5E74:  // 年
        case 0x6708:  // 月
        case 0x65E5:  // 日
        case 0x5143:  // 元
        case 0x5929:  // 天
        case 0x5C81:  // 岁
        case 0x53F7:  // 号
            return true;
        default:
            return false;
    }
}

}  // namespace

std::vector<std::string_view> break_lines(std::string_view text, float width,
                                          const std::function<float(unsigned cp)>& advance) {
    std::vector<std::string_view> lines;
    std::size_t line_start = 0;
    float line_w = 0;
    std::size_t last_break = std::string_view::npos;  // byte offset where the line may end
    float width_at_break = 0;
    unsigned prev = 0;
    std::size_t i = 0;
    auto push = [&](std::size_t end, std::size_t next_start) {
        std::string_view line = text.substr(line_start, end - line_start);
        while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
        lines.push_back(line);
        line_start = next_start;
        while (line_start < text.size() && text[line_start] == ' ') ++line_start;
    };
    while (i < text.size()) {
        unsigned cp = 0;
        int n = decode(text, i, cp);
        if (cp == '\n') {
            push(i, i + 1);
            i = line_start;
            line_w = 0;
            last_break = std::string_view::npos;
            prev = 0;
            continue;
        }
        // A break opportunity before this character?
        if (i > line_start) {
            bool can = false;
            if (prev == ' ')
                can = true;
            else if (is_cjk(cp) || is_cjk(prev))
                can = true;
            else if ((prev == '-' || prev == '/') && !(cp >= '0' && cp <= '9'))
                can = true;  // not inside 380/755
            if (is_closing(cp) || is_opening(prev)) can = false;
            if (is_digit(prev) && is_unit(cp)) can = false;                       // 28|日
            if ((prev == 0x5E74 || prev == 0x6708) && is_digit(cp)) can = false;  // 年|3, 月|1
            if (cp == ' ') can = false;
            if (can) {
                last_break = i;
                width_at_break = line_w;
            }
        }
        float adv = advance(cp);
        if (line_w + adv > width && i > line_start && cp != ' ') {
            if (last_break != std::string_view::npos && last_break > line_start) {
                push(last_break, last_break);
                line_w = line_w - width_at_break;
                // Re-measure from the new line start to i (cheap: lines are short).
                line_w = 0;
                for (std::size_t j = line_start; j < i;) {
                    unsigned c2 = 0;
                    int m = decode(text, j, c2);
                    line_w += advance(c2);
                    j += m;
                }
            } else {
                push(i, i);
                line_w = 0;
            }
            last_break = std::string_view::npos;
        }
        line_w += adv;
        prev = cp;
        i += n;
    }
    if (line_start < text.size() || lines.empty()) push(text.size(), text.size());
    return lines;
}

}  // namespace yibao::ui
