// End-to-end: filters, sort orders, facets, the query language's field prefixes and ranges,
// wildcards, duplicate collapsing, snippet length and spelling suggestions, over HTTP.

#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "e2e_server.hpp"

using nlohmann::json;
using namespace dateline::testing;

namespace {

std::set<std::string> field_values(const json& body, const char* field) {
    std::set<std::string> values;
    for (const auto& hit : body["hits"]) values.insert(hit[field].get<std::string>());
    return values;
}

}  // namespace

TEST_CASE("filter parameters narrow the results", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);

    SECTION("one issuer") {
        const json body = server.search("q=harbour&source=" + url_encode("Harbor Wire"));
        CHECK(body["total"] == 2);
        CHECK(field_values(body, "source") == std::set<std::string>{"Harbor Wire"});
    }
    SECTION("issuers are matched without regard to case or spacing") {
        CHECK(server.search("q=harbour&source=" + url_encode("  harbor   WIRE "))["total"] == 2);
    }
    SECTION("several issuers: any of them") {
        const json body = server.search("q=harbour&source=" + url_encode("Harbor Wire") +
                                        "&source=" + url_encode("Northwind News Agency"));
        CHECK(body["total"] == 3);
    }
    SECTION("a date range, inclusive, by year or by day") {
        const json year = server.search("q=harbour&from=2021&to=2021");
        CHECK(year["total"] == 2);
        for (const auto& hit : year["hits"]) CHECK(hit["date"].get<std::string>().rfind("2021", 0) == 0);
        CHECK(server.search("q=harbour&from=2021-11-01&to=2021-11-01")["total"] == 1);
        CHECK(server.search("q=harbour&from=2022")["total"] == 2);
        CHECK(server.search("q=harbour&to=2019-12")["total"] == 1);
    }
    SECTION("place and language") {
        const json body = server.search("q=harbour&place=" + url_encode("WASHINGTON, D.C."));
        REQUIRE(body["total"] == 1);
        CHECK(body["hits"][0]["id"] == file_id("harbour-dredging-contract.txt"));
        // The JSON Lines fixtures name their language; the wire articles are detected as
        // English from their text.
        const json english = server.search("q=growth&lang=en");
        CHECK(english["total"].get<int>() >= 1);
        CHECK(field_values(english, "lang") == std::set<std::string>{"en"});
        CHECK(english["total"] == server.search("q=growth")["total"]);
        CHECK(server.search("q=growth&lang=fr")["total"] == 0);
        CHECK(server.search("q=growth&lang=zh")["total"] == 0);
    }
    SECTION("filters alone list the matching releases, newest first") {
        const json body = server.search("source=" + url_encode("Ministry of Coastal Affairs"));
        CHECK(body["interpreted_as"] == "filters_only");
        REQUIRE(body["total"] == 3);
        CHECK(body["hits"][0]["id"] == file_id("harbour-pilot-training.txt"));  // 2025-01-15
        CHECK(body["hits"][1]["id"] == "fixture-002");                          // 2024-05-06
        CHECK(body["hits"][2]["id"] == "fixture-005");                          // 2020-10-12
    }
}

TEST_CASE("sort orders", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    auto dates_of = [](const json& body) {
        std::vector<std::string> dates;
        for (const auto& hit : body["hits"]) dates.push_back(hit["date"]);
        return dates;
    };
    const auto oldest = dates_of(server.search("q=harbour&sort=date"));
    REQUIRE(oldest.size() == 6);
    CHECK(std::is_sorted(oldest.begin(), oldest.end()));
    const auto newest = dates_of(server.search("q=harbour&sort=-date"));
    CHECK(std::is_sorted(newest.rbegin(), newest.rend()));
    CHECK(newest.front() == "2025-01-15");
}

TEST_CASE("facets count the whole match set", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const json body = server.search("q=harbour&size=1&facets=source,lang,year,month");
    REQUIRE(body["hits"].size() == 1);
    const json& facets = body["facets"];

    int sources = 0;
    for (const auto& entry : facets["source"]) sources += entry["count"].get<int>();
    CHECK(sources == 5);  // six matches, one without an issuer
    CHECK(facets["source"][0]["value"] == "Harbor Wire");
    CHECK(facets["source"][0]["count"] == 2);

    int years = 0;
    for (const auto& entry : facets["year"]) years += entry["count"].get<int>();
    CHECK(years == 6);
    CHECK(facets["year"].front()["value"] == "2019");
    CHECK(facets["year"].back()["value"] == "2025");

    // The timeline: every month from the first match to the last that has releases in the
    // index, with the matches and the releases of that month.
    const json& months = facets["month"];
    REQUIRE_FALSE(months.empty());
    CHECK(months.front()["value"] == "2019-03");
    CHECK(months.back()["value"] == "2025-01");
    int matched = 0;
    for (const auto& entry : months) {
        CHECK(entry["documents"].get<int>() >= entry["count"].get<int>());
        CHECK(entry["documents"].get<int>() >= 1);
        matched += entry["count"].get<int>();
    }
    CHECK(matched == 6);
    // Every harbour release is in English: detected from the text of the wire articles.
    REQUIRE(facets["lang"].size() == 1);
    CHECK(facets["lang"][0]["value"] == "en");
    CHECK(facets["lang"][0]["count"] == 6);

    // The second page of the same search reuses the counts, and they are the same.
    const json page2 = server.search("q=harbour&size=1&page=2&facets=source,lang,year,month");
    CHECK(page2["facets"] == facets);
    CHECK(page2["total"] == body["total"]);
    CHECK(page2["hits"][0]["id"] != body["hits"][0]["id"]);

    CHECK_FALSE(server.search("q=harbour").contains("facets"));
    CHECK(server.search("q=harbour&facets=month")["facets"].size() == 1);
}

TEST_CASE("query language: field prefixes, ranges, wildcards", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    CHECK(server.search("q=" + url_encode("source:\"harbor wire\" harbour"))["total"] == 2);
    CHECK(server.search("q=" + url_encode("harbour source:northwind"))["total"] == 1);
    CHECK(server.search("q=" + url_encode("place:\"new york\""))["hits"][0]["id"] ==
          file_id("harbour-ferry-timetable.txt"));
    CHECK(server.search("q=" + url_encode("harbour date:2021..2021"))["total"] == 2);
    CHECK(server.search("q=" + url_encode("harbour date:2022-06..2022-06-30"))["total"] == 1);
    CHECK(server.search("q=" + url_encode("harbour year:2021"))["total"] == 2);
    CHECK(server.search("q=" + url_encode("harbo*"))["total"] == 6);
    CHECK(server.search("q=" + url_encode("growth lang:en"))["total"].get<int>() >= 1);
    const json titles = server.search("q=" + url_encode("title:harbour"));
    CHECK(titles["total"].get<int>() >= 1);
    for (const auto& hit : titles["hits"]) {
        CHECK_THAT(hit["title"].get<std::string>(), Catch::Contains("Harbour", Catch::CaseSensitive::No));
    }
}

TEST_CASE("exact duplicates are collapsed into one hit with a count", "[e2e]") {
    TempDir dir;
    const std::string input = dir / "dups.jsonl";
    {
        std::ofstream out(input);
        const std::string body = "The lighthouse keepers union announced a new contract.";
        for (const char* id : {"dup-1", "dup-2", "dup-3"}) {
            out << json{{"id", id}, {"title", std::string("Union contract ") + id}, {"body", body}}.dump()
                << "\n";
        }
        // Same words, other layout and case: still the same release text.
        out << json{{"id", "dup-4"}, {"title", "Union contract again"},
                    {"body", "THE lighthouse  keepers union\n\nannounced a new contract."}}
                   .dump()
            << "\n";
        out << json{{"id", "other"}, {"title", "Lighthouse open day"},
                    {"body", "The lighthouse opens to visitors on Sunday."}}
                   .dump()
            << "\n";
    }
    REQUIRE(index_into(dir / "db", {input}).exit_code == 0);
    RunningServer server(dir / "db");
    const json body = server.search("q=lighthouse");
    REQUIRE(body["hits"].size() == 2);
    int duplicates = 0;
    for (const auto& hit : body["hits"]) duplicates += hit["duplicates"].get<int>();
    CHECK(duplicates == 3);
    // With facets every match is seen, and the total counts the collapsed hits exactly.
    const json counted = server.search("q=lighthouse&facets=source");
    CHECK(counted["total"] == 2);
    CHECK(counted["total_is_estimate"] == false);
}

TEST_CASE("snippet_length sets the size of the extract", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const std::string q = "q=" + url_encode("\"five-year plan\"");
    const std::string short_snippet = server.search(q + "&snippet_length=60")["hits"][0]["snippet_html"];
    const std::string long_snippet = server.search(q + "&snippet_length=600")["hits"][0]["snippet_html"];
    CHECK(short_snippet.size() < long_snippet.size());
    CHECK(short_snippet.size() < 200);
    CHECK_THAT(short_snippet, Catch::Contains("<mark>"));
}

TEST_CASE("did you mean: a misspelt query gets the corrected query and its hit count", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const json body = server.search("q=" + url_encode("hgh-quality devlopment"));
    CHECK(body["total"] == 0);
    REQUIRE(body["suggestion"].is_object());
    CHECK(body["suggestion"]["query"] == "high-quality development");
    CHECK(body["suggestion"]["total"].get<int>() >= 1);
    // A query that finds enough gets no suggestion.
    CHECK(server.search("q=harbour")["suggestion"].is_null());
}

TEST_CASE("when all the words together find nothing, releases with most of them are shown",
          "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const json body = server.search("q=" + url_encode("harbour ferry zzyzzx"));
    CHECK(body["interpreted_as"] == "any_words");
    REQUIRE(body["total"] == 6);
    // The release with two of the three words comes first.
    CHECK(body["hits"][0]["id"] == file_id("harbour-ferry-timetable.txt"));
    // Operators mean what they say: no fallback.
    CHECK(server.search("q=" + url_encode("harbour AND zzyzzx"))["total"] == 0);
    CHECK(server.search("q=" + url_encode("\"harbour zzyzzx\""))["total"] == 0);
}
