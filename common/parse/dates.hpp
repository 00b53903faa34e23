#pragma once
// Publication dates as press releases, feeds and wire services write them, normalised to
// ISO 8601.
//
// How a normalised date reads (to_iso, normalize):
//   "YYYY-MM-DD"             a day without a time
//   "YYYY-MM-DDThh:mm:ssZ"   a time whose zone the text gave ("Z", "+08:00", "GMT", "EST"),
//                            converted to UTC; the day is then the UTC day
//   "YYYY-MM-DDThh:mm:ss"    a time the text gave without a zone: the publisher's local clock,
//                            kept as written, because guessing a zone would move some releases
//                            to the wrong day. Only a trailing "Z" means UTC.
// Fractions of a second are dropped. The day name of "Tue, 10 Jun 2003" is not checked
// against the date (feeds get it wrong often enough that the date is the better witness).

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
    bool has_zone = false;       // the text gave a zone for the time
    int utc_offset_minutes = 0;  // local time minus UTC, when has_zone: +480 for "+08:00"
};

// Parses a date, optionally with a time and zone, in the forms found in press releases:
//   ISO 8601     "2025-07-23", "2025-07-23T08:55", "2025-07-23 08:55:00", "…T08:55:00.25Z",
//                "…T08:55:00+08:00", "…T08:55:00+0800", "…T08:55:00-05"
//   written      "July 23, 2025", "Jul. 23, 2025", "23 July 2025", "23 Jul 2025",
//                "Friday, April 13, 2018", "08:55, July 23, 2025", "July 23, 2025 08:55"
//   RFC 822      "Tue, 10 Jun 2003 04:00:00 GMT", "10 Jun 2003 04:00 +0800",
//                "Tue, 10 Jun 03 04:00:00 EST" (two-digit years only with a time, as RFC 822)
//   Reuters      "26-FEB-1987 15:01:01.79"
//   Chinese      "2025年7月23日", "2025年07月23日 08:55"
// Zones: "Z", "UT", "UTC", "GMT", the U.S. zones EST EDT CST CDT MST MDT PST PDT, and numeric
// offsets; a zone is only read after a time. Surrounding whitespace is ignored; anything else
// left over makes the parse fail. Returns nullopt for text that is not a valid calendar date,
// or whose UTC form would fall outside the years 0001-9999.
std::optional<DateTime> parse(std::string_view text);

// The normalised form described at the top of this file: "YYYY-MM-DD",
// "YYYY-MM-DDThh:mm:ssZ" (zoned, converted to UTC) or "YYYY-MM-DDThh:mm:ss" (local).
std::string to_iso(const DateTime& value);

// parse() then to_iso(); empty when `text` is not a date.
std::string normalize(std::string_view text);

// True if `text` is already in one of the three normalised forms (and a valid date).
bool is_normalized(std::string_view text);

// `value` moved to UTC (has_zone with offset 0). Values without a zone or time are returned
// unchanged. Returns nullopt when the shift leaves the years 0001-9999.
std::optional<DateTime> to_utc(const DateTime& value);

// The first date written inside running text ("... on Friday, April 13, 2018, the ..."), in
// any form parse() knows, searched in the first `max_bytes` bytes. A date must stand as its own
// words (not inside "A1987-02-26"). nullopt when there is none.
std::optional<DateTime> find_date(std::string_view text, std::size_t max_bytes = 4096);

// The date of a day and month written without a year ("Dec 31" in a dateline) in a text
// published on `reference` (an ISO date or datetime): the year puts it closest to the
// publication, so "Dec 31" published on 2 Jan falls in the year before. nullopt when the
// reference is not a date or no such day exists near it (Feb 29 far from a leap year).
std::optional<DateTime> with_inferred_year(int month, int day, std::string_view reference);

// "YYYYMMDD" from an ISO date or datetime string; empty if `iso` does not start with a valid date.
std::string compact_day(std::string_view iso);

// Month number 1-12 for an English month name or its abbreviation ("Jul", "Jul.", "July",
// case-insensitive, "Sept" too); 0 if not a month.
int month_from_name(std::string_view name);

// True for an English day name or its abbreviation ("Tue", "Tues.", "Tuesday", any case).
bool is_weekday_name(std::string_view name);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" → the first ("YYYY0101") or, with `last_day`, the last
// ("YYYY1231") day it covers, as "YYYYMMDD"; empty when the text is not such a date.
std::string day_bound(std::string_view text, bool last_day);

}  // namespace dateline::dates
