#include <string>

#include <catch2/catch.hpp>

#include "dates.hpp"

namespace dates = dateline::dates;

namespace {

// The ISO form of a parse, or "invalid" so that a failed parse shows in the table diff.
std::string iso_or_invalid(const std::string& text) {
    const auto parsed = dates::parse(text);
    return parsed ? dates::to_iso(*parsed) : "invalid";
}

}  // namespace

TEST_CASE("parse accepts the documented forms", "[common]") {
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"2025-07-23", "2025-07-23"},
        {"2025-07-23T08:55:00", "2025-07-23T08:55:00"},
        {"2025-07-23T08:55", "2025-07-23T08:55:00"},
        {"2025-07-23 08:55", "2025-07-23T08:55:00"},
        {"2025-07-23T08:55:00Z", "2025-07-23T08:55:00"},
        {"July 23, 2025", "2025-07-23"},
        {"Jul. 23, 2025", "2025-07-23"},
        {"Jul 3, 2025", "2025-07-03"},
        {"JULY 23, 2025", "2025-07-23"},
        {"Sept. 5, 2024", "2024-09-05"},
        {"23 July 2025", "2025-07-23"},
        {"23 Jul 2025", "2025-07-23"},
        {"08:55, July 23, 2025", "2025-07-23T08:55:00"},
        {"8:05, Dec. 1, 2019", "2019-12-01T08:05:00"},
        {"July 23, 2025 08:55", "2025-07-23T08:55:00"},
        {"July 23, 2025 23:59:59", "2025-07-23T23:59:59"},
        {"  2025-07-23\t", "2025-07-23"},
        {"2024-02-29", "2024-02-29"},
        {"2000-02-29", "2000-02-29"},
        {"1987-02-26", "1987-02-26"},
    }));
    CAPTURE(text);
    CHECK(iso_or_invalid(text) == expected);
}

TEST_CASE("parse rejects invalid dates and other text", "[common]") {
    auto text = GENERATE(as<std::string>{},
                         "", "   ", "2019-13-45", "2019-00-10", "2019-04-31", "2023-02-29",
                         "1900-02-29", "2025-07-00", "0000-01-01", "2025-7-23", "25-07-23",
                         "20250723", "2025-07-23T24:00", "2025-07-23T08:60",
                         "2025-07-23T08:55:60", "2025-07-23T8:55", "2025-07-23 08:55Z",
                         "2025-07-23x", "2025-07-23 and more", "July 32, 2025",
                         "July 23 2025", "Jully 23, 2025", "Ju 23, 2025", "23 July, 2025",
                         "July 23, 25", "July 23, 2025 at noon", "08:55 July 23, 2025",
                         "tomorrow", "Updated: 2025-07-23");
    CAPTURE(text);
    CHECK_FALSE(dates::parse(text).has_value());
}

TEST_CASE("parse fills the fields and leaves the time unset for a date", "[common]") {
    const auto date = dates::parse("23 Jul 2025");
    REQUIRE(date.has_value());
    CHECK(date->year == 2025);
    CHECK(date->month == 7);
    CHECK(date->day == 23);
    CHECK(date->hour == -1);
    CHECK(date->minute == -1);

    const auto with_time = dates::parse("2025-07-23 08:55");
    REQUIRE(with_time.has_value());
    CHECK(with_time->hour == 8);
    CHECK(with_time->minute == 55);
    CHECK(with_time->second == 0);
}

TEST_CASE("to_iso pads fields and defaults missing seconds", "[common]") {
    dates::DateTime value;
    value.year = 987;
    value.month = 2;
    value.day = 6;
    CHECK(dates::to_iso(value) == "0987-02-06");
    value.hour = 7;
    value.minute = 5;
    CHECK(dates::to_iso(value) == "0987-02-06T07:05:00");
}

TEST_CASE("compact_day keeps the day of an ISO date or datetime", "[common]") {
    auto [iso, expected] = GENERATE(table<std::string, std::string>({
        {"2025-07-23T08:55:00", "20250723"},
        {"2025-07-23", "20250723"},
        {"1987-02-26", "19870226"},
        {"", ""},
        {"2025-02-30", ""},
        {"2025-07", ""},
        {"July 23, 2025", ""},
        {"2025-07-234", ""},
    }));
    CAPTURE(iso);
    CHECK(dates::compact_day(iso) == expected);
}

TEST_CASE("month_from_name knows full names and abbreviations", "[common]") {
    auto [name, expected] = GENERATE(table<std::string, int>({
        {"January", 1},
        {"jan", 1},
        {"Jan.", 1},
        {"FEB", 2},
        {"May", 5},
        {"Sept", 9},
        {"Sept.", 9},
        {"sep", 9},
        {"December", 12},
        {"Ja", 0},
        {"Janu", 0},
        {"Mayday", 0},
        {"", 0},
        {".", 0},
        {"Jul..", 0},
    }));
    CAPTURE(name);
    CHECK(dates::month_from_name(name) == expected);
}
