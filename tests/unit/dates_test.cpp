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
        {"2025-07-23T08:55:00Z", "2025-07-23T08:55:00Z"},
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
                         "2025-07-23T08:55:60", "2025-07-23T8:55",
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

TEST_CASE("parse reads the corpora's and feeds' forms, zones converted to UTC", "[common]") {
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        // ISO 8601 with zones and fractions
        {"2025-07-23T08:55:00+08:00", "2025-07-23T00:55:00Z"},
        {"2025-07-23T08:55:00+0800", "2025-07-23T00:55:00Z"},
        {"2025-07-23T08:55:00.123Z", "2025-07-23T08:55:00Z"},
        {"2025-07-23T08:55-05", "2025-07-23T13:55:00Z"},
        {"2025-07-23 08:55Z", "2025-07-23T08:55:00Z"},
        {"2025-07-23 08:55:00 +0800", "2025-07-23T00:55:00Z"},
        {"2018-04-13T00:00:00-04:00", "2018-04-13T04:00:00Z"},  // DOJ dc:date
        {"2003-12-13T18:30:02.25+01:00", "2003-12-13T17:30:02Z"},
        // the zone moves the day, the month, the year, across a leap day
        {"2025-07-23T02:00:00+08:00", "2025-07-22T18:00:00Z"},
        {"2024-12-31T23:30:00-01:00", "2025-01-01T00:30:00Z"},
        {"2024-03-01T00:30:00+01:00", "2024-02-29T23:30:00Z"},
        {"2023-03-01T00:30:00+01:00", "2023-02-28T23:30:00Z"},
        // RFC 822 / 1123 (RSS)
        {"Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},
        {"10 Jun 2003 04:00 +0800", "2003-06-09T20:00:00Z"},
        {"Tue, 10 Jun 2003 04:00:00 -0700", "2003-06-10T11:00:00Z"},
        {"Tue, 10 Jun 03 04:00:00 EST", "2003-06-10T09:00:00Z"},
        {"Thu, 01 Jan 98 23:59:59 PDT", "1998-01-02T06:59:59Z"},
        {"Sat, 07 Sep 2002 00:00:01 UT", "2002-09-07T00:00:01Z"},
        {"Sat, 07 Sep 2002 00:00:01 UTC", "2002-09-07T00:00:01Z"},
        {"07 Sep 2002 09:10", "2002-09-07T09:10:00"},
        {"July 23, 2025 08:55 EDT", "2025-07-23T12:55:00Z"},
        // day names, Reuters, Chinese
        {"Friday, April 13, 2018", "2018-04-13"},
        {"Tues. March 4, 2025", "2025-03-04"},
        {"Monday, 26 May 2014", "2014-05-26"},
        {"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"},
        {"26-Feb-1987", "1987-02-26"},
        {"2025\xE5\xB9\xB4" "7\xE6\x9C\x88" "23\xE6\x97\xA5", "2025-07-23"},
        {"2025\xE5\xB9\xB4" "07\xE6\x9C\x88" "03\xE6\x97\xA5 08:55", "2025-07-03T08:55:00"},
        {"2024\xE5\xB9\xB4" "2\xE6\x9C\x88" "29\xE6\x97\xA5", "2024-02-29"},
        // the calendar's ends
        {"0001-01-01", "0001-01-01"},
        {"9999-12-31", "9999-12-31"},
        {"9999-12-31T23:00:00+01:00", "9999-12-31T22:00:00Z"},
    }));
    CAPTURE(text);
    CHECK(iso_or_invalid(text) == expected);
}

TEST_CASE("parse rejects impossible dates, zones and leftovers in the new forms", "[common]") {
    auto text = GENERATE(as<std::string>{},
                         "2025-02-30", "2025-02-29T10:00:00Z", "2025-07-23T08:55:00+15:00",
                         "2025-07-23T08:55:00+08:60", "2025-07-23T08:55:00+8", "2025-07-23Z",
                         "2025-07-23T08:55:00 XYZ", "2025-07-23T08:55:00+08:00 extra",
                         "Tue, 10 Jun 03", "Tue, 10 Jun 2003 04:00:00 CET",
                         "Tue, 10 Jun 2003 04:00:00 gmt", "Tue, 10 Jun 203 04:00:00 GMT",
                         "Funday, 10 Jun 2003", "Tue 10 Jun 2003 25:00", "26-FEB-87",
                         "26-FEB-1987 15:01:01.", "31-APR-1987",
                         "2025\xE5\xB9\xB4" "2\xE6\x9C\x88" "30\xE6\x97\xA5",
                         "2025\xE5\xB9\xB4" "13\xE6\x9C\x88" "1\xE6\x97\xA5",
                         "2025\xE5\xB9\xB4" "7\xE6\x9C\x88",
                         "25\xE5\xB9\xB4" "7\xE6\x9C\x88" "1\xE6\x97\xA5",
                         // UTC would leave the years 0001-9999
                         "9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+01:00",
                         "10000-01-01", "-2025-07-23");
    CAPTURE(text);
    CHECK_FALSE(dates::parse(text).has_value());
}

TEST_CASE("parse survives hostile text", "[common]") {
    CHECK_FALSE(dates::parse(std::string(1 << 20, '9')).has_value());
    CHECK_FALSE(dates::parse(std::string(1 << 20, ' ')).has_value());
    CHECK_FALSE(dates::parse("2025-07-23" + std::string(100000, ' ') + "x").has_value());
    CHECK_FALSE(dates::parse(std::string("2025-07-23\0", 11)).has_value());
    CHECK_FALSE(dates::parse("99999999999999999999-01-01").has_value());
    CHECK_FALSE(dates::parse("July 99999999999999999999, 2025").has_value());
    CHECK(iso_or_invalid("\n\r 2025-07-23 \r\n") == "2025-07-23");
}

TEST_CASE("a zone is remembered and to_iso marks UTC with Z", "[common]") {
    const auto zoned = dates::parse("Tue, 10 Jun 2003 04:00:00 +0800");
    REQUIRE(zoned.has_value());
    CHECK(zoned->has_zone);
    CHECK(zoned->utc_offset_minutes == 480);
    CHECK(zoned->hour == 4);  // as written; to_utc and to_iso convert
    const auto utc = dates::to_utc(*zoned);
    REQUIRE(utc.has_value());
    CHECK(utc->day == 9);
    CHECK(utc->hour == 20);
    CHECK(utc->utc_offset_minutes == 0);

    const auto local = dates::parse("2025-07-23 08:55");
    REQUIRE(local.has_value());
    CHECK_FALSE(local->has_zone);
    CHECK(dates::to_iso(*local) == "2025-07-23T08:55:00");
    CHECK(dates::to_utc(*local)->hour == 8);  // no zone: nothing to convert

    dates::DateTime beyond;  // built by hand past the calendar's end
    beyond.year = 9999;
    beyond.month = 12;
    beyond.day = 31;
    beyond.hour = 23;
    beyond.minute = 0;
    beyond.second = 0;
    beyond.has_zone = true;
    beyond.utc_offset_minutes = -120;
    CHECK_FALSE(dates::to_utc(beyond).has_value());
}

TEST_CASE("normalize and is_normalized", "[common]") {
    CHECK(dates::normalize("Tue, 10 Jun 2003 04:00:00 GMT") == "2003-06-10T04:00:00Z");
    CHECK(dates::normalize("July 23, 2025") == "2025-07-23");
    CHECK(dates::normalize("not a date").empty());
    CHECK(dates::normalize("").empty());

    auto [text, normal] = GENERATE(table<std::string, bool>({
        {"2025-07-23", true},
        {"2025-07-23T08:55:00", true},
        {"2025-07-23T08:55:00Z", true},
        {"2025-07-23T08:55", false},
        {"2025-07-23T08:55:00+08:00", false},
        {"2025-07-23 08:55:00", false},
        {"July 23, 2025", false},
        {"2025-02-30", false},
        {"", false},
    }));
    CAPTURE(text);
    CHECK(dates::is_normalized(text) == normal);
}

TEST_CASE("find_date finds a date written inside text", "[common]") {
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"Justice News Friday, April 13, 2018 Grand Jury Charges", "2018-04-13"},
        {"Canberra, August 8, 1975.", "1975-08-08"},
        {"Published: 2024-04-03 10:00 by the ministry", "2024-04-03T10:00:00"},
        {"Posted Tue, 10 Jun 2003 04:00:00 GMT in News", "2003-06-10T04:00:00Z"},
        {"\xE5\x8F\x91\xE5\xB8\x83\xE4\xBA\x8E" "2024\xE5\xB9\xB4" "4\xE6\x9C\x88" "3\xE6\x97\xA5",
         "2024-04-03"},
        {"the meeting on 26-FEB-1987 15:01:01.79 ended", "1987-02-26T15:01:01"},
        {"On May 5, 2025, the board met", "2025-05-05"},
        {"no date here at all", "none"},
        {"order A2025-07-23 is not a date", "none"},
        {"version 2025-07-234 is not one either", "none"},
        {"February 30, 2025 then March 1, 2025", "2025-03-01"},
        {"", "none"},
    }));
    CAPTURE(text);
    const auto found = dates::find_date(text);
    CHECK((found ? dates::to_iso(*found) : std::string("none")) == expected);
}

TEST_CASE("find_date looks only at the first bytes it is given", "[common]") {
    const std::string text = std::string(5000, 'x') + " July 23, 2025";
    CHECK_FALSE(dates::find_date(text).has_value());
    REQUIRE(dates::find_date(text, 6000).has_value());
    CHECK(dates::find_date(std::string(1 << 20, '1')) == std::nullopt);
}

TEST_CASE("with_inferred_year puts a day without a year nearest the publication", "[common]") {
    auto [month, day, reference, expected] = GENERATE(table<int, int, std::string, std::string>({
        {7, 22, "2025-07-23T08:55:00", "2025-07-22"},
        {12, 31, "2025-01-02", "2024-12-31"},   // filed on New Year's Eve, published after
        {1, 2, "2024-12-30", "2025-01-02"},     // embargoed into the new year
        {6, 30, "2025-01-01", "2025-06-30"},    // half a year either way: the same year
        {2, 29, "2024-03-02", "2024-02-29"},
        {2, 29, "2025-03-01", "none"},          // no Feb 29 within half a year
        {2, 28, "1987-02-26", "1987-02-28"},
        {12, 31, "0001-01-05", "none"},         // the year before the calendar's first
        {1, 1, "9999-12-30", "none"},
        {13, 1, "2025-07-23", "none"},
        {7, 32, "2025-07-23", "none"},
        {7, 22, "not a date", "none"},
        {7, 22, "", "none"},
    }));
    CAPTURE(month, day, reference);
    const auto found = dates::with_inferred_year(month, day, reference);
    CHECK((found ? dates::to_iso(*found) : std::string("none")) == expected);
}

TEST_CASE("is_weekday_name", "[common]") {
    auto [name, expected] = GENERATE(table<std::string, bool>({
        {"Tue", true}, {"tues.", true}, {"Tuesday", true}, {"THU", true}, {"Thurs", true},
        {"Sunday", true}, {"Su", false}, {"Sundays", false}, {"May", false}, {"", false},
    }));
    CAPTURE(name);
    CHECK(dates::is_weekday_name(name) == expected);
}
