#pragma once

#include <charconv>
#include <string_view>

namespace dateline {

// Parses all of `text` as a decimal integer from `low` to `high`; false (and `out` untouched)
// for anything else: empty text, signs or spaces around it, overflow, out of range.
inline bool parse_int(std::string_view text, int low, int high, int& out) {
    int value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || value < low || value > high) {
        return false;
    }
    out = value;
    return true;
}

}  // namespace dateline
