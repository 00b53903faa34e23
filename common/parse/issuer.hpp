#pragma once
// Who issued a release when the record does not say: the news agency of its dateline, or the
// office its header names. Only what can be told reliably; otherwise nothing.

#include <string>
#include <string_view>

namespace dateline {

// The agency of a dateline's "(...)" as the issuer: well-known wire services get their usual
// spelling ("XINHUA", "Xinhua News Agency" → "Xinhua"; "Reuter" → "Reuters"; "AP"; "AFP"),
// other names are kept as written when they look like a name (capitalised words, no digits, at
// most 40 bytes). Empty for anything else.
std::string issuer_from_agency(std::string_view agency);

// The office named in a release's header, among its first short lines:
//
//   U.S. Department of Justice          Department of Justice
//   Office of Public Affairs            FOR IMMEDIATE RELEASE
//                                       Ministry of Coastal Affairs
//
// A line counts only if it names an office ("Department of ...", "Ministry of ...", "Office of
// ...", "Embassy of ...", "... Press Office") in capitalised words, and only when the header
// also has a release marker ("FOR IMMEDIATE RELEASE", "PRESS RELEASE", "NEWS RELEASE",
// "MEDIA RELEASE") or a press-office line ("Office of Public Affairs", "Press Office"): a first
// line such as "Office of Inspector General Finds Fraud" alone is not enough. Two office lines
// in a row are joined: "U.S. Department of Justice, Office of Public Affairs". Empty if none.
std::string issuer_from_header(std::string_view body);

}  // namespace dateline
