// The semantics layer's model (ui/semantics.h) and the font's em (ui/font_metrics.h).
#include "ui/semantics.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "ui/font_metrics.h"

namespace yibao::ui {
namespace {

TEST(semantics, json_carries_roles_states_and_whole_pixels) {
    semantics s;
    sem_node h;
    h.id = "t.1";
    h.role = sem_role::heading;
    h.level = 2;
    h.name = "缴费档次";
    h.x = 16.4f;
    h.y = 100.6f;
    h.w = 300.2f;
    h.h = 30.5f;
    s.nodes.push_back(h);
    sem_node r;
    r.id = "tier.2";
    r.role = sem_role::radio;
    r.group = "tier";
    r.name = "二档";
    r.description = "应缴775元";
    r.checked = true;
    s.nodes.push_back(r);
    sem_node d;
    d.id = "paid";
    d.role = sem_role::date;
    d.name = "缴费日期";
    d.value = "2026-03-01";
    d.min = "2025-09-01";
    d.max = "2026-12-31";
    s.nodes.push_back(d);
    s.announce = "应缴775元。";
    auto j = nlohmann::json::parse(semantics_json(s));
    ASSERT_EQ(j["nodes"].size(), 3u);
    EXPECT_EQ(j["nodes"][0]["role"], "heading");
    EXPECT_EQ(j["nodes"][0]["level"], 2);
    EXPECT_EQ(j["nodes"][0]["x"], 16);
    EXPECT_EQ(j["nodes"][0]["y"], 101);
    EXPECT_EQ(j["nodes"][1]["role"], "radio");
    EXPECT_EQ(j["nodes"][1]["checked"], true);
    EXPECT_EQ(j["nodes"][1]["group"], "tier");
    EXPECT_EQ(j["nodes"][1]["desc"], "应缴775元");
    EXPECT_EQ(j["nodes"][2]["value"], "2026-03-01");
    EXPECT_EQ(j["nodes"][2]["min"], "2025-09-01");
    EXPECT_EQ(j["announce"], "应缴775元。");
    EXPECT_EQ(s.find("tier.2")->name, "二档");
    EXPECT_EQ(s.find("nothing"), nullptr);
}

TEST(semantics, the_same_frame_gives_the_same_text) {
    // The platform sends the layer only when this text changed: a redraw in the same place must
    // not count as a change, a sub-pixel move neither.
    semantics a, b;
    sem_node n;
    n.id = "t.1";
    n.name = "应缴";
    n.y = 200.2f;
    a.nodes.push_back(n);
    n.y = 200.4f;
    b.nodes.push_back(n);
    EXPECT_EQ(semantics_json(a), semantics_json(b));
    b.nodes[0].checked = true;  // not a checkable role: not part of the text
    EXPECT_EQ(semantics_json(a), semantics_json(b));
    b.nodes[0].name = "应缴 400 元";
    EXPECT_NE(semantics_json(a), semantics_json(b));
}

// A minimal OpenType font: the table directory with head and hhea only.
std::vector<unsigned char> font_with(int units_per_em, int ascender, int descender) {
    std::vector<unsigned char> f(12 + 2 * 16 + 54 + 36, 0);
    auto put16 = [&](std::size_t at, int v) {
        f[at] = static_cast<unsigned char>((v >> 8) & 0xFF);
        f[at + 1] = static_cast<unsigned char>(v & 0xFF);
    };
    auto put32 = [&](std::size_t at, std::uint32_t v) {
        for (int k = 0; k < 4; ++k) f[at + k] = static_cast<unsigned char>((v >> (24 - 8 * k)) & 0xFF);
    };
    put32(0, 0x4F54544F);  // OTTO
    put16(4, 2);
    const std::size_t head = 12 + 32, hhea = head + 54;
    std::copy_n("head", 4, f.begin() + 12);
    put32(12 + 8, head);
    put32(12 + 12, 54);
    std::copy_n("hhea", 4, f.begin() + 28);
    put32(28 + 8, hhea);
    put32(28 + 12, 36);
    put16(head + 18, units_per_em);
    put16(hhea + 4, ascender);
    put16(hhea + 6, descender & 0xFFFF);
    return f;
}

TEST(font_metrics, height_per_em_of_noto_sans_cjk) {
    // Noto Sans CJK SC: unitsPerEm 1000, hhea ascender 1160, descender −288: 1.448 em, the
    // factor the issue measured (17 px asked, 11.7 px drawn).
    auto f = font_with(1000, 1160, -288);
    auto r = height_per_em(f.data(), f.size());
    ASSERT_TRUE(r);
    EXPECT_NEAR(*r, 1.448f, 1e-6);
    auto g = font_with(2048, 1900, -500);
    EXPECT_NEAR(*height_per_em(g.data(), g.size()), 2400.0f / 2048.0f, 1e-6);
}

// A font with head, hhea (3 horizontal metrics), hmtx and a cmap whose format 4 subtable maps
// 'A'..'C' to glyphs 1..3 by a delta, and ' ' through the glyph id array to glyph 1.
std::vector<unsigned char> font_with_advances() {
    std::vector<unsigned char> f(12 + 4 * 16 + 54 + 36 + 12 + 64, 0);
    auto put16 = [&](std::size_t at, int v) {
        f[at] = static_cast<unsigned char>((v >> 8) & 0xFF);
        f[at + 1] = static_cast<unsigned char>(v & 0xFF);
    };
    auto put32 = [&](std::size_t at, std::uint32_t v) {
        for (int k = 0; k < 4; ++k) f[at + k] = static_cast<unsigned char>((v >> (24 - 8 * k)) & 0xFF);
    };
    put32(0, 0x4F54544F);
    put16(4, 4);
    const std::size_t head = 12 + 64, hhea = head + 54, hmtx = hhea + 36, cmap = hmtx + 12;
    const char* names[] = {"head", "hhea", "hmtx", "cmap"};
    const std::size_t at[] = {head, hhea, hmtx, cmap}, len[] = {54, 36, 12, 64};
    for (int i = 0; i < 4; ++i) {
        std::copy_n(names[i], 4, f.begin() + 12 + i * 16);
        put32(12 + i * 16 + 8, static_cast<std::uint32_t>(at[i]));
        put32(12 + i * 16 + 12, static_cast<std::uint32_t>(len[i]));
    }
    put16(head + 18, 1000);
    put16(hhea + 4, 800);   // ascender
    put16(hhea + 6, -200);  // descender: height 1000 units
    put16(hhea + 34, 3);    // numberOfHMetrics
    put16(hmtx + 0, 250);   // glyph 0
    put16(hmtx + 4, 600);   // glyph 1
    put16(hmtx + 8, 500);   // glyph 2; glyph 3 reuses the last advance
    put16(cmap + 2, 1);     // one subtable: (3, 1) at offset 12
    put16(cmap + 4, 3);
    put16(cmap + 6, 1);
    put32(cmap + 8, 12);
    const std::size_t sub = cmap + 12;
    put16(sub, 4);
    put16(sub + 2, 52);
    put16(sub + 6, 3 * 2);  // segCountX2: segments ' ', 'A'..'C', the end 0xFFFF
    const int ends[] = {0x20, 0x43, 0xFFFF}, starts[] = {0x20, 0x41, 0xFFFF}, deltas[] = {0, 1 - 0x41, 1},
              offsets[] = {6, 0, 0};
    for (int i = 0; i < 3; ++i) {
        put16(sub + 14 + i * 2, ends[i]);
        put16(sub + 14 + 6 + 2 + i * 2, starts[i]);
        put16(sub + 14 + 12 + 2 + i * 2, deltas[i]);
        put16(sub + 14 + 18 + 2 + i * 2, offsets[i]);
    }
    put16(sub + 14 + 24 + 2, 1);  // the glyph id array: ' ' -> glyph 1 (offset 6 from its own slot)
    return f;
}

TEST(font_metrics, ascii_advances_from_cmap_and_hmtx) {
    auto f = font_with_advances();
    auto a = ascii_advances_of(f.data(), f.size());
    ASSERT_TRUE(a);
    EXPECT_FLOAT_EQ(a->advance[' ' - 0x20], 0.6f);  // glyph 1 through the id array: 600 / 1000
    EXPECT_FLOAT_EQ(a->advance['A' - 0x20], 0.6f);  // glyph 1
    EXPECT_FLOAT_EQ(a->advance['B' - 0x20], 0.5f);  // glyph 2
    EXPECT_FLOAT_EQ(a->advance['C' - 0x20], 0.5f);  // glyph 3, past numberOfHMetrics: the last advance
    EXPECT_FLOAT_EQ(a->advance['D' - 0x20], 0.0f);  // not mapped
    f[12 + 3 * 16] = 'x';                           // no cmap
    EXPECT_FALSE(ascii_advances_of(f.data(), f.size()));
    EXPECT_FALSE(ascii_advances_of(f.data(), 40));  // cut short
}

TEST(font_metrics, not_a_font_is_refused) {
    auto f = font_with(1000, 1160, -288);
    EXPECT_FALSE(height_per_em(f.data(), 11));  // cut short
    f[0] = 'X';
    EXPECT_FALSE(height_per_em(f.data(), f.size()));  // not OpenType
    auto z = font_with(0, 1160, -288);
    EXPECT_FALSE(height_per_em(z.data(), z.size()));  // no em
    EXPECT_FALSE(height_per_em(nullptr, 100));
}

}  // namespace
}  // namespace yibao::ui

namespace yibao::ui {
namespace {

TEST(semantics, text_with_quotes_newlines_and_control_characters_is_valid_json) {
    semantics s;
    sem_node n;
    n.id = "t.1";
    n.name = std::string("第一行\n“引号” \"quote\" back\\slash tab\t bell\x07 end");
    n.runs = {{"应缴 ", 17}, {"400", 36.4f}};
    n.font_px = 21.25f;
    n.line_px = 31.875f;
    s.nodes.push_back(n);
    auto j = nlohmann::json::parse(semantics_json(s));
    EXPECT_EQ(j["nodes"][0]["name"], n.name);
    EXPECT_EQ(j["nodes"][0]["runs"][1]["px"], 36);
    EXPECT_DOUBLE_EQ(j["nodes"][0]["px"].get<double>(), 21.3);  // one decimal, as CSS is written
    EXPECT_DOUBLE_EQ(j["nodes"][0]["lh"].get<double>(), 31.9);
    EXPECT_TRUE(j["nodes"][0]["checked"].is_null());  // text is not checkable
}

}  // namespace
}  // namespace yibao::ui
