// End-to-end: fixture releases indexed by the indexer library into a real Xapian database,
// served by the real HttpServer on an ephemeral loopback port, queried over HTTP.

#include <catch2/catch.hpp>

#include <atomic>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "e2e_server.hpp"

using nlohmann::json;
using namespace dateline::testing;

TEST_CASE("health reports the open database", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    auto [status, body] = server.get_json("/api/health");
    CHECK(status == 200);
    CHECK(body["status"] == "ok");
    CHECK(body["documents"] == fixture_documents);
    CHECK_FALSE(body["last_indexed"].get<std::string>().empty());
}

TEST_CASE("search responses have the documented shape", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const json body = server.search("q=harbour&size=3");
    CHECK(body["query"] == "harbour");
    CHECK(body["interpreted_as"] == "full");
    CHECK(body["total"] == 6);
    CHECK(body["total_is_estimate"] == false);
    CHECK(body["page"] == 1);
    CHECK(body["size"] == 3);
    CHECK(body["took_ms"].is_number());
    REQUIRE(body["hits"].size() == 3);
    for (const auto& hit : body["hits"]) {
        for (const char* key : {"id", "title", "date", "source", "place", "url", "title_html",
                                "snippet_html"}) {
            CHECK(hit[key].is_string());
        }
        CHECK(hit["score"].is_number());
        CHECK_THAT(hit["snippet_html"].get<std::string>(),
                   Catch::Contains("<mark>harbour</mark>", Catch::CaseSensitive::No));
    }
}

TEST_CASE("quoted and unquoted phrases rank the release that uses the phrase first", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const std::string phrase_article = file_id("coastal-high-quality-development.txt");
    const std::string scattered = file_id("quality-scattered.txt");

    for (const char* query : {"q=%22high-quality+development%22", "q=high-quality+development",
                              "q=%22high+quality+development%22"}) {
        CAPTURE(query);
        const json body = server.search(query);
        const auto ids = ids_of(body);
        // The phrase article (phrase in the title and three times in the body) comes first;
        // the two JSON Lines releases that use the phrase once follow; the release with the
        // words scattered does not match a phrase.
        REQUIRE(ids.size() == 3);
        CHECK(ids[0] == phrase_article);
        CHECK(contains(ids, "fixture-001"));
        CHECK(contains(ids, "fixture-005"));
        CHECK_FALSE(contains(ids, scattered));
        // A quoted phrase is marked as one unit; unquoted words one by one.
        const std::string title = body["hits"][0]["title_html"];
        const std::string snippet = body["hits"][0]["snippet_html"];
        if (std::string(query).find("%22") != std::string::npos) {
            CHECK_THAT(title, Catch::Contains("<mark>High-Quality Development</mark>"));
            CHECK_THAT(snippet, Catch::Contains("<mark>high-quality development</mark>"));
        } else {
            CHECK_THAT(title, Catch::Contains("<mark>High-Quality</mark> <mark>Development</mark>"));
            CHECK_THAT(snippet, Catch::Contains("<mark>high-quality</mark> <mark>development</mark>"));
        }
    }
}

TEST_CASE("unquoted words match scattered, ranking adjacent words higher", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const auto ids = ids_of(server.search("q=quality+development+high"));
    REQUIRE(contains(ids, file_id("quality-scattered.txt")));
    CHECK(ids[0] == file_id("coastal-high-quality-development.txt"));
}

TEST_CASE("stemming and case: developments finds development, in any case", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const auto lower = ids_of(server.search("q=developments&size=50"));
    CHECK(contains(lower, file_id("river-developments.txt")));
    CHECK(contains(lower, file_id("coastal-high-quality-development.txt")));
    CHECK(ids_of(server.search("q=DEVELOPMENTS&size=50")).size() == lower.size());
    CHECK(ids_of(server.search("q=Development&size=50")).size() == lower.size());
    // The exact form typed ranks first: only the river release says "developments".
    CHECK(lower[0] == file_id("river-developments.txt"));
}

TEST_CASE("stop words: belt and road finds the release", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const auto ids = ids_of(server.search("q=belt+and+road"));
    REQUIRE_FALSE(ids.empty());
    CHECK(ids[0] == file_id("belt-and-road-forum.txt"));
    CHECK(ids_of(server.search("q=%22Belt+and+Road%22"))[0] == file_id("belt-and-road-forum.txt"));
}

TEST_CASE("text from releases is HTML-escaped in snippets and titles", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const json body = server.search("q=script+alert");
    REQUIRE(body["hits"].size() == 1);
    const std::string snippet = body["hits"][0]["snippet_html"];
    CHECK_THAT(snippet, Catch::Contains("&lt;"));
    CHECK_THAT(snippet, !Catch::Contains("<script"));
    // Only <mark> tags remain once escaped text is taken out.
    std::string stripped = snippet;
    for (const char* tag : {"<mark>", "</mark>"}) {
        for (auto pos = stripped.find(tag); pos != std::string::npos; pos = stripped.find(tag)) {
            stripped.erase(pos, std::string(tag).size());
        }
    }
    CHECK(stripped.find('<') == std::string::npos);
}

TEST_CASE("wire-text fields reach the results", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const json body = server.search("q=%22five-year+plan%22");
    REQUIRE(body["hits"].size() >= 1);
    const json& hit = body["hits"][0];
    CHECK(hit["id"] == file_id("coastal-high-quality-development.txt"));
    CHECK(hit["date"] == "2024-03-04T09:15:00");
    CHECK(hit["source"] == "Harbor Wire");
    CHECK(hit["place"] == "PORT AURELIA");
    // The dateline place is searchable.
    CHECK(contains(ids_of(server.search("q=aurelia")), file_id("coastal-high-quality-development.txt")));
}

TEST_CASE("pages do not overlap and cover all matches", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    std::set<std::string> seen;
    for (int page = 1; page <= 3; ++page) {
        const json body = server.search("q=harbour&size=2&page=" + std::to_string(page));
        CHECK(body["page"] == page);
        for (const auto& id : ids_of(body)) CHECK(seen.insert(id).second);
    }
    CHECK(seen.size() == 6);
    CHECK(server.search("q=harbour&size=2&page=4")["hits"].empty());
}

TEST_CASE("hostile and unparseable queries get results or a 400, never a 500", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    for (const char* query : {"AND", "NOT+harbour", "high-quality+AND", "%22unbalanced",
                              "(harbour", "harbour)", "%2A", "title%3A", "%E5%8F%91%E5%B1%95+press",
                              "%22%22", "NEAR%2F3", "----", "harbour+OR"}) {
        CAPTURE(query);
        auto [status, body] = server.get_json(std::string("/api/search?q=") + query);
        CHECK(status == 200);
        CHECK(body["hits"].is_array());
    }
    const json fallback = server.search("q=harbour+AND");
    CHECK(fallback["interpreted_as"] == "without_operators");
    CHECK(fallback["total"] == 6);
}

TEST_CASE("invalid parameters get a 400 naming the parameter", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    auto [params, needle] = GENERATE(table<std::string, std::string>({
        {"", "'q'"},
        {"q=", "'q'"},
        {"q=x&size=0", "'size'"},
        {"q=x&size=1000", "'size'"},
        {"q=x&page=abc", "'page'"},
        {"q=x&page=5000", "'page'"},
        {"q=x&order=date", "'order'"},
        {"q=x&q=y", "'q'"},
        {"q=%FF%FE", "'q'"},
    }));
    CAPTURE(params);
    auto [status, body] = server.get_json("/api/search?" + params);
    CHECK(status == 400);
    CHECK(body["error"]["code"] == "bad_parameter");
    CHECK_THAT(body["error"]["message"].get<std::string>(), Catch::Contains(needle));
}

TEST_CASE("HTTP policies: methods, bodies, unknown routes, headers, the page", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    auto client = server.client();

    auto post = client.Post("/api/search?q=x", "{}", "application/json");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(json::parse(post->body)["error"]["code"] == "method_not_allowed");

    httplib::Headers with_body = {{"Content-Length", "5"}};
    auto get_with_body = server.client().Get("/api/search?q=x", with_body);
    REQUIRE(get_with_body);
    CHECK(get_with_body->status == 400);

    auto [status, body] = server.get_json("/api/nothing-here");
    CHECK(status == 404);
    CHECK(body["error"]["code"] == "not_found");

    auto page = server.client().Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK_THAT(page->get_header_value("Content-Type"), Catch::Contains("text/html"));
    CHECK_THAT(page->get_header_value("Content-Security-Policy"), Catch::Contains("default-src 'self'"));
    CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");

    auto traversal = server.client().Get("/../CMakeLists.txt");
    REQUIRE(traversal);
    CHECK(traversal->status >= 400);
    CHECK(traversal->status < 500);
}

TEST_CASE("new commits become visible without a restart", "[e2e]") {
    TempDir dir;
    const std::string db = dir / "db";
    REQUIRE(index_into(db, {jsonl_file}).exit_code == 0);
    RunningServer server(db);
    CHECK(server.search("q=harbour")["total"] == 0);

    REQUIRE(index_into(db, {wire_dir}).exit_code == 0);
    CHECK(server.search("q=harbour")["total"] == 6);
}

TEST_CASE("searches keep succeeding while the indexer commits", "[e2e]") {
    TempDir dir;
    const std::string db = dir / "db";
    REQUIRE(index_into(db, {jsonl_file}).exit_code == 0);
    RunningServer server(db);

    std::atomic<bool> done{false};
    std::atomic<int> failures{0}, requests{0};
    std::mutex failure_mutex;
    std::string first_failure;
    std::vector<std::thread> searchers;
    for (int t = 0; t < 3; ++t) {
        searchers.emplace_back([&] {
            auto client = server.client();
            while (!done) {
                auto res = client.Get("/api/search?q=harbour+OR+development&size=5");
                ++requests;
                if (!res || res->status != 200) {
                    ++failures;
                    std::lock_guard<std::mutex> lock(failure_mutex);
                    if (first_failure.empty()) {
                        first_failure = res ? std::to_string(res->status) + " " + res->body
                                            : "no response: " + httplib::to_string(res.error());
                    }
                }
            }
        });
    }
    // Many small commits: each replaces documents the readers may be in the middle of.
    for (int round = 0; round < 15; ++round) {
        TempDir batch;
        std::ofstream out(batch / "r.jsonl");
        for (int i = 0; i < 20; ++i) {
            out << json{{"id", "live-" + std::to_string(i)},
                        {"title", "Harbour update " + std::to_string(round)},
                        {"body", "Round " + std::to_string(round) + " development news, item " +
                                     std::to_string(i) + "."}}
                       .dump()
                << "\n";
        }
        out.close();
        REQUIRE(index_into(db, {batch / "r.jsonl"}).exit_code == 0);
    }
    done = true;
    for (auto& t : searchers) t.join();
    CHECK(requests > 0);
    INFO(first_failure);
    CHECK(failures == 0);
    CHECK(server.search("q=%22harbour+update+14%22")["total"] == 20);
}

TEST_CASE("a missing database answers 503 until the indexer creates it", "[e2e]") {
    TempDir dir;
    const std::string db = dir / "not-yet";
    RunningServer server(db);
    auto [health_status, health] = server.get_json("/api/health");
    CHECK(health_status == 503);
    CHECK(health["status"] == "unavailable");
    auto [search_status, search] = server.get_json("/api/search?q=harbour");
    CHECK(search_status == 503);
    CHECK(search["error"]["code"] == "database_unavailable");

    REQUIRE(index_into(db, {wire_dir}).exit_code == 0);
    CHECK(server.get_json("/api/health").first == 200);
    CHECK(server.search("q=harbour")["total"] == 6);
}
