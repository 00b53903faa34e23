#pragma once
// Publication dates as press releases write them, normalised to ISO 8601.

#include <optional>
#include <string>
#include <string_view>

namespace dateline::dates {

struct DateTime {
    int year = 0;
    int month = 0;   // 1-12
    int day = 0;     // 1-31, checked against the month (and leap years)
    int hour = -1;   // -1 when the text gives no time
    int minute = -1;
    int second = -1;
};

// Parses a date, optionally with a time, in the forms found in press releases:
//   "2025-07-23", "2025-07-23T08:55:00", "2025-07-23 08:55", "2025-07-23T08:55:00Z"
//   "July 23, 2025", "Jul. 23, 2025", "23 July 2025", "23 Jul 2025"
//   "08:55, July 23, 2025", "July 23, 2025 08:55"
// Surrounding whitespace is ignored; anything else that is left over makes the parse fail.
// Returns nullopt for text that is not a valid calendar date.
std::optional<DateTime> parse(std::string_view text);

// "YYYY-MM-DD", or "YYYY-MM-DDThh:mm:ss" when a time is known.
std::string to_iso(const DateTime& value);

// "YYYYMMDD" from an ISO date or datetime string; empty if `iso` does not start with a valid date.
std::string compact_day(std::string_view iso);

// Month number 1-12 for an English month name or its abbreviation ("Jul", "Jul.", "July",
// case-insensitive, "Sept" too); 0 if not a month.
int month_from_name(std::string_view name);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" → the first ("YYYY0101") or, with `last_day`, the last
// ("YYYY1231") day it covers, as "YYYYMMDD"; empty when the text is not such a date.
std::string day_bound(std::string_view text, bool last_day);

}  // namespace dateline::dates
