#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "utf8.hpp"
#include "wire_text.hpp"

using dateline::parse_wire_text;
using dateline::ParseError;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
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
    SECTION("a title without a body") {
        auto text = GENERATE(as<std::string>{}, "Title", "Title\n\n\n", "\nTitle\n2025-07-23\n",
                             "Title\nBEIJING (Xinhua) --\n");
        REQUIRE_THROWS_WITH(parse_wire_text(text), "no body after the title");
        CHECK(error_line(text) == (text[0] == '\n' ? 2u : 1u));
    }
    SECTION("control characters in the title") {
        REQUIRE_THROWS_WITH(parse_wire_text(std::string("Ti\0tle\nBody.", 12)),
                            StartsWith("title line contains control characters"));
        // A stray carriage return or form feed is white space, not a sign of binary data.
        CHECK(parse_wire_text("Harbour\rPlan\fAdopted\nBody.").title == "Harbour Plan Adopted");
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
        Row{"../structure/press-office-release.txt", "2024-11-05",
            "Ministry of Coastal Affairs, Press Office", "KESTREL BAY",
            "The Ministry of Coastal Affairs on Tuesday opened registration"},
        Row{"../structure/dashless-dateline.txt", "2016-03-04", "", "WASHINGTON",
            "The Valdoria Ministry of Trade said on Friday"},
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

TEST_CASE("wire texts go through the release structure", "[common]") {
    SECTION("the header, the end mark and the contact and About blocks leave the body") {
        const auto release = parse_wire_text(read_fixture("structure/press-office-release.txt"));
        CHECK_THAT(release.body, EndsWith("applications will be considered in the order in "
                                          "which they are received."));
        CHECK(release.body.find("FOR IMMEDIATE RELEASE") == std::string::npos);
        CHECK(release.body.find("###") == std::string::npos);
        CHECK(release.body.find("555-0142") == std::string::npos);
        CHECK(release.body.find("About the Ministry") == std::string::npos);
        CHECK(release.lang == "en");
    }
    SECTION("a dateline without its dash, and a trailing pointer") {
        const auto release = parse_wire_text(read_fixture("structure/dashless-dateline.txt"));
        CHECK_THAT(release.body, EndsWith("within sixty days."));
        CHECK(release.lang == "en");
    }
    SECTION("every fixture gets a language") {
        auto file = GENERATE(as<std::string>{}, "ap-style.txt", "belt-and-road-forum.txt",
                             "no-dateline.txt", "reuters-style.txt", "crlf-wrapped.txt");
        CAPTURE(file);
        CHECK(parse_wire_text(read_fixture("wire/" + file)).lang == "en");
    }
    SECTION("a wire agency is spelled as known") {
        CHECK(parse_wire_text("Title\n\nBEIJING, July 22 (XINHUA) -- Text.").source == "Xinhua");
        CHECK(parse_wire_text("Title\nXINHUA) 2025-07-23\nText.").source == "Xinhua");
        CHECK(parse_wire_text("Title\nreuter) 1987-02-26\nText.").source == "Reuters");
    }
    SECTION("the dateline may follow a release header on the same line") {
        const auto release =
            parse_wire_text("Title\n\nFOR IMMEDIATE RELEASE WASHINGTON - The office said.");
        CHECK(release.place == "WASHINGTON");
        CHECK(release.body == "The office said.");
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
        {"binary.txt", "title line contains control characters (not a text file?)", 1},
    }));
    CAPTURE(file);
    const std::string text = read_fixture("bad/" + file);
    REQUIRE_THROWS_WITH(parse_wire_text(text), message);
    CHECK(error_line(text) == line);
}

TEST_CASE("a release flattened onto one line is read as flat text", "[common]") {
    // As scraped archives keep them: the page's blocks separated by runs of spaces.
    const std::string pad(40, ' ');
    const std::string body_text =
        "WASHINGTON, D.C. - Senator Alder Quill today introduced a bill to fund harbour "
        "dredging on the Valdoria coast. The bill was referred to committee on March 4, 2007.";
    const std::string line = pad + "Releases" + pad + "Quill Introduces Harbour Dredging Bill" +
                             pad + body_text + std::string(1000, ' ') + "Contact: press office";
    std::string note;
    const auto release = parse_wire_text(line, &note);
    CHECK(release.title == "Quill Introduces Harbour Dredging Bill");
    CHECK(release.date == "2007-03-04");
    CHECK(release.place == "WASHINGTON, D.C.");
    CHECK_THAT(release.body, StartsWith("Senator Alder Quill today introduced"));
    CHECK_THAT(note, Contains("read as flat text"));
    CHECK_THAT(note, Contains("line 1 has"));

    SECTION("without a short block, the title is the opening words") {
        std::string words;
        while (words.size() < 1200) words += "harbour dredging budget ";
        const auto flat = parse_wire_text(words);
        CHECK(flat.title.size() <= 160 + 3);
        CHECK_THAT(flat.title, StartsWith("harbour dredging budget harbour"));
        CHECK_THAT(flat.title, Catch::EndsWith("\u2026"));
        CHECK(flat.body.size() > 1000);
    }
    SECTION("a line of spaces only is an empty file") {
        REQUIRE_THROWS_WITH(parse_wire_text(std::string(2000, ' ')), "empty file");
    }
    SECTION("one paragraph alone in the file is the body") {
        // Longer than a title can be (300 bytes), alone in the file.
        const std::string paragraph = body_text + " " + body_text;
        const auto alone = parse_wire_text(paragraph + "\n\n");
        CHECK_THAT(alone.title, StartsWith("Senator Alder Quill today introduced"));
        CHECK(alone.body == paragraph.substr(std::string("WASHINGTON, D.C. - ").size()));
    }
    SECTION("a line under the limit is still a title") {
        const auto wire = parse_wire_text(std::string(1000, 'x') + "\nBody.");
        CHECK(wire.title == std::string(1000, 'x'));
        note.clear();
        parse_wire_text(std::string(1000, 'x') + "\nBody.", &note);
        CHECK(note.empty());
    }
}
