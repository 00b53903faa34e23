#pragma once
// Single-article plain-text files in the agency-wire layout:
//
//   line 1        the title
//   optional      a publication-time line, e.g. "Xinhua) 08:55, July 23, 2025" or "2025-07-23"
//   rest          the body; it may open with a dateline such as "BEIJING, July 22 (Xinhua) -- ",
//                 also after release header lines ("Ministry of Coastal Affairs", "Press
//                 Office", "FOR IMMEDIATE RELEASE", each on its own line)
//
// Blank lines may separate the parts; CRLF line ends are accepted.
//
// A text whose first line is far too long for a title (a scraped release flattened onto one
// line, its blocks separated by runs of spaces) is read as flat text: the title is its first
// short block of a few words (else its opening words), the rest is the body, and the date is
// the first one written near the start.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "dateline.hpp"  // parse_dateline, which wire texts open with
#include "document.hpp"

namespace dateline {

// Parses one article. `text` must be valid UTF-8 (the caller repairs encodings). Fills title,
// date (from the time line; else the dateline's month/day are not enough and the date stays
// empty), source (the agency from the time line or dateline, else the office the header names),
// place (from the dateline), and body (paragraphs joined by "\n\n", the header and dateline
// removed), then completes the rest with
// complete_structure() (language, end marks and contact blocks). `id` and `url` stay empty.
// Throws ParseError (with a 1-based line) for an empty file, a missing title or an empty body.
// When the text was read as flat text, `note` (if given) says so, for a warning.
PressRelease parse_wire_text(std::string_view text, std::string* note = nullptr);

}  // namespace dateline
