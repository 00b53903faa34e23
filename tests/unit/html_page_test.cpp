#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "collected_events.hpp"
#include "html_metadata.hpp"
#include "html_page.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using dateline::read_html_page;
using dateline::testing::CollectedEvents;
using dateline::testing::file_bytes;
using dateline::testing::read_with;

namespace {

std::string fixture(const std::string& relative) {
    return file_bytes(std::string(TEST_DATA_DIR) + "/html/" + relative);
}

// Reads `html` and requires exactly one release and no skip.
dateline::PressRelease read_one(const std::string& html) {
    CollectedEvents collected = read_with(read_html_page, html);
    REQUIRE(collected.skips.empty());
    REQUIRE(collected.records.size() == 1);
    CHECK(collected.record_lines.front() == 0);
    return collected.records.front();
}

std::string page_with_body(const std::string& head, const std::string& body) {
    return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

const std::string some_paragraphs =
    "<p>The lighthouse keepers' cottage will open to visitors on weekends from June.</p>"
    "<p>Tickets are free but must be booked in advance through the visitor centre.</p>";

// Text that only the site around a DOJ release has (menus, sidebars, footers, the release's
// header and its topic fields), never the release itself.
const char* const doj_site_text[] = {"Skip to main content",
                                     "Report a Crime",
                                     "Justice News",
                                     "Privacy Policy",
                                     "Stay Connected",
                                     "Component(s)",
                                     "Press Release Number",
                                     "Topic(s)",
                                     "FOR IMMEDIATE RELEASE",
                                     "Updated ",
                                     "Office of Public Affairs"};

}  // namespace

TEST_CASE("read_html_page reads DOJ press-release pages", "[common]") {
    SECTION("a 2017 release with Word-styled paragraphs") {
        const auto release = read_one(fixture("doj/release_00583.html"));
        CHECK(
            release.title ==
            "North Carolina Tax Return Preparer Sentenced to Prison For Tax and Bankruptcy Fraud");
        // dc:date says 2017-11-16T00:00:00-05:00: a bare day in the content system
        CHECK(release.date == "2017-11-16");
        CHECK(release.lang == "en");
        CHECK(release.url ==
              "https://www.justice.gov/opa/pr/"
              "north-carolina-tax-return-preparer-sentenced-prison-tax-and-bankruptcy-fraud");
        CHECK_THAT(release.body, StartsWith("A Greensboro, North Carolina, resident was sentenced "
                                            "today to 37 months in prison"));
        CHECK_THAT(release.body, EndsWith("enforcement efforts can be found on the divisions "
                                          "website."));
        CHECK_THAT(release.body, Contains("Hassie Demond Nowlin, aka Demond Nowlin"));
        for (const char* site_text : doj_site_text) {
            CAPTURE(site_text);
            CHECK_THAT(release.body, !Contains(site_text));
        }
    }
    SECTION("a 2013 release whose paragraphs are separated by <br /><br />") {
        const auto release = read_one(fixture("doj/release_07289.html"));
        CHECK(release.title == "Texas Man Convicted in Corporate Hacking Case");
        CHECK(release.date == "2013-03-01");
        CHECK(release.url ==
              "https://www.justice.gov/opa/pr/texas-man-convicted-corporate-hacking-case");
        CHECK_THAT(release.body,
                   StartsWith("A Texas resident was convicted today by a federal jury"));
        CHECK_THAT(release.body, Contains("Saldaa.\n\nMichael Musacchio, 61, of Plano, Texas,"));
        CHECK_THAT(release.body, EndsWith("Computer Crime and Intellectual Property Section."));
        for (const char* site_text : doj_site_text) {
            CAPTURE(site_text);
            CHECK_THAT(release.body, !Contains(site_text));
        }
    }
    SECTION("a 2009 release ending in a list") {
        const auto release = read_one(fixture("doj/release_11889.html"));
        CHECK(release.title ==
              "Justice Department Commemorates Fifteen Years of the Violence Against Women Act");
        CHECK(release.date == "2009-09-14");
        CHECK(release.lang == "en");
        CHECK_THAT(release.body, StartsWith("The Department of Justice today commemorated the 15th "
                                            "anniversary"));
        CHECK_THAT(release.body, EndsWith("More than 505,000 victims were served;\n"
                                          "Over 1,201,000 services were provided to victims; and\n"
                                          "More than 4,700 individuals were arrested for "
                                          "violations of protection orders."));
        for (const char* site_text : doj_site_text) {
            CAPTURE(site_text);
            CHECK_THAT(release.body, !Contains(site_text));
        }
    }
}

TEST_CASE("read_html_page falls back to the heading and the visible date on real markup",
          "[common]") {
    // The DOJ page without og:title, twitter:title and its RDFa dc:title and dc:date: the title
    // must come from <h1 id="node-title">, which <title> repeats before " | OPA | Department of
    // Justice", and the date from "Thursday, November 16, 2017" in span.date-display-single.
    std::string page = fixture("doj/release_00583.html");
    for (std::string_view key : {"property=\"og:title\"", "name=\"twitter:title\"",
                                   "property=\"dc:title\"", "property=\"dc:date\""}) {
        const std::size_t at = page.find(key);
        REQUIRE(at != std::string::npos);
        page.replace(at, key.size(), "data-removed=\"\"");
    }
    const auto release = read_one(page);
    CHECK(release.title ==
          "North Carolina Tax Return Preparer Sentenced to Prison For Tax and Bankruptcy Fraud");
    CHECK(release.date == "2017-11-16");
}

TEST_CASE("read_html_page takes an HTML5 article without the site around it", "[common]") {
    const auto release = read_one(fixture("ferry-terminal.html"));
    CHECK(release.title == "Ferry Terminal Reopens After Storm Repairs");
    CHECK(release.date == "2024-03-04T08:15:00Z");  // 09:15 at +01:00, in UTC
    CHECK(release.lang == "en");                    // <html lang="en-GB">
    CHECK(release.url == "https://coastal.example.org/news/ferry-terminal-reopens");  // og:url
    CHECK(release.source == "Ministry of Coastal Affairs");
    CHECK_THAT(release.body,
               StartsWith("KESTREL BAY \xE2\x80\x93 The north ferry terminal reopened"));
    CHECK_THAT(release.body, Contains("\xE2\x80\x9C"
                                      "Crossings run to the normal timetable from today,"));
    CHECK_THAT(release.body, Contains("Morning crossings every 30 minutes\n"
                                      "Evening crossings every hour"));
    CHECK_THAT(release.body, EndsWith("The ministry thanks residents for their patience during "
                                      "the works."));
    for (const char* site_text :
         {"Skip to main content", "Contact us", "News and releases", "Share on", "Share by email",
          "Related releases", "Pontoon survey", "Privacy notice", "tracking pixel", "analytics",
          "enable JavaScript", "display: flex", "Published 4 March", "Storm Repairs"}) {
        CAPTURE(site_text);
        CHECK_THAT(release.body, !Contains(site_text));
    }
}

TEST_CASE("read_html_page finds the article of an old table layout by its text", "[common]") {
    // No <article>, <main>, metadata or headings: the text density has to find the cell, the
    // site name in <title> comes from application-name, the date from the visible text. The
    // page declares ISO-8859-1 but its bytes were converted to UTF-8 before they reached here.
    const auto release = read_one(fixture("table-layout.html"));
    CHECK(release.title == "Export Licences Simplified for Small Firms");
    CHECK(release.date == "2025-07-23");
    CHECK(release.lang.empty());
    CHECK(release.url.empty());
    CHECK(release.source == "Valdoria Ministry of Trade");
    CHECK_THAT(release.body, Contains("VALDORIA CITY, July 23, 2025 - Small firms exporting"));
    CHECK_THAT(release.body, Contains("Caf\xC3\xA9 Z\xC3\xBCrich-style partnerships"));
    CHECK_THAT(release.body, Contains("said on Wednesday.\n\nThe ministry said"));
    CHECK_THAT(release.body, EndsWith("without further paperwork, officials said."));
    for (const char* site_text : {"Home", "Trade statistics", "Vacancies", "Tariff tables",
                                  "Latest:", "Copyright", "Privacy"}) {
        CAPTURE(site_text);
        CHECK_THAT(release.body, !Contains(site_text));
    }
}

TEST_CASE("read_html_page chooses the title", "[common]") {
    SECTION("og:title comes first") {
        const auto release = read_one(page_with_body(
            "<title>Cottage Opens | Ministry of Coastal Affairs</title>"
            "<meta property=\"og:title\" content=\"Lighthouse Cottage Opens to Visitors\">",
            "<h1>Lighthouse cottage</h1>" + some_paragraphs));
        CHECK(release.title == "Lighthouse Cottage Opens to Visitors");
    }
    SECTION("else the heading that <title> repeats, without the site name") {
        const auto release = read_one(page_with_body(
            "<title>Lighthouse Cottage Opens | Coastal News | Ministry of Coastal Affairs</title>",
            "<div class=\"masthead\"><h1>Ministry of Coastal Affairs</h1></div>"
            "<h2 class=\"article-title\">Lighthouse Cottage Opens</h2>" +
                some_paragraphs));
        CHECK(release.title == "Lighthouse Cottage Opens");
    }
    SECTION("a Chinese heading broken by <br> is read as <title> spells it") {
        const auto release = read_one(page_with_body(
            "<title>\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8\xE5\x8F\x91\xE8\xA8\x80\xE4\xBA\xBA"
            "\xE7\xAD\x94\xE8\xAE\xB0\xE8\x80\x85\xE9\x97\xAE \xE2\x80\x94 "
            "\xE6\xB5\xB7\xE5\xB2\xB8\xE4\xBA\x8B\xE5\x8A\xA1\xE9\x83\xA8</title>",
            "<div class=\"title\">\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8\xE5\x8F\x91\xE8\xA8\x80"
            "\xE4\xBA\xBA<br>\xE7\xAD\x94\xE8\xAE\xB0\xE8\x80\x85\xE9\x97\xAE</div>" +
                some_paragraphs));
        // 外交部发言人答记者问 (the heading), without " — 海岸事务部" (the site)
        CHECK(release.title ==
              "\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8\xE5\x8F\x91\xE8\xA8\x80"
              "\xE4\xBA\xBA\xE7\xAD\x94\xE8\xAE\xB0\xE8\x80\x85\xE9\x97\xAE");
    }
    SECTION("only a <title>: a site name the page names is removed, anything else is kept") {
        const std::string body = "<div>" + some_paragraphs + "</div>";
        CHECK(read_one(page_with_body("<title>Seawall Works Begin - Port Aurelia Council</title>"
                                      "<meta name=\"application-name\" content=\"Port Aurelia "
                                      "Council\">",
                                      body))
                  .title == "Seawall Works Begin");
        CHECK(read_one(page_with_body("<title>Seawall Works Begin - Phase Two</title>", body))
                  .title == "Seawall Works Begin - Phase Two");
    }
    SECTION("a page without any title is still read, with a warning") {
        CollectedEvents collected = read_with(read_html_page, fixture("no-title.html"));
        REQUIRE(collected.records.size() == 1);
        CHECK(collected.records[0].title.empty());
        CHECK_THAT(collected.records[0].body, StartsWith("The tide gauge at Port Aurelia"));
        REQUIRE(collected.warnings.size() == 1);
        CHECK(collected.warnings[0].line == 0);
        CHECK_THAT(collected.warnings[0].message, Contains("no headline"));
    }
    SECTION("the headline is not repeated at the start of the body") {
        const auto release = read_one(
            page_with_body("<title>Lighthouse Cottage Opens</title>",
                           "<div><h1>Lighthouse Cottage Opens</h1>" + some_paragraphs + "</div>"));
        CHECK(release.title == "Lighthouse Cottage Opens");
        CHECK_THAT(release.body, StartsWith("The lighthouse keepers' cottage"));
    }
}

TEST_CASE("read_html_page finds the publication date", "[common]") {
    std::string head;
    std::string body;
    std::string date;
    std::tie(head, body, date) = GENERATE(table<std::string, std::string, std::string>({
        {"<meta name=\"DC.date.issued\" content=\"2022-11-14\">", "", "2022-11-14"},
        {"<meta name=\"dcterms.created\" content=\"2021-02-03T10:00:00\">", "",
         "2021-02-03T10:00:00"},
        {"<meta name=\"PubDate\" content=\"2024-04-03 21:30\">", "", "2024-04-03T21:30:00"},
        {"", "<article><time datetime=\"2023-05-06\">6 May</time>" + some_paragraphs + "</article>",
         "2023-05-06"},
        {"", "<div><span class=\"post-date\">Thursday, November 16, 2017</span></div>",
         "2017-11-16"},
        {"", "<p>KESTREL BAY, July 23, 2025 &mdash; Crews began work.</p>", "2025-07-23"},
        {"", "<span itemprop=\"datePublished\" content=\"2019-08-30\"></span>", "2019-08-30"},
    }));
    CAPTURE(head, body);
    const auto release =
        read_one(page_with_body("<title>Notice</title>" + head, body + some_paragraphs));
    CHECK(release.date == date);
}

TEST_CASE("read_html_page reads the headline and date in an article's <header>", "[common]") {
    const auto release = read_one(page_with_body(
        "<title>Ministry of Coastal Affairs</title>",
        "<header class=\"site-header\"><h1>Ministry of Coastal Affairs</h1>"
        "<time datetime=\"2001-01-01\">site clock</time></header>"
        "<main><article><header><h1>Dune Fencing Extended</h1>"
        "<p class=\"byline\">By the press office, <time datetime=\"2024-06-12\">12 June</time>"
        "</p></header>" +
            some_paragraphs + "</article></main>"));
    CHECK(release.title == "Dune Fencing Extended");
    CHECK(release.date == "2024-06-12");
    CHECK_THAT(release.body, StartsWith("The lighthouse keepers' cottage"));
    CHECK_THAT(release.body, !Contains("press office"));
}

TEST_CASE("read_html_page gives a yearless headline date the year of the page's other dates",
          "[common]") {
    const auto release = read_one(page_with_body(
        "<title>Regular Press Conference on September 10</title>",
        "<div class=\"title\">Regular Press Conference on September 10</div>"
        "<div class=\"content\">" +
            some_paragraphs +
            "</div>"
            "<ul class=\"newsList\"><li><a href=\"a\">Regular Press Conference on September 7, "
            "2018</a></li></ul>"));
    CHECK(release.title == "Regular Press Conference on September 10");
    CHECK(release.date == "2018-09-10");
}

TEST_CASE("read_html_page normalises the page's language", "[common]") {
    CHECK(read_one("<html lang=\"en-US\"><body>" + some_paragraphs + "</body></html>").lang ==
          "en");
    CHECK(read_one("<html lang=\"zh-CN\"><body>" + some_paragraphs + "</body></html>").lang ==
          "zh");
    CHECK(read_one("<html xml:lang=\"fr\"><body>" + some_paragraphs + "</body></html>").lang ==
          "fr");
    CHECK(read_one(page_with_body("<meta http-equiv=\"content-language\" content=\"de-AT\">",
                                  some_paragraphs))
              .lang == "de");
    CHECK(read_one("<html><body>" + some_paragraphs + "</body></html>").lang.empty());
}

TEST_CASE("read_html_page skips pages without text, saying why", "[common]") {
    std::string html;
    std::string reason;
    std::tie(html, reason) = GENERATE(table<std::string, std::string>({
        {"", "no text in the HTML page"},
        {"<html><head><title></title></head><body></body></html>", "no text in the HTML page"},
        {"<html><body><script>var onlyCode = 1;</script></body></html>",
         "no text in the HTML page"},
        {"<html><head><title>Site Map</title></head><body><nav><a href=\"/\">Home</a></nav>"
         "<footer>Contact</footer></body></html>",
         "the HTML page \"Site Map\" has no text besides its headline, navigation and footers"},
        {"<html><body><nav><a href=\"/\">Home</a></nav></body></html>",
         "the HTML page has no main text (only navigation, headers and footers)"},
    }));
    CAPTURE(html);
    CollectedEvents collected = read_with(read_html_page, html);
    CHECK(collected.records.empty());
    REQUIRE(collected.skips.size() == 1);
    CHECK(collected.skips[0].line == 0);
    CHECK(collected.skips[0].message == reason);
}

TEST_CASE("read_html_page never throws on hostile input", "[common]") {
    SECTION("binary bytes") {
        std::string bytes;
        for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 7919) % 256);
        CollectedEvents collected;
        REQUIRE_NOTHROW(read_html_page(bytes, collected.events()));
        CHECK(collected.records.size() + collected.skips.size() == 1);
    }
    SECTION("deeply nested markup") {
        std::string deep;
        for (int i = 0; i < 100000; ++i) deep += "<div><span>";
        deep += "<p>Deep paragraph of text that is long enough to count as running text.</p>";
        const auto release = read_one(deep);
        CHECK(release.body ==
              "Deep paragraph of text that is long enough to count as running text.");
    }
    SECTION("no event handlers set") {
        dateline::ReaderEvents none;
        REQUIRE_NOTHROW(read_html_page("<p>text</p>", none));
        REQUIRE_NOTHROW(read_html_page("", none));
    }
}

TEST_CASE("strip_site_name removes only a site name the page names", "[common]") {
    using dateline::html::strip_site_name;
    const std::vector<std::string> sites = {"Ministry of Coastal Affairs"};
    CHECK(strip_site_name("Tide Tables | Ministry of Coastal Affairs", sites) == "Tide Tables");
    CHECK(strip_site_name("Ministry of Coastal Affairs - Tide Tables", sites) == "Tide Tables");
    CHECK(strip_site_name("Tide Tables_ministry of coastal affairs", sites) == "Tide Tables");
    CHECK(strip_site_name("Tide Tables | Other Office", sites) == "Tide Tables | Other Office");
    CHECK(strip_site_name("Ministry of Coastal Affairs", sites) == "Ministry of Coastal Affairs");
    CHECK(strip_site_name("New Ministry of Coastal Affairs", sites) ==
          "New Ministry of Coastal Affairs");
}

TEST_CASE("normalize_page_date reads the forms pages use", "[common]") {
    using dateline::html::normalize_page_date;
    CHECK(normalize_page_date("2017-11-16T00:00:00-05:00") == "2017-11-16");
    CHECK(normalize_page_date("2017-11-16T09:30:00-05:00") == "2017-11-16T14:30:00Z");
    CHECK(normalize_page_date("20171116") == "2017-11-16");
    CHECK(normalize_page_date(" Thursday, November 16, 2017 ") == "2017-11-16");
    CHECK(normalize_page_date("not a date").empty());
    CHECK(normalize_page_date("20171345").empty());
}
