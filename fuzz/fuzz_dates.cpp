// Dates as releases, feeds and wire services write them: whatever dates::parse accepts is a
// real calendar date whose normalised form is stable (normalising it again changes nothing);
// the helpers return well-formed days or nothing.

#include <cstdlib>
#include <string>

#include "dates.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace dateline;
using fuzz::require;

bool is_compact_day(const std::string& day) {
    if (day.size() != 8) return false;
    for (char c : day) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

void check_value(const dates::DateTime& value) {
    require(value.year >= 1 && value.year <= 9999, "year out of range");
    require(value.month >= 1 && value.month <= 12, "month out of range");
    require(value.day >= 1 && value.day <= 31, "day out of range");
    require(value.hour >= -1 && value.hour <= 23, "hour out of range");
    require(value.minute >= -1 && value.minute <= 59, "minute out of range");
    require(value.second >= -1 && value.second <= 60, "second out of range");
    require(std::abs(value.utc_offset_minutes) <= 24 * 60, "zone offset beyond a day");
    require(value.has_zone || value.utc_offset_minutes == 0, "an offset without a zone");

    const std::string iso = dates::to_iso(value);
    require(dates::is_normalized(iso), "to_iso output is not in a normalised form");
    require(dates::normalize(iso) == iso, "normalising a normalised date changed it");
    require(is_compact_day(dates::compact_day(iso)), "compact_day of a normalised date");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);

    const auto value = dates::parse(text);
    if (value) {
        check_value(*value);
        require(dates::normalize(text) == dates::to_iso(*value), "normalize differs from parse");
        if (const auto utc = dates::to_utc(*value)) check_value(*utc);
    } else {
        require(dates::normalize(text).empty(), "normalize accepts what parse refuses");
    }
    if (dates::is_normalized(text))
        require(value.has_value(), "normalised text that does not parse");

    if (const auto found = dates::find_date(text)) check_value(*found);
    if (const auto found = dates::find_date(text, size / 2)) check_value(*found);

    // A dateline's month and day (from the first two bytes) in a text published on the rest.
    if (size >= 2) {
        const int month = data[0] % 14;
        const int day = data[1] % 33;
        const std::string_view reference = text.substr(2);
        if (const auto inferred = dates::with_inferred_year(month, day, reference)) {
            check_value(*inferred);
            require(inferred->month == month && inferred->day == day,
                    "inferred year moved the day");
            const auto published = dates::parse(reference);
            require(published && std::abs(inferred->year - published->year) <= 1,
                    "inferred year is not next to the publication year");
        }
    }

    const std::string compact = dates::compact_day(text);
    require(compact.empty() || is_compact_day(compact), "compact_day returned a malformed day");
    const int month = dates::month_from_name(text);
    require(month >= 0 && month <= 12, "month_from_name out of range");
    (void)dates::is_weekday_name(text);

    const std::string first = dates::day_bound(text, false);
    const std::string last = dates::day_bound(text, true);
    require(first.empty() == last.empty(), "day_bound accepts only one end");
    if (!first.empty()) {
        require(is_compact_day(first) && is_compact_day(last),
                "day_bound returned a malformed day");
        require(first <= last, "day_bound: first day after last day");
        const std::string iso =
            first.substr(0, 4) + "-" + first.substr(4, 2) + "-" + first.substr(6, 2);
        require(!dates::compact_day(iso).empty(), "day_bound returned a day not in the calendar");
    }
    return 0;
}
