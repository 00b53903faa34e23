#include "utf8.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace dateline::utf8 {

namespace {

// Length of the well-formed sequence starting at `pos`, or 0 if it is ill-formed.
// The ranges are those of Unicode table 3-7, which excludes overlongs and surrogates.
std::size_t sequence_length(std::string_view text, std::size_t pos) {
    auto byte = [&text](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    auto in = [](unsigned char b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    const unsigned char lead = byte(pos);
    const std::size_t left = text.size() - pos;
    if (lead < 0x80) return 1;
    if (in(lead, 0xC2, 0xDF)) return left >= 2 && in(byte(pos + 1), 0x80, 0xBF) ? 2 : 0;
    if (in(lead, 0xE0, 0xEF)) {
        if (left < 3) return 0;
        const unsigned lo = lead == 0xE0 ? 0xA0 : 0x80;
        const unsigned hi = lead == 0xED ? 0x9F : 0xBF;
        return in(byte(pos + 1), lo, hi) && in(byte(pos + 2), 0x80, 0xBF) ? 3 : 0;
    }
    if (in(lead, 0xF0, 0xF4)) {
        if (left < 4) return 0;
        const unsigned lo = lead == 0xF0 ? 0x90 : 0x80;
        const unsigned hi = lead == 0xF4 ? 0x8F : 0xBF;
        return in(byte(pos + 1), lo, hi) && in(byte(pos + 2), 0x80, 0xBF) &&
                       in(byte(pos + 3), 0x80, 0xBF)
                   ? 4
                   : 0;
    }
    return 0;
}

// Windows-1252 0x80-0x9F. The five unassigned bytes map to the C1 control with the same
// number, as the WHATWG Encoding Standard does, so that no byte is lost.
constexpr std::array<std::uint16_t, 32> cp1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

}  // namespace

void append_code_point(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid(std::string_view text) { return first_invalid(text) == text.size(); }

std::size_t first_invalid(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        // Runs of ASCII, eight bytes at a time: most of any press text.
        while (pos + 8 <= text.size()) {
            std::uint64_t block;
            std::memcpy(&block, text.data() + pos, sizeof block);
            if ((block & 0x8080808080808080ULL) != 0) break;
            pos += 8;
        }
        if (pos == text.size()) break;
        const std::size_t length = sequence_length(text, pos);
        if (length == 0) return pos;
        pos += length;
    }
    return text.size();
}

std::string repaired(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t bad = pos + first_invalid(text.substr(pos));
        out.append(text, pos, bad - pos);
        if (bad == text.size()) break;
        out += "\xEF\xBF\xBD";  // U+FFFD
        pos = bad + 1;
    }
    return out;
}

std::string from_windows1252(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 && byte < 0xA0) {
            append_code_point(out, cp1252_high[byte - 0x80u]);
        } else {
            append_code_point(out, byte);  // ASCII and Latin-1 share code points here
        }
    }
    return out;
}

std::string_view strip_bom(std::string_view text) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.substr(0, bom.size()) == bom) text.remove_prefix(bom.size());
    return text;
}

}  // namespace dateline::utf8
