// Contrast of every text colour on every background the screens draw it on (ui/palette.h): at
// least 4.5:1, WCAG 2.1 1.4.3 (AA) — the bar that China's 适老化 rules and GB/T 37668 set too.
// The ratio is computed here from WCAG's own definition of relative luminance, not by the code
// under test.
#include "ui/palette.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace yibao::ui {
namespace {

// WCAG 2.1, "relative luminance": sRGB channels linearised, weighted 0.2126 / 0.7152 / 0.0722.
double luminance(palette::rgb c) {
    auto channel = [](int v) {
        const double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast(palette::rgb a, palette::rgb b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

TEST(palette, the_formula_gives_the_known_ratios) {
    // Black on white is 21:1; #767676 on white is the classic 4.54:1.
    EXPECT_NEAR(contrast({0, 0, 0}, {255, 255, 255}), 21.0, 0.01);
    EXPECT_NEAR(contrast({118, 118, 118}, {255, 255, 255}), 4.54, 0.01);
}

TEST(palette, every_text_reaches_4_5_to_1_on_its_background) {
    for (const auto& p : palette::text_pairs) {
        SCOPED_TRACE(p.where);
        EXPECT_GE(contrast(p.fg, p.bg), 4.5);
    }
}

TEST(palette, the_warnings_measured_too_low_before_are_fixed) {
    // The issue measured 3.76:1 for orange on the cream banner and 4.12:1 on white.
    EXPECT_GE(contrast(palette::warn, palette::warn_soft), 4.5);
    EXPECT_GE(contrast(palette::warn, palette::card), 4.5);
}

TEST(palette, every_named_colour_is_listed_once) {
    for (std::size_t i = 0; i < std::size(palette::named); ++i)
        for (std::size_t j = i + 1; j < std::size(palette::named); ++j)
            EXPECT_NE(std::string(palette::named[i].name), palette::named[j].name);
}

}  // namespace
}  // namespace yibao::ui
