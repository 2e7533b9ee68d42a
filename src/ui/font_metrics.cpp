#include "ui/font_metrics.h"

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

std::optional<float> height_per_em(const unsigned char* font, std::size_t size) {
    if (!font || size < 12) return std::nullopt;
    const std::uint32_t version = u32(font);
    if (version != 0x00010000u && version != 0x4F54544Fu /* OTTO */ && version != 0x74727565u /* true */)
        return std::nullopt;
    const std::size_t tables = u16(font + 4);
    if (12 + tables * 16 > size) return std::nullopt;
    const unsigned char* head = nullptr;
    const unsigned char* hhea = nullptr;
    for (std::size_t i = 0; i < tables; ++i) {
        const unsigned char* rec = font + 12 + i * 16;
        const std::uint32_t offset = u32(rec + 8), length = u32(rec + 12);
        if (offset > size || length > size - offset) return std::nullopt;
        if (std::memcmp(rec, "head", 4) == 0 && length >= 20) head = font + offset;
        if (std::memcmp(rec, "hhea", 4) == 0 && length >= 8) hhea = font + offset;
    }
    if (!head || !hhea) return std::nullopt;
    const int units = u16(head + 18);
    const int height = s16(hhea + 4) - s16(hhea + 6);
    if (units <= 0 || height <= 0) return std::nullopt;
    return static_cast<float>(height) / static_cast<float>(units);
}

}  // namespace yibao::ui
