#pragma once
// Small text helpers shared by the format readers: ASCII white space, trimming, collapsing
// runs of it, and quoting a piece of input back in a message.

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline::plain_text {

// Space, tab, line feed, carriage return, form feed.
bool is_space(char c);

// `text` without white space at either end.
std::string_view trim(std::string_view text);

// Runs of white space become one space; none at either end.
std::string collapse_spaces(std::string_view text);

// For messages: the text on one line, in double quotes, cut at a character boundary after
// `max_bytes` bytes (marked "...").
std::string quoted(std::string_view text, std::size_t max_bytes = 60);

}  // namespace dateline::plain_text
