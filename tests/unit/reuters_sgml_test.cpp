#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "collected_events.hpp"
#include "reuters_sgml.hpp"
#include "sgml_text.hpp"

using dateline::PressRelease;
using dateline::read_reuters_sgml;
using dateline::testing::CollectedEvents;
using dateline::testing::file_bytes;
using dateline::testing::read_with;

namespace {

const std::string sample_path = std::string(TEST_DATA_DIR) + "/sgml/reuters-sample.sgm";

std::vector<std::string> codes(std::initializer_list<const char*> names) {
    return std::vector<std::string>(names.begin(), names.end());
}

// One article in the collection's layout, with the given inner text.
std::string article(const std::string& newid, const std::string& text_element) {
    return "<REUTERS TOPICS=\"NO\" NEWID=\"" + newid +
           "\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TOPICS></TOPICS>\n"
           "<PLACES></PLACES>\n" +
           text_element + "\n</REUTERS>\n";
}

}  // namespace

TEST_CASE("Reuters SGML: articles of every type from a Latin-1 file", "[common]") {
    const std::string bytes = file_bytes(sample_path);
    REQUIRE(bytes.find("Caf\xe9 M\xfcller") != std::string::npos);  // raw Latin-1 bytes
    const CollectedEvents got = read_with(read_reuters_sgml, bytes);
    REQUIRE(got.records.size() == 5);
    CHECK(got.skips.empty());
    CHECK(got.record_lines == std::vector<std::size_t>{2, 25, 40, 58, 71});
    for (const PressRelease& r : got.records) {
        CHECK(r.source == "Reuters");
        CHECK(r.lang == "en");
        CHECK(r.url.empty());
    }

    SECTION("a standard article: categories, dateline, paragraphs, entities, no sign-off") {
        const PressRelease& r = got.records[0];
        CHECK(r.id == "reuters21578-501");
        CHECK(r.title == "VALDORIA RAISES COD QUOTA FOR <NORTHWIND FISHERIES> FLEET");
        CHECK(r.date == "1987-03-14T09:05:12");
        CHECK(r.topics == codes({"fish", "trade", "valdoria", "north-vale", "usa", "gatt"}));
        CHECK(r.place == "PORT AURELIA");
        CHECK(r.body ==
              "PORT AURELIA, March 14 - Valdoria raised the cod quota for the Northwind "
              "Fisheries fleet by 12 pct, the Ministry of Coastal Affairs said, citing a "
              "recovery of stocks in the northern grounds.\n\n"
              "The ministry said the new quota of 41,000 tonnes would apply from April 1 & run "
              "for one year.\n\n"
              "Exporters welcomed the decision.");
    }
    SECTION("a BRIEF article is its headline; the placeholder text is dropped") {
        const PressRelease& r = got.records[1];
        CHECK(r.id == "reuters21578-502");
        CHECK(r.title == "VALDORIA CENTRAL BANK SETS DISCOUNT RATE AT 4.5 PCT");
        CHECK(r.body.empty());
        CHECK(r.topics == codes({"valdoria"}));
        CHECK(r.date == "1987-03-14T09:10:40");
    }
    SECTION("an UNPROC article takes its first line as the title; table rows are paragraphs") {
        const PressRelease& r = got.records[2];
        CHECK(r.id == "reuters21578-503");
        CHECK(r.title == "NORTH VALE EXCHANGE RATES - APRIL 2");
        CHECK(r.date == "1987-04-02T16:20:03");
        CHECK(r.body ==
              "Crowns per unit buying selling\n\n"
              "Dollar.............1.8200.....1.8260\n\n"
              "Sterling...........2.9410.....2.9480");
        CHECK(r.topics == codes({"money-fx", "north-vale"}));
        CHECK(r.place.empty());
    }
    SECTION("an article with neither title nor text is kept, with a warning") {
        const PressRelease& r = got.records[3];
        CHECK(r.id == "reuters21578-504");
        CHECK(r.title.empty());
        CHECK(r.body.empty());
        CHECK(r.date == "1987-04-02T16:21:00");
        CHECK(r.topics.empty());
    }
    SECTION("Latin-1 text becomes UTF-8; an out-of-range time keeps the day") {
        const PressRelease& r = got.records[4];
        CHECK(r.title == "ZURICH CAFE CHAIN PLANS EXPANSION");
        CHECK(r.body ==
              "ZURICH, March 31 - The Café Müller chain said it would open six new shops this "
              "year.");
        CHECK(r.place == "ZURICH");
        CHECK(r.date == "1987-03-31");
        CHECK(r.topics == codes({"coffee", "switzerland"}));
    }
    SECTION("warnings name the article and its line") {
        REQUIRE(got.warnings.size() == 2);
        CHECK(got.warnings[0].line == 58);
        CHECK(got.warnings[0].message ==
              "article NEWID 504: neither title nor text; kept for its date and categories");
        CHECK(got.warnings[1].line == 71);
        CHECK(got.warnings[1].message ==
              "article NEWID 505: time out of range in <DATE> \"31-MAR-1987 605:12:19.12\"; only "
              "the day is kept");
    }
}

TEST_CASE("Reuters SGML: damaged and unusual input", "[common]") {
    SECTION("a file cut inside an article still gives that article, with a warning") {
        const std::string text =
            article("7", "<TEXT><TITLE>FIRST</TITLE><BODY>Complete.\n Reuter\n&#3;</BODY></TEXT>") +
            "<REUTERS NEWID=\"8\">\n<DATE>27-FEB-1987 10:00:00.00</DATE>\n"
            "<TEXT><TITLE>SECOND STORY</TITLE><BODY>The text stops in the mid";
        const CollectedEvents got = read_with(read_reuters_sgml, text);
        REQUIRE(got.records.size() == 2);
        CHECK(got.records[0].body == "Complete.");
        CHECK(got.records[1].id == "reuters21578-8");
        CHECK(got.records[1].title == "SECOND STORY");
        CHECK(got.records[1].body == "The text stops in the mid");
        CHECK(got.records[1].date == "1987-02-27T10:00:00");
        REQUIRE(got.warnings.size() == 1);
        CHECK(got.warnings[0].line == 9);  // article() takes 6 lines, its text 2 more
        CHECK(got.warnings[0].message ==
              "article NEWID 8: not closed by </REUTERS> (a truncated file?); read as it is");
    }
    SECTION("an article that runs into the next one ends there") {
        const std::string text = "<REUTERS NEWID=\"1\"><TEXT><TITLE>ONE</TITLE></TEXT>\n" +
                                 article("2", "<TEXT><TITLE>TWO</TITLE></TEXT>");
        const CollectedEvents got = read_with(read_reuters_sgml, text);
        REQUIRE(got.records.size() == 2);
        CHECK(got.records[0].title == "ONE");
        CHECK(got.records[1].title == "TWO");
        CHECK(got.record_lines == std::vector<std::size_t>{1, 2});
    }
    SECTION("no NEWID: a warning, and the caller derives the id") {
        const CollectedEvents got =
            read_with(read_reuters_sgml, "<REUTERS><TEXT><TITLE>X</TITLE></TEXT></REUTERS>");
        REQUIRE(got.records.size() == 1);
        CHECK(got.records[0].id.empty());
        REQUIRE(got.warnings.size() == 1);
        CHECK(got.warnings[0].message ==
              "article: no NEWID attribute; the release gets an id from its text");
    }
    SECTION("a <REUTERS> element with nothing in it is skipped") {
        const CollectedEvents got = read_with(read_reuters_sgml, "\n<REUTERS></REUTERS>");
        CHECK(got.records.empty());
        REQUIRE(got.skips.size() == 1);
        CHECK(got.skips[0].line == 2);
        CHECK(got.skips[0].message == "a <REUTERS> element with no NEWID, title or text");
    }
    SECTION("a file without articles is skipped") {
        for (const std::string& text : {std::string(), std::string("<html>hello</html>"),
                                        std::string("\x00\x01\xff<REUTER", 10)}) {
            const CollectedEvents got = read_with(read_reuters_sgml, text);
            CHECK(got.records.empty());
            REQUIRE(got.skips.size() == 1);
            CHECK(got.skips[0].message == "no <REUTERS> articles (not a Reuters-21578 SGML file?)");
        }
    }
    SECTION("an unreadable date is a warning; teletype codes after the time are ignored") {
        std::string text = article("3", "<TEXT><TITLE>T</TITLE></TEXT>");
        text.replace(text.find("26-FEB-1987 15:01:01.79"), 23, "sometime in 1987");
        text += article("4", "<TEXT><TITLE>U</TITLE></TEXT>");
        text.replace(text.rfind("15:01:01.79"), 11, "15:01:01.79&#9;&#9;&#9;C T");
        const CollectedEvents got = read_with(read_reuters_sgml, text);
        REQUIRE(got.records.size() == 2);
        CHECK(got.records[0].date.empty());
        CHECK(got.records[1].date == "1987-02-26T15:01:01");
        REQUIRE(got.warnings.size() == 1);
        CHECK(got.warnings[0].message ==
              "article NEWID 3: unrecognised <DATE> \"sometime in 1987\"; the release has no date");
    }
    SECTION("lower-case tags and a sign-off after the last sentence") {
        const CollectedEvents got = read_with(
            read_reuters_sgml,
            "<reuters newid=9><text><title>LOW</title><body>Prices rose. REUTER\n</body></text>"
            "</reuters>");
        REQUIRE(got.records.size() == 1);
        CHECK(got.records[0].id == "reuters21578-9");
        CHECK(got.records[0].body == "Prices rose.");
    }
}

TEST_CASE("Reuters SGML: a thousand articles in one file", "[common]") {
    std::string text = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n";
    for (int i = 1; i <= 1000; ++i) {
        text += article(std::to_string(i), "<TEXT><TITLE>STORY " + std::to_string(i) +
                                               "</TITLE><BODY>Line one\nline two.\n</BODY></TEXT>");
    }
    const CollectedEvents got = read_with(read_reuters_sgml, text);
    REQUIRE(got.records.size() == 1000);
    CHECK(got.records[999].id == "reuters21578-1000");
    CHECK(got.records[999].title == "STORY 1000");
    CHECK(got.records[999].body == "Line one line two.");
    // After the DOCTYPE line, each article takes 8 lines (6 of article(), 2 in its body).
    CHECK(got.record_lines[0] == 2);
    CHECK(got.record_lines[999] == 2 + 999 * 8);
}

TEST_CASE("SGML text: references, control characters and Latin-1", "[common]") {
    using dateline::sgml::decode_text;
    CHECK(decode_text("&lt;SRD&gt; &amp; &quot;x&quot; &apos;y&apos;") == "<SRD> & \"x\" 'y'");
    CHECK(decode_text("&amp;lt;") == "&lt;");  // decoded once
    CHECK(decode_text("&#65;&#x42;&#252;") == "ABü");
    CHECK(decode_text("&#2;start&#3; &#5;&#22;&#127;&#31;end") == "start end");
    CHECK(decode_text("raw\x03 control\x01s\r\n") == "raw controls\n");
    CHECK(decode_text("caf\xe9 Z\xfcrich") == "café Zürich");
    CHECK(decode_text("already UTF-8: café") == "already UTF-8: café");
    CHECK(decode_text("&unknown; & alone &#xD800; &#99999999;") == "&unknown; & alone  ");
    CHECK(decode_text("tab\tkept") == "tab\tkept");

    using dateline::sgml::attribute;
    CHECK(attribute(" TOPICS=\"YES\" NEWID=\"42\"", "NEWID") == std::optional<std::string>("42"));
    CHECK(attribute(" newid=42 type='x'", "NEWID") == std::optional<std::string>("42"));
    CHECK(attribute(" type='x'", "TYPE") == std::optional<std::string>("x"));
    CHECK_FALSE(attribute(" OLDID=\"1\"", "NEWID"));
    CHECK_FALSE(attribute(" = \"", "NEWID"));

    using dateline::sgml::find_element;
    const auto d = find_element("<PLACES><D>a</D><DATE>x</DATE></PLACES>", "D");
    REQUIRE(d);
    CHECK(d->content == "a");
    CHECK(d->closed);
    const auto open = find_element("<BODY>no end", "BODY");
    REQUIRE(open);
    CHECK(open->content == "no end");
    CHECK_FALSE(open->closed);
    CHECK_FALSE(find_element("<DATELINE>x</DATELINE>", "DATE"));
}
