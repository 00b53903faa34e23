#pragma once
// The header lines some releases open with, before the dateline and the text:
//
//   U.S. Department of Justice
//   Office of Public Affairs
//   FOR IMMEDIATE RELEASE
//   Friday, April 13, 2018
//
// Shared by the dateline search (which looks past them) and the issuer (which reads them).

#include <cstddef>
#include <string_view>

namespace dateline {

// "FOR IMMEDIATE RELEASE", "Press Release", "NEWS RELEASE:", "Media Release" (not "Media
// Releases", a menu entry): `line` starts with a release marker. Returns the marker's length
// (with a following ":" or "."), 0 if there is none.
std::size_t release_marker_length(std::string_view line);

// "Department of Justice", "Ministry of Coastal Affairs", "Office of Public Affairs",
// "Valdoria Press Office": a line naming an office in capitalised words (at least two words,
// one of them Department, Ministry, Office, Embassy, Consulate, Bureau, Agency, Commission,
// Secretariat, Mission or Directorate; no digits; no sentence).
bool is_office_line(std::string_view line);

// An office line naming a press office: "Office of Public Affairs", "Press Office", "Office of
// the Spokesperson", "Media Office", "Information Office".
bool is_press_office_line(std::string_view line);

// Capitalised words ("Harbor Wire", "U.S. Department of Justice") with the small connecting
// words names keep in lower case ("of", "for", "the", "and", ...); no digits.
bool is_capitalised_name(std::string_view text);

// Where the text starts after the header lines at the start of `body`: release markers (also
// one that opens a line of text, "FOR IMMEDIATE RELEASE WASHINGTON DC The ..."), office lines
// and date lines, at most six of them. 0 when the body has no header.
std::size_t skip_release_header(std::string_view body);

}  // namespace dateline
