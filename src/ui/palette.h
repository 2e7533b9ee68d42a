// The page's colours, in one place and without ImGui: the screens draw with them (ui/widgets.h
// turns them into ImU32), the glue gets them by name (yibao_palette(): the saved picture), and
// tests/ui/palette_test.cpp checks that every text colour on every background it is drawn on
// reaches WCAG 2's 4.5:1 (China's 适老化 rules and GB/T 37668 ask the same).
#pragma once

#include <cstdint>

namespace yibao::ui::palette {

struct rgb {
    std::uint8_t r, g, b;
};

inline constexpr rgb page{243, 245, 248};
inline constexpr rgb card{255, 255, 255};
inline constexpr rgb text{26, 32, 44};
inline constexpr rgb muted{88, 99, 116};
inline constexpr rgb line{208, 214, 222};
inline constexpr rgb primary{22, 101, 192};
inline constexpr rgb primary_dark{16, 80, 160};  // a chosen answer while pressed; the focus ring
inline constexpr rgb primary_soft{225, 237, 252};
inline constexpr rgb pressed{218, 229, 243};
inline constexpr rgb on_primary{255, 255, 255};       // text on primary
inline constexpr rgb on_primary_soft{226, 236, 250};  // the smaller line on primary
inline constexpr rgb error{192, 32, 32};
inline constexpr rgb error_soft{253, 235, 235};
inline constexpr rgb warn{166, 77, 0};
inline constexpr rgb warn_soft{255, 243, 224};
inline constexpr rgb good{25, 128, 56};
inline constexpr rgb good_soft{228, 245, 233};
inline constexpr rgb disabled{238, 240, 243};
inline constexpr rgb disabled_icon{150, 157, 167};
inline constexpr rgb covered{52, 168, 83};   // the timeline's covered days (with a word in the legend)
inline constexpr rgb waiting{245, 166, 35};  // the timeline's waiting period (with a word in the legend)

// Each colour by its name: the glue draws with the same ones.
struct named_color {
    const char* name;
    rgb value;
};
inline constexpr named_color named[] = {
    {"page", page},
    {"card", card},
    {"text", text},
    {"muted", muted},
    {"line", line},
    {"primary", primary},
    {"primary_dark", primary_dark},
    {"primary_soft", primary_soft},
    {"pressed", pressed},
    {"on_primary", on_primary},
    {"on_primary_soft", on_primary_soft},
    {"error", error},
    {"error_soft", error_soft},
    {"warn", warn},
    {"warn_soft", warn_soft},
    {"good", good},
    {"good_soft", good_soft},
    {"disabled", disabled},
    {"disabled_icon", disabled_icon},
    {"covered", covered},
    {"waiting", waiting},
};

// Every text colour on every background the screens draw it on (ui/widgets.cpp, ui/screens/*).
struct text_pair {
    const char* where;
    rgb fg, bg;
};
inline constexpr text_pair text_pairs[] = {
    {"body text on a card", text, card},
    {"body text on the page", text, page},
    {"secondary text on a card", muted, card},
    {"secondary text on the page (footer)", muted, page},
    {"secondary text on a chosen checkbox", muted, primary_soft},
    {"secondary text on a pressed answer", muted, pressed},
    {"body text on a pressed answer", text, pressed},
    {"body text on a chosen checkbox", text, primary_soft},
    {"a chosen answer", on_primary, primary},
    {"a chosen answer's smaller line", on_primary_soft, primary},
    {"a chosen answer while pressed", on_primary, primary_dark},
    {"a chosen answer's smaller line while pressed", on_primary_soft, primary_dark},
    {"the top bar's amount", on_primary, primary},
    {"the top bar's labels", on_primary_soft, primary},
    {"the amount", primary, card},
    {"the category applied (就高)", primary, card},
    {"an error", error, error_soft},
    {"an error in a card", error, card},
    {"a warning banner", warn, warn_soft},
    {"a warning in a card", warn, card},
    {"the offline status line", warn, page},
    {"good news in a card", good, card},
    {"body text in the warning banner", text, warn_soft},
    {"secondary text in the warning banner (一档, 二档)", muted, warn_soft},
    {"the timeline's month labels", muted, card},
};

}  // namespace yibao::ui::palette
