#pragma once
// The dateline that opens a wire story or press release: where (and when) it was filed, and
// through which agency.
//
//   BEIJING, July 22 (Xinhua) -- ...          Xinhua
//   UNITED NATIONS, Oct. 3 (Xinhua) -- ...
//   SALVADOR, Feb 26 - ...                     Reuters (also "Chicago, April 13 - ",
//                                              "AMSTERDAM, 2 March - ", "MONTREAL, Feb 26- ")
//   WASHINGTON (AP) — ...  HONOLULU (AP) _ ... AP
//   WASHINGTON – ...   WASHINGTON, D.C. -- ... press offices
//   SPRINGFIELD, Ill. -- ...  COLUMBUS, Ga., April 9 - ...
//   WASHINGTON (Sept. 6, 2007) - ...           a date in the parentheses
//   WASHINGTON The Department ... / WASHINGTONThe ...   the dash lost in a scrape
//
// The place is in capitals ("BEIJING", "RIO DE JANEIRO", "N'DJAMENA") or, only when a date
// follows it or a dotted abbreviation such as "D.C." does, in title case ("Chicago, April 13 -",
// "Washington, D.C. --"). A dateline ends with a dash ("--", "-", "—", "–", AP's "_"). Without
// the dash, only a well-known dateline city in capitals followed by a new sentence counts
// ("WASHINGTON The ..."), so that "NATO Secretary General ..." or "USAID Administrator ..." does
// not become a place.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dateline {

struct Dateline {
    std::string place;   // "BEIJING", "WASHINGTON, D.C.", "SPRINGFIELD, Ill."
    std::string agency;  // "Xinhua"; empty when the dateline names none
    int year = 0;        // from a full date in the dateline ("(Sept. 6, 2007)"), else 0
    int month = 0;       // month and day from the dateline itself, 0 when absent
    int day = 0;
    bool has_dash = true;     // false for "WASHINGTON The ..." (the dash lost)
    std::size_t offset = 0;   // where the dateline starts in the text searched (find_dateline)
    std::size_t length = 0;   // bytes from `offset` taken by the dateline, its dash and spaces
};

// Recognises a dateline at the very start of `paragraph` (see the forms above). Returns nullopt
// when the paragraph does not open with one.
std::optional<Dateline> parse_dateline(std::string_view paragraph);

// A dateline at the start of a body, also after the header lines of release_header.hpp
// ("FOR IMMEDIATE RELEASE WASHINGTON DC The Senate ...", "Ministry of Coastal Affairs / Press
// Office / FOR IMMEDIATE RELEASE / KESTREL BAY – ..."); `offset` says where it starts.
std::optional<Dateline> find_dateline(std::string_view body);

// The dateline's own date as "YYYY-MM-DD": its full date when it gives one, else its month and
// day in the year nearest `published` (an ISO date; "Dec 31" in a release of 2 Jan 2025 is
// 2024-12-31). Empty when the dateline has no date or the year cannot be told.
std::string dateline_date(const Dateline& dateline, std::string_view published);

// True if `place` (in capitals, as a dateline writes it) is a city that datelines name often
// enough to be trusted without a dash: world capitals, large U.S. and world cities, U.S. state
// capitals, "UNITED NATIONS".
bool is_known_dateline_city(std::string_view place);

// True if `agency` can be a wire agency's name as written inside "(...)" in a dateline or
// before ")" in a time line: short, no parentheses, starting with a letter.
bool plausible_agency(std::string_view agency);

}  // namespace dateline
