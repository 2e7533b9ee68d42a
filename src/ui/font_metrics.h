// The em of an OpenType font, as Dear ImGui needs it: ImGui (stb_truetype's
// ScaleForPixelHeight) sizes a font by its height from ascender to descender (hhea), CSS and a
// 字号 setting by its em. For Noto Sans CJK that height is 1.448 em, so a font added at "17 px"
// draws glyphs 11.7 px wide. No ImGui here: read from the font's own tables.
#pragma once

#include <cstddef>
#include <optional>

namespace yibao::ui {

// (hhea ascender − hhea descender) / head unitsPerEm of an OpenType/TrueType font (not a
// collection), or nullopt when the bytes are not such a font. Multiply an em in pixels by it to
// get the size to give ImGui.
std::optional<float> height_per_em(const unsigned char* font, std::size_t size);

// The advance widths of printable ASCII (U+0020..U+007E) in font units per (hhea ascender −
// hhea descender), from the font's cmap (format 4) and hmtx: times ImGui's size, each is the
// advance ImGui gives the glyph (before its rounding to whole pixels). A character the font does
// not map gets 0. nullopt when the bytes are not such a font.
struct ascii_advances {
    float advance[0x7F - 0x20] = {};  // index: code point − 0x20
};
std::optional<ascii_advances> ascii_advances_of(const unsigned char* font, std::size_t size);

}  // namespace yibao::ui
