#include <string>
#include <tuple>

#include <catch2/catch.hpp>

#include "dateline.hpp"

using dateline::dateline_date;
using dateline::find_dateline;
using dateline::parse_dateline;

TEST_CASE("parse_dateline recognises the wire and press-office styles", "[common]") {
    using Row = std::tuple<std::string, std::string, std::string, int, int, int, std::string>;
    auto [text, place, agency, year, month, day, rest] = GENERATE(table<std::string, std::string,
                                                                        std::string, int, int, int,
                                                                        std::string>({
        // Xinhua
        Row{"BEIJING, July 22 (Xinhua) -- Chinese Premier", "BEIJING", "Xinhua", 0, 7, 22,
            "Chinese Premier"},
        Row{"UNITED NATIONS, Oct. 3 (Xinhua) -- The council", "UNITED NATIONS", "Xinhua", 0, 10, 3,
            "The council"},
        // Reuters
        Row{"SALVADOR, Feb 26 - Showers continued", "SALVADOR", "", 0, 2, 26, "Showers continued"},
        Row{"RIO DE JANEIRO, Jan. 5 (Reuters) - City", "RIO DE JANEIRO", "Reuters", 0, 1, 5,
            "City"},
        Row{"NEW YORK, MARCH 3 -- Shares", "NEW YORK", "", 0, 3, 3, "Shares"},
        Row{"Chicago, April 13 - The U.S. Feeder", "Chicago", "", 0, 4, 13, "The U.S. Feeder"},
        Row{"Scarborough, Ontario, Feb 26 - Shr 45 cts", "Scarborough, Ontario", "", 0, 2, 26,
            "Shr 45 cts"},
        Row{"COLUMBUS, Ga., April 9 - Shr 27 cts", "COLUMBUS, Ga.", "", 0, 4, 9, "Shr 27 cts"},
        Row{"RIPLEY, W.Va., June 18 - Qtly div", "RIPLEY, W.Va.", "", 0, 6, 18, "Qtly div"},
        Row{"RICHMOND, Va. Feb 26 - Qtly div", "RICHMOND, Va.", "", 0, 2, 26, "Qtly div"},
        Row{"JOHANNESBURG March 13 - Shr 516 cts", "JOHANNESBURG", "", 0, 3, 13, "Shr 516 cts"},
        Row{"AMSTERDAM, 2 March - The Dutch", "AMSTERDAM", "", 0, 3, 2, "The Dutch"},
        Row{"MONTREAL, Feb 26- Shr 1.11 dlrs", "MONTREAL", "", 0, 2, 26, "Shr 1.11 dlrs"},
        Row{"KANSAS CITY, Mo. - March 13 - American City", "KANSAS CITY, Mo.", "", 0, 3, 13,
            "American City"},
        Row{"BAGUIO, Philippines - Military authorities", "BAGUIO, Philippines", "", 0, 0, 0,
            "Military authorities"},
        // AP and press offices
        Row{"WASHINGTON (AP) \xE2\x80\x94 The office", "WASHINGTON", "AP", 0, 0, 0, "The office"},
        Row{"HONOLULU (AP) _ World War II", "HONOLULU", "AP", 0, 0, 0, "World War II"},
        Row{"WASHINGTON \xE2\x80\x93 The office", "WASHINGTON", "", 0, 0, 0, "The office"},
        Row{"WASHINGTON\xE2\x80\x94The office", "WASHINGTON", "", 0, 0, 0, "The office"},
        Row{"WASHINGTON - A federal grand jury", "WASHINGTON", "", 0, 0, 0, "A federal grand jury"},
        Row{"WASHINGTON--A federal grand jury", "WASHINGTON", "", 0, 0, 0, "A federal grand jury"},
        Row{"WASHINGTON, D.C., July 4 -- The ministry", "WASHINGTON, D.C.", "", 0, 7, 4,
            "The ministry"},
        Row{"WASHINGTON, D.C. - U.S. Senators", "WASHINGTON, D.C.", "", 0, 0, 0, "U.S. Senators"},
        Row{"Washington, D.C. -- Senator Daniel K. Akaka", "Washington, D.C.", "", 0, 0, 0,
            "Senator Daniel K. Akaka"},
        Row{"SPRINGFIELD, Ill. -- The governor", "SPRINGFIELD, Ill.", "", 0, 0, 0, "The governor"},
        Row{"PARIS, France -- The embassy", "PARIS, France", "", 0, 0, 0, "The embassy"},
        Row{"WASHINGTON (Sept. 6, 2007) - Three Delaware", "WASHINGTON", "", 2007, 9, 6,
            "Three Delaware"},
        Row{"WASHINGTON (Sept. 19) \xE2\x80\x93 Congressional leaders", "WASHINGTON", "", 0, 9, 19,
            "Congressional leaders"},
        Row{"WASHINGTON, July 4, 2025 -- The office", "WASHINGTON", "", 2025, 7, 4, "The office"},
        Row{"NEW YORK, March 3 (Harbor Wire) -- Bayline", "NEW YORK", "Harbor Wire", 0, 3, 3,
            "Bayline"},
        Row{"PORT ST. CLAIRE \xE2\x80\x93 The Lantern", "PORT ST. CLAIRE", "", 0, 0, 0,
            "The Lantern"},
        Row{"Z\xC3\x9CRICH, Oct. 1 -- The office", "Z\xC3\x9CRICH", "", 0, 10, 1, "The office"},
        Row{"Z\xC3\xBCrich, Oct. 1 -- The office", "Z\xC3\xBCrich", "", 0, 10, 1, "The office"},
        Row{"WINSTON-SALEM, Feb 29 -- Leap", "WINSTON-SALEM", "", 0, 2, 29, "Leap"},
        Row{"N'DJAMENA -- Rains", "N'DJAMENA", "", 0, 0, 0, "Rains"},
        Row{"WASHINGTON (AP) --", "WASHINGTON", "AP", 0, 0, 0, ""},
    }));
    CAPTURE(text);
    const auto found = parse_dateline(text);
    REQUIRE(found.has_value());
    CHECK(found->place == place);
    CHECK(found->agency == agency);
    CHECK(found->year == year);
    CHECK(found->month == month);
    CHECK(found->day == day);
    CHECK(found->has_dash);
    CHECK(text.substr(found->length) == rest);
}

TEST_CASE("a known city keeps its dateline when the dash was lost", "[common]") {
    auto [text, place, rest] = GENERATE(table<std::string, std::string, std::string>({
        {"WASHINGTON The Department of Justice", "WASHINGTON", "The Department of Justice"},
        {"WASHINGTON A Las Vegas woman pleaded", "WASHINGTON", "A Las Vegas woman pleaded"},
        {"WASHINGTON U.S. District Judge Samuel", "WASHINGTON", "U.S. District Judge Samuel"},
        {"WASHINGTONThe city of Jeffersonville", "WASHINGTON", "The city of Jeffersonville"},
        {"WASHINGTONA federal grand jury", "WASHINGTON", "A federal grand jury"},
        {"NEW YORKThe exchange", "NEW YORK", "The exchange"},
        {"WASHINGTON D C U S Senator Richard", "WASHINGTON", "U S Senator Richard"},
        {"WASHINGTON DC Today U S Senators", "WASHINGTON", "Today U S Senators"},
        {"WASHINGTON, D.C. Today President", "WASHINGTON", "Today President"},
        {"WASHINGTON, DC U.S. Attorney General", "WASHINGTON", "U.S. Attorney General"},
        {"CHICAGO IL U S Senator", "CHICAGO", "U S Senator"},
        {"NEW YORK Bayline Ferries said", "NEW YORK", "Bayline Ferries said"},
    }));
    CAPTURE(text);
    const auto found = parse_dateline(text);
    REQUIRE(found.has_value());
    CHECK(found->place == place);
    CHECK_FALSE(found->has_dash);
    CHECK(found->agency.empty());
    CHECK(text.substr(found->length) == rest);
}

TEST_CASE("parse_dateline rejects openings that only look like datelines", "[common]") {
    auto text = GENERATE(as<std::string>{},
                         // sentences and names in capitals
                         "The Ministry said on Monday -- nothing more",
                         "U.S. officials said -- the talks continue",
                         "NATO said on Monday that it would meet",
                         "NATO Secretary General Jens Stoltenberg said",
                         "USAID Administrator Samantha Power said",
                         "UPMC Hamot (Hamot), a hospital based in Erie",
                         "BNP Paribas USA Inc. pleaded guilty",
                         "BEIJING said on Monday -- talks",
                         "WASHINGTON STATE University announced",
                         "WASHINGTON ING Bank N.V. agreed",
                         "AT&T said -- profits rose",
                         "I - a single letter is not a place",
                         "EU, member states agreed -- later",
                         "However, Smith - who was there - said",
                         "Yesterday Sen. Norm Coleman - who chairs",
                         "Wailuku, Maui - The Department",
                         "WASHINGTON, July 4, the ministry said",
                         "WASHINGTON (AP) the dash is missing",
                         "NATO (North Atlantic Treaty Organization) said",
                         "HIGH-quality development -- is not a place",
                         "WASHINGTON-based groups said",
                         "GDP -grew",
                         "2025 -- a number is not a place",
                         "WASHINGTON, July 32 -- no such day",
                         "CHICAGO, April - no day",
                         "Z\xC3\xBCrich -- a title-case place needs a date",
                         // headlines and headers in capitals
                         "POSITION PAPER - SOUTH VIETNAM",
                         "MEDIA RELEASE - 26 June 2013",
                         "MEDIA RELEASE- Senator Sarah Hanson-Young",
                         "TRANSCRIPT OF DOORSTOP - Anthony Albanese MP",
                         "NAVY IS ON CHRISTMAS HOLIDAYS - COME ON DOWN!",
                         "MR RUDDOCK - IT'S TIME TO PROTECT THE CHILDREN",
                         "PRESS STATEMENT -- FOR IMMEDIATE RELEASE",
                         "MV TAMPA - UNAUTHORISED ARRIVALS",
                         "THE UNHCR - FORTY YEARS ON",
                         // hostile
                         "", " ", "-", "--", "(", "WASHINGTON (", "WASHINGTON (AP", ",", "A,",
                         "WASHINGTON, , -- x");
    CAPTURE(text);
    CHECK_FALSE(parse_dateline(text).has_value());
}

TEST_CASE("parse_dateline keeps its limits on long and odd input", "[common]") {
    SECTION("a place longer than 60 bytes is a sentence in capitals") {
        const std::string place(61, 'A');
        CHECK_FALSE(parse_dateline(place + " -- text").has_value());
        CHECK(parse_dateline(std::string(60, 'A') + " -- text").has_value());
    }
    SECTION("an agency longer than 60 bytes is not an agency") {
        CHECK_FALSE(parse_dateline("BEIJING (" + std::string(61, 'x') + ") -- text").has_value());
    }
    SECTION("a huge line without a dash is read quickly and rejected") {
        CHECK_FALSE(parse_dateline(std::string(1 << 20, 'A')).has_value());
        CHECK_FALSE(parse_dateline("WASHINGTON " + std::string(1 << 20, 'A')).has_value());
        CHECK_FALSE(parse_dateline("BEIJING (" + std::string(1 << 20, 'x')).has_value());
    }
    SECTION("only a dateline") {
        const auto found = parse_dateline("BEIJING, July 22 (Xinhua) --");
        REQUIRE(found.has_value());
        CHECK(found->length == 28);
    }
    SECTION("invalid UTF-8 does not make a place") {
        CHECK_FALSE(parse_dateline("\xC3 -- text").has_value());
        CHECK_FALSE(parse_dateline("\xFF\xFE -- text").has_value());
    }
}

TEST_CASE("find_dateline looks past a release header", "[common]") {
    auto [body, place, offset] = GENERATE(table<std::string, std::string, std::size_t>({
        {"BEIJING, July 22 (Xinhua) -- Text.", "BEIJING", 0},
        {"FOR IMMEDIATE RELEASE WASHINGTON DC The Senate today", "WASHINGTON", 22},
        {"For Immediate Release HONOLULU The memorial", "HONOLULU", 22},
        {"FOR IMMEDIATE RELEASE\n\nWASHINGTON \xE2\x80\x93 The office", "WASHINGTON", 23},
        {"Ministry of Coastal Affairs\n\nPress Office\n\nFOR IMMEDIATE RELEASE\n\n"
         "Friday, April 13, 2018\n\nKESTREL BAY \xE2\x80\x93 The ministry",
         "KESTREL BAY", 90},
        {"REPEAT FROM LATE FRIDAY\n\nWASHINGTON, Feb 27 - The USDA", "none", 0},
        {"Settlement Addresses Robo-Signing\n\nWASHINGTON - text", "none", 0},
        {"FOR IMMEDIATE RELEASE\n\nThe ministry said", "none", 0},
        {"", "none", 0},
    }));
    CAPTURE(body);
    const auto found = find_dateline(body);
    CHECK((found ? found->place : std::string("none")) == place);
    if (found) CHECK(found->offset == offset);
}

TEST_CASE("dateline_date gives the dateline's day a year", "[common]") {
    auto [text, published, expected] = GENERATE(table<std::string, std::string, std::string>({
        {"BEIJING, July 22 (Xinhua) -- x", "2025-07-23T08:55:00", "2025-07-22"},
        {"BEIJING, Dec 31 (Xinhua) -- x", "2025-01-02", "2024-12-31"},
        {"SALVADOR, Feb 26 - x", "1987-02-26T15:01:01", "1987-02-26"},
        {"WINSTON-SALEM, Feb 29 -- x", "2024-03-01", "2024-02-29"},
        {"WINSTON-SALEM, Feb 29 -- x", "2025-03-01", ""},
        {"WASHINGTON (Sept. 6, 2007) - x", "", "2007-09-06"},
        {"WASHINGTON (Sept. 6, 2007) - x", "2030-01-01", "2007-09-06"},
        {"WASHINGTON, Feb 29, 2025 -- x", "", ""},  // not a leap year
        {"WASHINGTON - x", "2025-07-23", ""},
        {"BEIJING, July 22 (Xinhua) -- x", "", ""},
        {"BEIJING, July 22 (Xinhua) -- x", "yesterday", ""},
    }));
    CAPTURE(text, published);
    const auto found = parse_dateline(text);
    REQUIRE(found.has_value());
    CHECK(dateline_date(*found, published) == expected);
}

TEST_CASE("is_known_dateline_city", "[common]") {
    CHECK(dateline::is_known_dateline_city("WASHINGTON"));
    CHECK(dateline::is_known_dateline_city("NEW YORK"));
    CHECK(dateline::is_known_dateline_city("UNITED NATIONS"));
    CHECK(dateline::is_known_dateline_city("BEIJING"));
    CHECK_FALSE(dateline::is_known_dateline_city("Washington"));
    CHECK_FALSE(dateline::is_known_dateline_city("NATO"));
    CHECK_FALSE(dateline::is_known_dateline_city("WASHINGTON D C"));
    CHECK_FALSE(dateline::is_known_dateline_city(""));
}
