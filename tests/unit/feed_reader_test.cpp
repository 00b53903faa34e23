#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzer.hpp"
#include "collected_events.hpp"
#include "feed_reader.hpp"
#include "query_builder.hpp"
#include "release_structure.hpp"
#include "schema.hpp"
#include "temp_dir.hpp"

using dateline::PressRelease;
using dateline::read_feed;
using dateline::testing::CollectedEvents;
using dateline::testing::file_bytes;
using dateline::testing::read_with;
using dateline::testing::TempDir;

namespace {

const std::string feeds_dir = std::string(TEST_DATA_DIR) + "/feeds/";

CollectedEvents read_fixture(const std::string& name) {
    return read_with(read_feed, file_bytes(feeds_dir + name));
}

std::vector<std::string> topics(std::initializer_list<const char*> names) {
    return std::vector<std::string>(names.begin(), names.end());
}

}  // namespace

TEST_CASE("feed reader: RSS 2.0 items, HTML content, CDATA and channel defaults", "[common]") {
    const CollectedEvents got = read_fixture("rss-press-office.xml");
    REQUIRE(got.records.size() == 3);
    CHECK(got.record_lines == std::vector<std::size_t>{12, 25, 37});

    SECTION("content:encoded (CDATA HTML) wins over the description; scripts are dropped") {
        const PressRelease& r = got.records[0];
        CHECK(r.title == "Ministry Opens Kestrel Bay Lighthouse Museum");
        CHECK(r.url == "https://coastal.example.org/press/2024/lighthouse-museum");
        CHECK(r.id == "coastal-2024-0117");
        CHECK(r.date == "2024-01-16T08:30:00Z");  // 09:30 at +0100
        CHECK(r.source == "Press Office");        // dc:creator
        CHECK(r.lang == "en");                    // channel <language>en-gb</language>
        CHECK(r.topics == topics({"Heritage", "Fisheries and Coasts"}));
        CHECK(r.body ==
              "KESTREL BAY, Jan 16 (Harbor Wire) -- The Ministry of Coastal Affairs opened the "
              "restored lighthouse as a museum on Tuesday.\n\n"
              "Visitors can climb the 142 steps to the lamp room & see the original lens.");
    }
    SECTION("escaped HTML description, twice-escaped title, e-mail author, U.S. zone") {
        const PressRelease& r = got.records[1];
        CHECK(r.title == "Seawall Repairs Finished Ahead of Storm Season & Under Budget");
        CHECK(r.id == "https://coastal.example.org/press/2024/seawall");  // no guid: the link
        CHECK(r.date == "2024-01-09T04:15:00Z");                          // 23:15 EST
        CHECK(r.source == "Seawall Programme Office");
        CHECK(r.topics == topics({"Infrastructure"}));
        CHECK(r.body ==
              "The repairs to the North Vale seawall were completed three weeks early.\n\n"
              "The final cost was 4% below the estimate.");
    }
    SECTION("an item with no title and no text is skipped with its number and line") {
        REQUIRE(got.skips.size() == 1);
        CHECK(got.skips[0].line == 33);
        CHECK(got.skips[0].message == "item 3: no title and no text");
    }
    SECTION("a permalink guid is the url; an unreadable date is a warning, not a skip") {
        const PressRelease& r = got.records[2];
        CHECK(r.title == "Ferry Timetable for the Winter Holidays");
        CHECK(r.url == "https://coastal.example.org/press/2023/ferry-timetable");
        CHECK(r.id == r.url);
        CHECK(r.date.empty());
        CHECK(r.source == "Ministry of Coastal Affairs: Press Releases");  // the channel title
        REQUIRE(got.warnings.size() == 1);
        CHECK(got.warnings[0].line == 37);
        CHECK(got.warnings[0].message ==
              "item 4: unrecognised date \"not a date at all\"; the release has no date");
    }
}

TEST_CASE("feed reader: Atom entries with html, xhtml and text content", "[common]") {
    const CollectedEvents got = read_fixture("atom-ministry.xml");
    REQUIRE(got.records.size() == 3);
    CHECK(got.skips.empty());
    CHECK(got.warnings.empty());
    CHECK(got.record_lines == std::vector<std::size_t>{8, 19, 27});

    SECTION("type=html title and content, alternate link, published before updated") {
        const PressRelease& r = got.records[0];
        CHECK(r.title == "Export Credit Scheme Extended to Small Firms");
        CHECK(r.url == "https://trade.valdoria.example/press/export-credit");
        CHECK(r.id == "tag:trade.valdoria.example,2024:press/117");
        CHECK(r.date == "2024-05-06T08:30:00Z");
        CHECK(r.source == "Valdoria Ministry of Trade");  // the feed's author
        CHECK(r.lang == "en");                            // xml:lang="en-US" on <feed>
        CHECK(r.topics == topics({"exports", "small-business"}));
        CHECK(r.body ==
              "VALDORIA CITY, May 6 -- Small firms can now apply for export credit.\n\n"
              "Loans up to 50,000 crowns\nNo fee");
    }
    SECTION("xhtml content, the entry's own xml:lang and author, updated as the date") {
        const PressRelease& r = got.records[1];
        CHECK(r.title == "Le ministère publie les chiffres du commerce");
        CHECK(r.url == "https://trade.valdoria.example/fr/press/chiffres");
        CHECK(r.lang == "fr");
        CHECK(r.source == "Service de presse");
        CHECK(r.date == "2024-04-30T21:45:00Z");  // 16:45 at -05:00
        CHECK(r.body == "Les exportations ont augmenté de 3 %.\n\nLes importations sont stables.");
    }
    SECTION("a text summary keeps its paragraphs; a bare date stays a day") {
        const PressRelease& r = got.records[2];
        CHECK(r.url.empty());
        CHECK(r.id == "tag:trade.valdoria.example,2024:press/119");
        CHECK(r.date == "2024-04-02");
        CHECK(r.body ==
              "The spring trade fair runs from 12 to 15 June.\n\nRegistration opens in May.");
    }
}

TEST_CASE("feed reader: the declared encoding is honoured (ISO-8859-1)", "[common]") {
    const std::string bytes = file_bytes(feeds_dir + "latin1-feed.xml");
    const std::string latin1_zurich = "Z\xfcrich";
    REQUIRE(bytes.find(latin1_zurich) != std::string::npos);  // really Latin-1 bytes
    const CollectedEvents got = read_with(read_feed, bytes);
    REQUIRE(got.records.size() == 1);
    const PressRelease& r = got.records[0];
    CHECK(r.title == "Zürich Café Owners Back Lakeside Plan");
    CHECK(r.body == "Owners of cafés in Zürich said the plan was «good news».");
    CHECK(r.lang == "de");
    CHECK(r.source == "Northwind News Agency");
    CHECK(r.date == "2024-10-02T12:00:00Z");
    CHECK(got.warnings.empty());
}

TEST_CASE("feed reader: broken XML is read as far as it can be repaired", "[common]") {
    const CollectedEvents got = read_fixture("broken-feed.xml");
    // The first item is intact. libxml2's recovery drops the bare '&' of the second and closes
    // its unclosed <description>; the third item, cut inside its title, is lost.
    REQUIRE(got.records.size() == 2);
    CHECK(got.skips.empty());
    CHECK(got.records[0].title == "Pilot Boats Get New Radios");
    CHECK(got.records[0].body == "All twelve pilot boats now carry digital radios.");
    CHECK(got.records[0].source == "Harbor Wire");
    CHECK(got.records[1].url == "https://harborwire.example/pay-deal");
    CHECK(got.records[1].title == "Dock Workers Port Agree Pay Deal");
    CHECK(got.records[1].body == "The agreement runs for three years.");
    REQUIRE(got.warnings.size() == 1);
    CHECK(got.warnings[0].line == 11);  // the bare '&' in "Dock Workers & Port"
    CHECK(got.warnings[0].message ==
          "malformed XML, read as far as it could be repaired (3 errors; first: "
          "xmlParseEntityRef: no name)");
}

TEST_CASE("feed reader: what is not a feed is skipped with a reason", "[common]") {
    auto skipped = [](std::string_view bytes) {
        const CollectedEvents got = read_with(read_feed, bytes);
        CHECK(got.records.empty());
        REQUIRE(got.skips.size() == 1);
        return got.skips[0];
    };
    CHECK(skipped("").message == "not well-formed XML");
    CHECK_THAT(skipped("just some text, no markup").message,
               Catch::StartsWith("not well-formed XML: "));
    const auto html = skipped("<html>\n<body><p>Hello</p></body></html>");
    CHECK(html.message == "not an RSS or Atom feed (the root element is <html>)");
    CHECK(html.line == 1);
    CHECK_THAT(skipped(std::string("\x00\xff\xfe garbage \x01\x02", 14)).message,
               Catch::StartsWith("not well-formed XML"));

    const CollectedEvents empty_channel =
        read_with(read_feed, "<rss version=\"2.0\"><channel><title>T</title></channel></rss>");
    CHECK(empty_channel.records.empty());
    CHECK(empty_channel.skips.empty());
    REQUIRE(empty_channel.warnings.size() == 1);
    CHECK(empty_channel.warnings[0].message == "the feed has no <item> elements");
}

TEST_CASE("feed reader: external entities are never loaded (XXE)", "[common]") {
    TempDir dir;
    const std::string secret_path = dir / "secret.txt";
    std::ofstream(secret_path) << "TOP-SECRET-CONTENT";
    const std::string dtd_path = dir / "evil.dtd";
    std::ofstream(dtd_path) << "<!ENTITY leak \"LEAKED-THROUGH-DTD\">";

    std::string feed = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n";
    feed += "  <!ENTITY xxe SYSTEM \"file://" + secret_path + "\">\n";
    feed += "  <!ENTITY % remote SYSTEM \"file://" + dtd_path + "\">\n";
    feed += "  %remote;\n]>\n";
    feed += "<rss version=\"2.0\"><channel><title>Feed &xxe;</title>\n";
    feed += "<item><title>Item &xxe; title</title><description>Body &xxe; &leak; text";
    feed += "</description><category>&xxe;</category></item>\n</channel></rss>\n";
    const CollectedEvents got = read_with(read_feed, feed);
    REQUIRE(got.records.size() == 1);
    const PressRelease& r = got.records[0];
    for (const std::string* field : {&r.title, &r.body, &r.source}) {
        CHECK(field->find("TOP-SECRET") == std::string::npos);
        CHECK(field->find("LEAKED") == std::string::npos);
    }
    for (const std::string& topic : r.topics) CHECK(topic.find("TOP-SECRET") == std::string::npos);
    CHECK(r.title == "Item title");
}

TEST_CASE("feed reader: internal entities are not expanded (billion laughs)", "[common]") {
    std::string doctype = "<!DOCTYPE rss [\n<!ENTITY a0 \"ha\">\n";
    for (int i = 1; i <= 9; ++i) {
        doctype += "<!ENTITY a" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) doctype += "&a" + std::to_string(i - 1) + ";";
        doctype += "\">\n";
    }
    doctype += "]>\n";
    const std::string feed = "<?xml version=\"1.0\"?>\n" + doctype +
                             "<rss><channel><item><title>Laugh &a9;</title>"
                             "<description>&a9;&a9;</description></item></channel></rss>";
    const auto start = std::chrono::steady_clock::now();
    const CollectedEvents got = read_with(read_feed, feed);
    // 10^9 "ha" would be 2 GB: the reader neither builds it nor hangs on it.
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
    for (const PressRelease& r : got.records) {
        CHECK(r.title.size() < 1000);
        CHECK(r.body.size() < 1000);
    }
    CHECK(got.records.size() + got.skips.size() == 1);
}

TEST_CASE("feed reader: stops between items when asked", "[common]") {
    CollectedEvents got;
    dateline::ReaderEvents events = got.events();
    events.stop_requested = [&got] { return !got.records.empty(); };
    read_feed(file_bytes(feeds_dir + "atom-ministry.xml"), events);
    CHECK(got.records.size() == 1);
}

TEST_CASE("feed items are indexed with their categories as topic: filters", "[common]") {
    TempDir dir;
    const dateline::AnalyzerSettings settings;
    {
        Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
        dateline::DocumentAnalyzer analyzer(settings);
        dateline::ReaderEvents events;
        events.on_record = [&](PressRelease&& release, std::size_t) {
            dateline::complete_structure(release);
            dateline::schema::assign_id(release);
            db.replace_document(dateline::schema::id_term(release.id), analyzer.analyze(release));
        };
        read_feed(file_bytes(feeds_dir + "rss-press-office.xml"), events);
        db.commit();
        REQUIRE(db.get_doccount() == 3);
    }
    Xapian::Database db(dir / "db");
    dateline::QueryBuilder builder(settings);
    auto ids = [&](const std::string& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(builder.build(query, &db).query);
        std::vector<std::string> found;
        const Xapian::MSet matches = enquire.get_mset(0, 10);
        for (auto it = matches.begin(); it != matches.end(); ++it) {
            const auto release = dateline::schema::decode_data(it.get_document().get_data());
            REQUIRE(release);
            found.push_back(release->id);
        }
        return found;
    };
    CHECK(ids("topic:heritage") == std::vector<std::string>{"coastal-2024-0117"});
    CHECK(ids("topic:Heritage") == std::vector<std::string>{"coastal-2024-0117"});
    CHECK(ids("topic:\"fisheries and coasts\"") == std::vector<std::string>{"coastal-2024-0117"});
    CHECK(ids("seawall topic:infrastructure") ==
          std::vector<std::string>{"https://coastal.example.org/press/2024/seawall"});
    CHECK(ids("lighthouse topic:infrastructure").empty());
    CHECK(ids("topic:ferries").empty());
    // The dateline of the HTML body became the place.
    CHECK(ids("place:kestrel") == std::vector<std::string>{"coastal-2024-0117"});
}
