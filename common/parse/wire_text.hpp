#pragma once
// Single-article plain-text files in the agency-wire layout:
//
//   line 1        the title
//   optional      a publication-time line, e.g. "Xinhua) 08:55, July 23, 2025" or "2025-07-23"
//   rest          the body; its first paragraph may open with a dateline such as
//                 "BEIJING, July 22 (Xinhua) -- "
//
// Blank lines may separate the parts; CRLF line ends are accepted.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "document.hpp"

namespace dateline {

struct Dateline {
    std::string place;   // "BEIJING"
    std::string agency;  // "Xinhua"; empty when the dateline names none
    int month = 0;       // month and day from the dateline itself, 0 when absent
    int day = 0;
    std::size_t length = 0;  // bytes of the body's opening taken by the dateline and its dash
};

// Recognises a dateline at the start of `paragraph`: "PLACE, Month Day (Agency) -- ",
// "PLACE, Month Day (Agency) - ", "PLACE (Agency) -- ", "PLACE, Month Day -- ". PLACE is one
// or more words in capitals (with spaces, dots, hyphens, apostrophes, commas between parts as in
// "WASHINGTON, D.C."). Returns nullopt when the paragraph does not open with one.
std::optional<Dateline> parse_dateline(std::string_view paragraph);

// Parses one article. `text` must be valid UTF-8 (the caller repairs encodings). Fills title,
// date (from the time line; else the dateline's month/day are not enough and the date stays
// empty), source (the agency from the time line or dateline), place (from the dateline), and body
// (paragraphs joined by "\n\n", the dateline prefix removed). `id` and `url` stay empty.
// Throws ParseError (with a 1-based line) for an empty file, a missing title or an empty body.
PressRelease parse_wire_text(std::string_view text);

}  // namespace dateline
