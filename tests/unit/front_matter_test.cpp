#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "collected_events.hpp"
#include "front_matter.hpp"

using dateline::PressRelease;
using dateline::read_front_matter_text;
using dateline::testing::CollectedEvents;
using dateline::testing::file_bytes;
using dateline::testing::read_with;

namespace {

CollectedEvents read_fixture(const std::string& name) {
    return read_with(read_front_matter_text,
                     file_bytes(std::string(TEST_DATA_DIR) + "/frontmatter/" + name));
}

std::vector<std::string> list(std::initializer_list<const char*> items) {
    return std::vector<std::string>(items.begin(), items.end());
}

// The one record read from `text`, which must give no skip.
PressRelease only_record(const std::string& text) {
    const CollectedEvents got = read_with(read_front_matter_text, text);
    REQUIRE(got.skips.empty());
    REQUIRE(got.records.size() == 1);
    return got.records[0];
}

}  // namespace

TEST_CASE("front matter: harvested release with lists and quoted values", "[common]") {
    const CollectedEvents got = read_fixture("ministry-release.txt");
    REQUIRE(got.records.size() == 1);
    CHECK(got.skips.empty());
    CHECK(got.warnings.empty());
    CHECK(got.record_lines == std::vector<std::size_t>{1});
    const PressRelease& r = got.records[0];
    CHECK(r.title == "Minister welcomes: new coastal patrol vessels");
    CHECK(r.date == "2016-09-14");
    CHECK(r.source == "Marlowe, Daniel; Coastal Alliance Party (Minister for Coastal Affairs)");
    CHECK(r.url == "http://records.example.org/display?id=media%2Fpressrel%2FCA100");
    CHECK(r.id.empty());  // no id key: the caller derives one from the url
    CHECK(r.lang.empty());
    CHECK(r.topics == list({"Fisheries", "Border protection"}));
    CHECK(r.place.empty());
    CHECK(r.body ==
          "MEDIA RELEASE Minister for Coastal Affairs 14 September 2016\n\n"
          "The Minister for Coastal Affairs, Daniel Marlowe, today welcomed the first two of six "
          "new patrol vessels.\n\n"
          "“These vessels will keep our fishing grounds safe,” Mr Marlowe said.");
}

TEST_CASE("front matter: a body in the agency-wire layout supplies what the keys lack",
          "[common]") {
    const CollectedEvents got = read_fixture("wire-body.txt");
    REQUIRE(got.records.size() == 1);
    CHECK(got.warnings.empty());
    const PressRelease& r = got.records[0];
    CHECK(r.title == "Winter Ferry Timetable Takes Effect");
    CHECK(r.date == "2024-06-03T07:30:00");
    CHECK(r.source == "Harbor Wire");
    CHECK(r.place == "KESTREL BAY");
    CHECK(r.lang == "en");  // en-AU
    CHECK(r.url == "https://harborwire.example/ferry-winter");
    CHECK(r.topics == list({"ferries", "timetables", "Kestrel Bay"}));
    CHECK(r.body ==
          "The winter ferry timetable takes effect on Monday, the port authority said.\n\n"
          "Sailings to the outer islands run every three hours.");
}

TEST_CASE("front matter: author map, office, RFC 822 date, repeated tags, dateline", "[common]") {
    const CollectedEvents got = read_fixture("dateline-body.txt");
    REQUIRE(got.records.size() == 1);
    const PressRelease& r = got.records[0];
    CHECK(r.title == "Lighthouse keepers honoured");
    CHECK(r.date == "2003-06-10T04:00:00Z");
    CHECK(r.source == "Press Office (Ministry of Coastal Affairs)");
    CHECK(r.topics == list({"Heritage", "Awards"}));
    CHECK(r.place == "PORT ST. CLAIRE");
    CHECK(r.body ==
          "Four retired lighthouse keepers received the Coastal Medal on Monday.\n\n"
          "The medal recognises thirty years of service.");
}

TEST_CASE("front matter: broken files are skipped with the line", "[common]") {
    SECTION("missing closing line") {
        const CollectedEvents got = read_fixture("unclosed.txt");
        CHECK(got.records.empty());
        REQUIRE(got.skips.size() == 1);
        CHECK(got.skips[0].line == 1);
        CHECK(got.skips[0].message ==
              "the front matter opened on this line is not closed by a '---' line");
    }
    SECTION("malformed YAML") {
        const CollectedEvents got = read_fixture("bad-yaml.txt");
        CHECK(got.records.empty());
        REQUIRE(got.skips.size() == 1);
        CHECK(got.skips[0].line == 3);  // "  date: ..." indented under a plain scalar
        CHECK(got.skips[0].message == "invalid YAML in the front matter: illegal map value");
    }
    SECTION("no front matter, empty file, a scalar instead of keys, nothing to index") {
        auto skip_of = [](const std::string& text) {
            const CollectedEvents got = read_with(read_front_matter_text, text);
            CHECK(got.records.empty());
            REQUIRE(got.skips.size() == 1);
            return got.skips[0];
        };
        const auto plain = skip_of("\nJust a title\n\nAnd a body.\n");
        CHECK(plain.line == 2);
        CHECK(plain.message == "no YAML front matter (the file must open with a '---' line)");
        CHECK(skip_of("").message == "empty file");
        CHECK(skip_of(" \n\t\n").message == "empty file");
        const auto scalar = skip_of("---\njust words\n---\nBody.\n");
        CHECK(scalar.line == 1);
        CHECK(scalar.message == "the front matter is not a list of 'key: value' lines");
        const auto nothing = skip_of("---\nlang: en\n---\n\n   \n");
        CHECK(nothing.message == "no title and no text");
    }
}

TEST_CASE("front matter: edge cases that are still releases", "[common]") {
    SECTION("empty front matter and a body with no title line: the wire layout decides") {
        const PressRelease r = only_record("---\n---\nHeadline here\n\nFirst paragraph.\n");
        CHECK(r.title == "Headline here");
        CHECK(r.body == "First paragraph.");
    }
    SECTION("CRLF line ends and a UTF-8 byte-order mark") {
        const PressRelease r = only_record(
            "\xEF\xBB\xBF---\r\ntitle: 'It''s done'\r\ndate: 2020-01-09\r\n---\r\nLine one\r\n"
            "line two.\r\n\r\nSecond.\r\n");
        CHECK(r.title == "It's done");
        CHECK(r.date == "2020-01-09");
        CHECK(r.body == "Line one line two.\n\nSecond.");
    }
    SECTION("a list title takes its first item; other keys and spellings") {
        const PressRelease r = only_record(
            "---\nTitle: [First, Second]\nPublished-At: July 23, 2025\nID: rel-7\n"
            "Link: https://example.org/7\nLocale: fr_CA\nKeywords: a, b ,, a\nnested: {x: 1}\n"
            "Issuer: Office\n...\nText.\n");
        CHECK(r.title == "First");
        CHECK(r.date == "2025-07-23");
        CHECK(r.id == "rel-7");
        CHECK(r.url == "https://example.org/7");
        CHECK(r.lang == "fr");
        CHECK(r.topics == list({"a", "b"}));
        CHECK(r.source == "Office");
        CHECK(r.body == "Text.");
    }
    SECTION("double quotes inside a double-quoted value, as harvesters write them") {
        const CollectedEvents got =
            read_with(read_front_matter_text,
                      "---\ntitle: \"Ferry fares \"frozen\" for 2025\"\ndate: \"2024-12-02\"\n"
                      "note: \"it's \"fine\"\"\n---\nBody.\n");
        REQUIRE(got.records.size() == 1);
        CHECK(got.records[0].title == "Ferry fares \"frozen\" for 2025");
        CHECK(got.records[0].date == "2024-12-02");
        REQUIRE(got.warnings.size() == 1);
        CHECK(got.warnings[0].line == 2);
        CHECK(got.warnings[0].message ==
              "unescaped quotes inside a quoted value in the front matter; read as part of the "
              "value");
    }
    SECTION("any *_url key when no usual url key is there") {
        const PressRelease r =
            only_record("---\ntitle: T\narchive_url: https://a.example/\n---\nB\n");
        CHECK(r.url == "https://a.example/");
    }
    SECTION("an unreadable date is a warning, not a skip") {
        const CollectedEvents got =
            read_with(read_front_matter_text, "---\ntitle: T\ndate: someday\n---\nBody.\n");
        REQUIRE(got.records.size() == 1);
        CHECK(got.records[0].date.empty());
        REQUIRE(got.warnings.size() == 1);
        CHECK(got.warnings[0].line == 1);
        CHECK(got.warnings[0].message ==
              "unrecognised date \"someday\" in the front matter; the release has no date");
    }
    SECTION("bytes that are not UTF-8 are read as Windows-1252, with a warning") {
        const CollectedEvents got = read_with(
            read_front_matter_text, "---\ntitle: Caf\xe9 opens\n---\nIn Z\xfcrich \x80 5.\n");
        REQUIRE(got.records.size() == 1);
        CHECK(got.records[0].title == "Café opens");
        CHECK(got.records[0].body == "In Zürich € 5.");
        REQUIRE(got.warnings.size() == 1);
        CHECK(got.warnings[0].line == 2);
        CHECK(got.warnings[0].message == "not valid UTF-8 (byte 15); read as Windows-1252");
    }
}
