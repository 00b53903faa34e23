#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "utf8.hpp"
#include "wire_text.hpp"

using dateline::parse_dateline;
using dateline::parse_wire_text;
using dateline::ParseError;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string read_fixture(const std::string& relative) {
    const std::string path = std::string(TEST_DATA_DIR) + "/" + relative;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open fixture " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The 1-based line a ParseError reports, or a sentinel when nothing or something else is thrown.
std::size_t error_line(const std::string& text) {
    try {
        parse_wire_text(text);
    } catch (const ParseError& error) {
        return error.line;
    }
    return 9999;
}

}  // namespace

TEST_CASE("parse_dateline recognises the common dateline styles", "[common]") {
    using Row = std::tuple<std::string, std::string, std::string, int, int, std::string>;
    auto [text, place, agency, month, day, rest] = GENERATE(table<std::string, std::string,
                                                                  std::string, int, int,
                                                                  std::string>({
        Row{"BEIJING, July 22 (Xinhua) -- Chinese Premier", "BEIJING", "Xinhua", 7, 22,
            "Chinese Premier"},
        Row{"SALVADOR, Feb 26 - Showers continued", "SALVADOR", "", 2, 26, "Showers continued"},
        Row{"WASHINGTON (AP) \xE2\x80\x94 The office", "WASHINGTON", "AP", 0, 0, "The office"},
        Row{"WASHINGTON \xE2\x80\x93 The office", "WASHINGTON", "", 0, 0, "The office"},
        Row{"NEW YORK, March 3 (Harbor Wire) -- Bayline", "NEW YORK", "Harbor Wire", 3, 3,
            "Bayline"},
        Row{"WASHINGTON, D.C., July 4 -- The ministry", "WASHINGTON, D.C.", "", 7, 4,
            "The ministry"},
        Row{"RIO DE JANEIRO, Jan. 5 (Reuters) - City", "RIO DE JANEIRO", "Reuters", 1, 5, "City"},
        Row{"PORT ST. CLAIRE \xE2\x80\x93 The Lantern", "PORT ST. CLAIRE", "", 0, 0, "The Lantern"},
        Row{"Z\xC3\x9CRICH, Oct. 1 -- The office", "Z\xC3\x9CRICH", "", 10, 1, "The office"},
        Row{"WINSTON-SALEM, Feb 29 -- Leap", "WINSTON-SALEM", "", 2, 29, "Leap"},
        Row{"N'DJAMENA -- Rains", "N'DJAMENA", "", 0, 0, "Rains"},
        Row{"WASHINGTON\xE2\x80\x94The office", "WASHINGTON", "", 0, 0, "The office"},
        Row{"NEW YORK, MARCH 3 -- Shares", "NEW YORK", "", 3, 3, "Shares"},
    }));
    CAPTURE(text);
    const auto dateline = parse_dateline(text);
    REQUIRE(dateline.has_value());
    CHECK(dateline->place == place);
    CHECK(dateline->agency == agency);
    CHECK(dateline->month == month);
    CHECK(dateline->day == day);
    CHECK(text.substr(dateline->length) == rest);
}

TEST_CASE("parse_dateline rejects openings that only look like datelines", "[common]") {
    auto text = GENERATE(as<std::string>{},
                         "The Ministry said on Monday -- nothing more",
                         "U.S. officials said -- the talks continue",
                         "NATO said on Monday that it would meet",
                         "BEIJING said on Monday -- talks",
                         "AT&T said -- profits rose",
                         "I - a single letter is not a place",
                         "EU, member states agreed -- later",
                         "PARIS, France -- a country after the comma",
                         "WASHINGTON, July 4, the ministry said",
                         "WASHINGTON (AP) the dash is missing",
                         "NATO (North Atlantic Treaty Organization) said",
                         "HIGH-quality development -- is not a place",
                         "WASHINGTON-based groups said",
                         "GDP -grew",
                         "2025 -- a number is not a place",
                         "WASHINGTON, July 32 -- no such day",
                         "Zürich -- lower case",
                         "");
    CAPTURE(text);
    CHECK_FALSE(parse_dateline(text).has_value());
}

TEST_CASE("parse_wire_text reads title, time line, dateline and body", "[common]") {
    const auto release = parse_wire_text(
        "Chinese premier calls for coastal growth\n"
        "Xinhua) 08:55, July 23, 2025\n"
        "\n"
        "BEIJING, July 22 (Xinhua) -- The premier said ... first paragraph.\n"
        "\n"
        "Second paragraph\n"
        "continues here.\n");
    CHECK(release.title == "Chinese premier calls for coastal growth");
    CHECK(release.date == "2025-07-23T08:55:00");
    CHECK(release.source == "Xinhua");
    CHECK(release.place == "BEIJING");
    CHECK(release.body ==
          "The premier said ... first paragraph.\n\nSecond paragraph continues here.");
    CHECK(release.id.empty());
    CHECK(release.url.empty());
}

TEST_CASE("parse_wire_text accepts the time-line forms", "[common]") {
    auto [time_line, date, source] = GENERATE(table<std::string, std::string, std::string>({
        {"Xinhua) 08:55, July 23, 2025", "2025-07-23T08:55:00", "Xinhua"},
        {"(Xinhua) 08:55, July 23, 2025", "2025-07-23T08:55:00", "Xinhua"},
        {"Harbor Wire) 09:15, March 4, 2024", "2024-03-04T09:15:00", "Harbor Wire"},
        {"08:55, July 23, 2025", "2025-07-23T08:55:00", ""},
        {"July 23, 2025", "2025-07-23", ""},
        {"2025-07-23", "2025-07-23", ""},
        {"2025-07-23T08:55:00", "2025-07-23T08:55:00", ""},
        {"Updated: 2025-07-23 08:55", "2025-07-23T08:55:00", ""},
        {"  July 23, 2025  ", "2025-07-23", ""},
    }));
    CAPTURE(time_line);
    const auto release = parse_wire_text("Title\n" + time_line + "\nBody text.\n");
    CHECK(release.date == date);
    CHECK(release.source == source);
    CHECK(release.body == "Body text.");
}

TEST_CASE("a second line that is not a time line starts the body", "[common]") {
    auto line = GENERATE(as<std::string>{},
                         "July 2025 was a busy month.",
                         "Officials) said on 2025-07-23 that",
                         "2025-07-23 was the day the talks ended.",
                         "(see below) July 23, 2025 notes");
    CAPTURE(line);
    const auto release = parse_wire_text("Title\n" + line + "\n\nMore.");
    CHECK(release.date.empty());
    CHECK(release.source.empty());
    CHECK(release.body == line + "\n\nMore.");
}

TEST_CASE("the time line's agency wins over the dateline's", "[common]") {
    const auto release =
        parse_wire_text("Title\nHarbor Wire) 2024-03-04\nBEIJING (Xinhua) -- Text.");
    CHECK(release.source == "Harbor Wire");
    CHECK(release.place == "BEIJING");
    CHECK(release.body == "Text.");
}

TEST_CASE("a dateline without a time line gives no date", "[common]") {
    const auto release = parse_wire_text("Title\n\nBEIJING, July 22 (Xinhua) -- Text.");
    CHECK(release.date.empty());
    CHECK(release.source == "Xinhua");
    CHECK(release.place == "BEIJING");
}

TEST_CASE("parse_wire_text handles CRLF, a BOM, blank lines and indentation", "[common]") {
    const auto release = parse_wire_text(
        "\xEF\xBB\xBF\r\n\r\n  A Title  \r\n\r\n2025-07-23\r\n\r\n\r\n"
        "  First line\r\n  wrapped.\r\n \t \r\nSecond.\r\n\r\n");
    CHECK(release.title == "A Title");
    CHECK(release.date == "2025-07-23");
    CHECK(release.body == "First line wrapped.\n\nSecond.");
}

TEST_CASE("a dateline alone in its paragraph is dropped", "[common]") {
    const auto release = parse_wire_text("Title\nBEIJING, July 22 (Xinhua) --\n\nText.");
    CHECK(release.place == "BEIJING");
    CHECK(release.body == "Text.");
}

TEST_CASE("parse_wire_text rejects what is not a wire text", "[common]") {
    SECTION("empty or blank") {
        auto text = GENERATE(as<std::string>{}, "", "\n\n", "  \r\n\t\n");
        REQUIRE_THROWS_AS(parse_wire_text(text), ParseError);
        REQUIRE_THROWS_WITH(parse_wire_text(text), "empty file");
        CHECK(error_line(text) == 0);
    }
    SECTION("a title line over 1000 bytes") {
        const std::string text = "\n" + std::string(1001, 'x') + "\nBody.";
        REQUIRE_THROWS_WITH(parse_wire_text(text),
                            "title line is too long (1001 bytes; a wire text starts with a "
                            "one-line title)");
        CHECK(error_line(text) == 2);
        CHECK_NOTHROW(parse_wire_text(std::string(1000, 'x') + "\nBody."));
    }
    SECTION("a title without a body") {
        auto text = GENERATE(as<std::string>{}, "Title", "Title\n\n\n", "\nTitle\n2025-07-23\n",
                             "Title\nBEIJING (Xinhua) --\n");
        REQUIRE_THROWS_WITH(parse_wire_text(text), "no body after the title");
        CHECK(error_line(text) == (text[0] == '\n' ? 2u : 1u));
    }
    SECTION("control characters in the title") {
        REQUIRE_THROWS_WITH(parse_wire_text(std::string("Ti\0tle\nBody.", 12)),
                            StartsWith("title line contains control characters"));
    }
}

TEST_CASE("wire fixtures parse into the expected fields", "[common]") {
    using Row = std::tuple<std::string, std::string, std::string, std::string, std::string>;
    auto [file, date, source, place, body_start] = GENERATE(table<std::string, std::string,
                                                                  std::string, std::string,
                                                                  std::string>({
        Row{"coastal-high-quality-development.txt", "2024-03-04T09:15:00", "Harbor Wire",
            "PORT AURELIA", "The Ministry of Coastal Affairs on Sunday"},
        Row{"quality-scattered.txt", "2023-09-18", "Northwind News Agency", "NORTH VALE",
            "Water levels"},
        Row{"river-developments.txt", "2022-06-12T14:30:00", "Northwind News Agency", "RIVERTON",
            "Riverton's town council"},
        Row{"belt-and-road-forum.txt", "2019-05-15T16:40:00", "Xinhua", "BEIJING",
            "A two-day forum on Belt and Road"},
        Row{"markup-in-text.txt", "2021-11-08T16:05:00", "Harbor Wire", "SOUTH HAVEN",
            "The South Haven Harbour Authority"},
        Row{"no-dateline.txt", "", "", "", "The Ministry of Coastal Affairs said on Monday"},
        Row{"reuters-style.txt", "1987-02-26", "", "SALVADOR", "Dock workers"},
        Row{"ap-style.txt", "2023-07-04", "AP", "WASHINGTON", "The Federal Office"},
        Row{"crlf-wrapped.txt", "2020-01-09T07:45:00", "Valdoria Ministry of Trade",
            "VALDORIA CITY", "Exports of machine parts reached a record level last year, the"},
        Row{"harbour-ferry-timetable.txt", "2019-03-04T11:00:00", "Harbor Wire", "NEW YORK",
            "Bayline Ferries"},
        Row{"harbour-dredging-contract.txt", "2020-08-17T14:20:00", "Valdoria Ministry of Trade",
            "WASHINGTON, D.C.", "The Valdoria Ministry of Trade said"},
        Row{"harbour-seawall-repairs.txt", "2021-11-01T18:05:00", "Northwind News Agency",
            "RIO DE JANEIRO", "City engineers"},
        Row{"harbour-lantern-festival.txt", "2022-06-20", "", "PORT ST. CLAIRE",
            "The Lantern Festival"},
        Row{"harbour-pilot-training.txt", "2025-01-15", "Ministry of Coastal Affairs",
            "KESTREL BAY", "The Ministry of Coastal Affairs opened"},
    }));
    CAPTURE(file);
    const std::string text = read_fixture("wire/" + file);
    REQUIRE(dateline::utf8::is_valid(text));
    const auto release = parse_wire_text(text);
    CHECK_FALSE(release.title.empty());
    CHECK(release.date == date);
    CHECK(release.source == source);
    CHECK(release.place == place);
    CHECK_THAT(release.body, StartsWith(body_start));
    CHECK(release.body.find('\r') == std::string::npos);
    CHECK(release.body.find("\n\n\n") == std::string::npos);
    CHECK(release.body.find(" --") == std::string::npos);  // the dateline dash is gone
}

TEST_CASE("fixture bodies keep their paragraphs and markup as text", "[common]") {
    SECTION("hard-wrapped CRLF paragraphs are joined") {
        const auto release = parse_wire_text(read_fixture("wire/crlf-wrapped.txt"));
        CHECK(release.title == "Valdoria Trade Ministry Reports Record Exports of Machine Parts");
        CHECK_THAT(release.body, Contains("found new buyers in neighbouring markets.\n\nThe "));
        CHECK_THAT(release.body, Contains("pumps, valves and gear assemblies rose by 14"));
        CHECK(release.body.find('\n') != std::string::npos);
    }
    SECTION("markup is kept verbatim") {
        const auto release = parse_wire_text(read_fixture("wire/markup-in-text.txt"));
        CHECK_THAT(release.body, Contains("<script>alert(1)</script>"));
        CHECK_THAT(release.body, Contains("Smith & Sons"));
        CHECK_THAT(release.body, Contains("\"confirm your registration\""));
    }
    SECTION("the phrase fixture says it in the title and three times in the body") {
        const auto release =
            parse_wire_text(read_fixture("wire/coastal-high-quality-development.txt"));
        CHECK_THAT(release.title, Contains("High-Quality Development"));
        std::size_t count = 0;
        for (auto pos = release.body.find("high-quality development"); pos != std::string::npos;
             pos = release.body.find("high-quality development", pos + 1)) {
            ++count;
        }
        CHECK(count == 3);
    }
}

TEST_CASE("the Windows-1252 fixture parses once repaired", "[common]") {
    const std::string raw = read_fixture("wire/latin1-encoded.txt");
    REQUIRE_FALSE(dateline::utf8::is_valid(raw));
    const auto release = parse_wire_text(dateline::utf8::from_windows1252(raw));
    CHECK(release.title == "Valdoria Trade Office Opens in Z\xC3\xBCrich to Support Exporters");
    CHECK(release.place == "Z\xC3\x9CRICH");
    CHECK(release.source == "Valdoria Ministry of Trade");
    CHECK(release.date == "2024-10-02");
    CHECK_THAT(release.body, Contains("caf\xC3\xA9"));
    CHECK_THAT(release.body, Contains("\xE2\x82\xAC" "1.2 million"));
}

TEST_CASE("malformed wire fixtures give located errors", "[common]") {
    auto [file, message, line] = GENERATE(table<std::string, std::string, std::size_t>({
        {"empty.txt", "empty file", 0},
        {"blank-only.txt", "empty file", 0},
        {"title-only.txt", "no body after the title", 1},
        {"binary.txt", "title line is too long (2048 bytes; a wire text starts with a one-line "
                       "title)", 1},
    }));
    CAPTURE(file);
    const std::string text = read_fixture("bad/" + file);
    REQUIRE_THROWS_WITH(parse_wire_text(text), message);
    CHECK(error_line(text) == line);
}
