#include "ui/font_metrics.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace yibao::ui {

namespace {

std::uint32_t u32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
std::uint16_t u16(const unsigned char* p) { return static_cast<std::uint16_t>((p[0] << 8) | p[1]); }
std::int16_t s16(const unsigned char* p) { return static_cast<std::int16_t>(u16(p)); }

}  // namespace

namespace {

struct tables {
    const unsigned char* head = nullptr;
    const unsigned char* hhea = nullptr;
    const unsigned char* hmtx = nullptr;
    const unsigned char* cmap = nullptr;
    std::size_t hmtx_len = 0, cmap_len = 0;
};

std::optional<tables> find_tables(const unsigned char* font, std::size_t size) {
    if (!font || size < 12) return std::nullopt;
    const std::uint32_t version = u32(font);
    if (version != 0x00010000u && version != 0x4F54544Fu /* OTTO */ && version != 0x74727565u /* true */)
        return std::nullopt;
    const std::size_t count = u16(font + 4);
    if (12 + count * 16 > size) return std::nullopt;
    tables t;
    for (std::size_t i = 0; i < count; ++i) {
        const unsigned char* rec = font + 12 + i * 16;
        const std::uint32_t offset = u32(rec + 8), length = u32(rec + 12);
        if (offset > size || length > size - offset) return std::nullopt;
        if (std::memcmp(rec, "head", 4) == 0 && length >= 20) t.head = font + offset;
        if (std::memcmp(rec, "hhea", 4) == 0 && length >= 36) t.hhea = font + offset;
        if (std::memcmp(rec, "hmtx", 4) == 0) {
            t.hmtx = font + offset;
            t.hmtx_len = length;
        }
        if (std::memcmp(rec, "cmap", 4) == 0) {
            t.cmap = font + offset;
            t.cmap_len = length;
        }
    }
    if (!t.head || !t.hhea) return std::nullopt;
    return t;
}

// The glyph of code point c in a cmap format 4 subtable (len bytes at p), or 0.
unsigned glyph_of(const unsigned char* p, std::size_t len, unsigned c) {
    if (len < 14) return 0;
    const std::size_t segs = u16(p + 6) / 2;
    if (16 + segs * 8 > len) return 0;
    const unsigned char* ends = p + 14;
    const unsigned char* starts = ends + segs * 2 + 2;
    const unsigned char* deltas = starts + segs * 2;
    const unsigned char* range_offsets = deltas + segs * 2;
    for (std::size_t i = 0; i < segs; ++i) {
        if (c > u16(ends + i * 2)) continue;
        const unsigned start = u16(starts + i * 2);
        if (c < start) return 0;
        const unsigned delta = u16(deltas + i * 2), ro = u16(range_offsets + i * 2);
        if (ro == 0) return (c + delta) & 0xFFFFu;
        const std::size_t at = static_cast<std::size_t>(range_offsets + i * 2 - p) + ro + (c - start) * 2;
        if (at + 2 > len) return 0;
        const unsigned g = u16(p + at);
        return g == 0 ? 0 : (g + delta) & 0xFFFFu;
    }
    return 0;
}

}  // namespace

std::optional<float> height_per_em(const unsigned char* font, std::size_t size) {
    const auto t = find_tables(font, size);
    if (!t) return std::nullopt;
    const int units = u16(t->head + 18);
    const int height = s16(t->hhea + 4) - s16(t->hhea + 6);
    if (units <= 0 || height <= 0) return std::nullopt;
    return static_cast<float>(height) / static_cast<float>(units);
}

std::optional<ascii_advances> ascii_advances_of(const unsigned char* font, std::size_t size) {
    const auto t = find_tables(font, size);
    if (!t || !t->hmtx || !t->cmap || t->cmap_len < 4) return std::nullopt;
    const int height = s16(t->hhea + 4) - s16(t->hhea + 6);
    const std::size_t metrics = u16(t->hhea + 34);  // numberOfHMetrics
    if (height <= 0 || metrics == 0 || metrics * 4 > t->hmtx_len) return std::nullopt;
    // The Unicode BMP subtable: (3, 1) Windows, else (0, x) Unicode; format 4.
    const unsigned char* sub = nullptr;
    std::size_t sub_len = 0;
    const std::size_t count = u16(t->cmap + 2);
    if (4 + count * 8 > t->cmap_len) return std::nullopt;
    for (std::size_t i = 0; i < count; ++i) {
        const unsigned char* rec = t->cmap + 4 + i * 8;
        const unsigned platform = u16(rec), encoding = u16(rec + 2);
        const std::uint32_t offset = u32(rec + 4);
        if (offset + 4 > t->cmap_len || u16(t->cmap + offset) != 4) continue;
        if (!((platform == 3 && encoding == 1) || platform == 0)) continue;
        const std::size_t len = std::min<std::size_t>(u16(t->cmap + offset + 2), t->cmap_len - offset);
        if (!sub || platform == 3) {
            sub = t->cmap + offset;
            sub_len = len;
        }
    }
    if (!sub) return std::nullopt;
    ascii_advances a;
    for (unsigned c = 0x20; c < 0x7F; ++c) {
        const unsigned g = glyph_of(sub, sub_len, c);
        if (g == 0) continue;
        const std::size_t m = std::min<std::size_t>(g, metrics - 1);  // past numberOfHMetrics: the last advance
        a.advance[c - 0x20] = static_cast<float>(u16(t->hmtx + m * 4)) / static_cast<float>(height);
    }
    return a;
}

}  // namespace yibao::ui
