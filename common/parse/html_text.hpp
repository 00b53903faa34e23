#pragma once
// HTML to plain text, for markup carried inside other formats (feed items, JSON fields) and for
// whole pages when no structure is wanted.

#include <string>
#include <string_view>

namespace dateline {

// Converts an HTML fragment or page (UTF-8; invalid bytes become U+FFFD) to plain text: block
// elements (p, div, h1-h6, lists, tables, ...) become paragraphs separated by one blank line,
// <br> and list items start a new line (two <br> in a row a new paragraph), table cells are
// separated by a space, runs of whitespace become one space, entities are decoded, and script,
// style, noscript, template, svg and the page's <head> are left out. Markup nested absurdly deep
// is flattened first (html_nesting.hpp), so no input takes long. Never throws (short of running
// out of memory); returns "" when there is no text.
std::string html_to_text(std::string_view html);

}  // namespace dateline
