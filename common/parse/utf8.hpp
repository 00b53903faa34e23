#pragma once
// UTF-8 checks and repairs for input text.

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::utf8 {

// True if `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid(std::string_view text);

// Byte offset of the first ill-formed sequence, or text.size() if the text is valid.
std::size_t first_invalid(std::string_view text);

// `text` with each ill-formed byte replaced by U+FFFD (valid text comes back unchanged).
std::string repaired(std::string_view text);

// Decodes Windows-1252 (a superset of printable Latin-1) into UTF-8.
std::string from_windows1252(std::string_view text);

// Appends code point `cp` (at most U+10FFFF, not a surrogate) encoded in UTF-8.
void append_code_point(std::string& out, std::uint32_t cp);

// Removes a leading UTF-8 byte-order mark, if any.
std::string_view strip_bom(std::string_view text);

}  // namespace dateline::utf8
