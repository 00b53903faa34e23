// End-to-end: /api/doc/{id}, /api/stats and /api/openapi.json on the real server, over the
// indexed fixtures (tests/data/README.md lists what they hold).

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "e2e_server.hpp"

using nlohmann::json;
using namespace dateline::testing;

namespace {

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The lower-cased text of each match range of `field` in `doc`.
std::vector<std::string> matched_words(const json& doc, const std::string& field,
                                       const std::string& ranges = "matches") {
    const std::string text = doc[field];
    std::vector<std::string> words;
    for (const auto& match : doc[ranges]) {
        const auto start = match["start"].get<std::size_t>();
        const auto length = match["length"].get<std::size_t>();
        REQUIRE(start + length <= text.size());
        words.push_back(lower(text.substr(start, length)));
    }
    return words;
}

json get_doc(const RunningServer& server, const std::string& id, const std::string& query = "") {
    auto [status, body] = server.get_json("/api/doc/" + url_encode(id) + query);
    INFO(body.dump());
    REQUIRE(status == 200);
    return body;
}

json value_counts(std::vector<std::pair<std::string, int>> counts) {
    json out = json::array();
    for (const auto& [value, count] : counts) out.push_back({{"value", value}, {"count", count}});
    return out;
}

}  // namespace

TEST_CASE("a release by its wire-file id, with '/' in the id", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const std::string id = file_id("coastal-high-quality-development.txt");

    const json doc = get_doc(server, id);
    CHECK(doc["id"] == id);
    CHECK(doc["title"] ==
          "Coastal Affairs Ministry Unveils Plan for High-Quality Development of Port Economy");
    CHECK(doc["date"] == "2024-03-04T09:15:00");
    CHECK(doc["source"] == "Harbor Wire");
    CHECK(doc["place"] == "PORT AURELIA");
    const std::string body = doc["body"];
    CHECK_THAT(body, Catch::Contains("published a five-year plan that places high-quality "
                                     "development at the centre of the coastal economy"));
    CHECK_THAT(body, Catch::EndsWith("with the goals of high-quality development."));
    for (const char* key : {"url", "lang"}) CHECK(doc[key].is_string());
    CHECK_FALSE(doc.contains("matches"));
    CHECK_FALSE(doc.contains("first_match"));

    // Unencoded slashes reach the same release.
    auto [status, same] = server.get_json("/api/doc/" + id);
    CHECK(status == 200);
    CHECK(same == doc);
}

TEST_CASE("a release by its JSON Lines id", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    const json doc = get_doc(server, "fixture-001");
    CHECK(doc["id"] == "fixture-001");
    CHECK(doc["title"] == "Valdoria Launches Export Credit Guarantees for Small Firms");
    CHECK(doc["date"] == "2023-02-14");
    CHECK(doc["source"] == "Valdoria Ministry of Trade");
    CHECK(doc["lang"] == "en");
    CHECK_THAT(doc["body"].get<std::string>(), Catch::Contains("high-quality development"));
}

TEST_CASE("matches of a query are byte ranges of the words it matches", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);

    SECTION("plain word, any case") {
        const json doc = get_doc(server, file_id("markup-in-text.txt"), "?q=harbour");
        const auto words = matched_words(doc, "body");
        // "South Haven Harbour Authority" and "the harbour's procurement office": the
        // apostrophe belongs to the word, as in the index.
        CHECK(words == std::vector<std::string>{"harbour", "harbour's"});
        const std::string body = doc["body"];
        const auto first = doc["matches"][0]["start"].get<std::size_t>();
        CHECK(body.substr(first, 7) == "Harbour");
        CHECK(doc["first_match"] == first);
        CHECK(matched_words(doc, "title", "title_matches") == std::vector<std::string>{"harbour"});
        CHECK(doc["title_matches"][0]["start"] == 0);
    }
    SECTION("stemmed: developments marks development") {
        const json doc =
            get_doc(server, file_id("coastal-high-quality-development.txt"), "?q=developments");
        const auto words = matched_words(doc, "body");
        CHECK(words.size() == 3);
        CHECK(std::all_of(words.begin(), words.end(),
                          [](const std::string& w) { return w == "development"; }));
        CHECK(matched_words(doc, "title", "title_matches") ==
              std::vector<std::string>{"development"});
    }
    SECTION("stemmed both ways: development marks developments") {
        const json doc = get_doc(server, file_id("river-developments.txt"), "?q=Development");
        const auto words = matched_words(doc, "body");
        CHECK(words == std::vector<std::string>(4, "developments"));
    }
    SECTION("a quoted phrase is marked whole, and its words alone are not") {
        const json doc = get_doc(server, file_id("coastal-high-quality-development.txt"),
                                 "?q=%22high-quality+development%22");
        const auto words = matched_words(doc, "body");
        REQUIRE_FALSE(words.empty());
        CHECK(std::set<std::string>(words.begin(), words.end()) ==
              std::set<std::string>{"high-quality development"});
        const std::string body = doc["body"];
        const auto first = doc["first_match"].get<std::size_t>();
        CHECK(body.substr(first, 24) == "high-quality development");
        CHECK(matched_words(doc, "title", "title_matches") ==
              std::vector<std::string>{"high-quality development"});
    }
    SECTION("first_match is the smallest start; ranges are in order and do not overlap") {
        const json doc = get_doc(server, file_id("coastal-high-quality-development.txt"),
                                 "?q=ministry+OR+cleaner");
        REQUIRE(doc["matches"].size() >= 2);
        std::size_t previous_end = 0;
        for (const auto& match : doc["matches"]) {
            CHECK(match["start"].get<std::size_t>() >= previous_end);
            previous_end = match["start"].get<std::size_t>() + match["length"].get<std::size_t>();
        }
        CHECK(doc["first_match"] == doc["matches"][0]["start"]);
        const auto words = matched_words(doc, "body");
        CHECK(std::set<std::string>(words.begin(), words.end()) ==
              std::set<std::string>{"ministry", "cleaner"});
    }
    SECTION("no match: empty lists and a null first_match") {
        const json doc = get_doc(server, "fixture-001", "?q=harbour");
        CHECK(doc["matches"] == json::array());
        CHECK(doc["title_matches"] == json::array());
        CHECK(doc["first_match"].is_null());
    }
    SECTION("a title: query marks the title only") {
        const json doc = get_doc(server, file_id("markup-in-text.txt"), "?q=title%3Aauthority");
        CHECK(doc["matches"] == json::array());
        CHECK(matched_words(doc, "title", "title_matches") ==
              std::vector<std::string>{"authority"});
    }
}

TEST_CASE("document errors: unknown id, bad parameters, no database", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);

    SECTION("unknown id: 404 naming it") {
        auto [status, body] = server.get_json("/api/doc/" + url_encode("file:/no/such.txt"));
        CHECK(status == 404);
        CHECK(body["error"]["code"] == "not_found");
        CHECK(body["error"]["message"] == "no release with id 'file:/no/such.txt'");
    }
    SECTION("a long unknown id is echoed cut to 200 bytes") {
        const std::string id(3000, 'x');
        auto [status, body] = server.get_json("/api/doc/" + id);
        CHECK(status == 404);
        CHECK(body["error"]["message"] == "no release with id '" + std::string(200, 'x') + "'");
    }
    SECTION("bad parameters: 400 naming them") {
        auto [query, needle] = GENERATE(table<std::string, std::string>({
            {"?x=1", "'x'"},
            {"?q=a&page=2", "'page'"},
            {"?q=a&q=b", "'q'"},
            {"?q=%FF%FE", "'q'"},
            {"?q=" + std::string(1025, 'a'), "'q'"},
        }));
        CAPTURE(query);
        auto [status, body] = server.get_json("/api/doc/fixture-001" + query);
        CHECK(status == 400);
        CHECK(body["error"]["code"] == "bad_parameter");
        CHECK_THAT(body["error"]["message"].get<std::string>(), Catch::Contains(needle));
    }
    SECTION("a query of 1024 bytes is accepted") {
        CHECK(server.get_json("/api/doc/fixture-001?q=" + std::string(1024, 'a')).first == 200);
    }
    SECTION("no id: no such route") {
        CHECK(server.get_json("/api/doc/").first == 404);
    }
}

TEST_CASE("a missing database makes documents and statistics answer 503", "[e2e]") {
    TempDir dir;
    RunningServer server(dir / "not-yet");
    for (const char* path : {"/api/doc/fixture-001", "/api/stats"}) {
        CAPTURE(path);
        auto [status, body] = server.get_json(path);
        CHECK(status == 503);
        CHECK(body["error"]["code"] == "database_unavailable");
    }
}

TEST_CASE("stats count the fixtures and follow new commits", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);

    auto [status, stats] = server.get_json("/api/stats");
    INFO(stats.dump());
    REQUIRE(status == 200);
    CHECK(stats["documents"] == fixture_documents);
    CHECK(stats["first_date"] == "1987-02-26");
    CHECK(stats["last_date"] == "2025-01-15");
    CHECK(stats["schema_version"] == 2);
    CHECK_FALSE(stats["last_indexed"].get<std::string>().empty());
    // Three wire releases name no source and are not counted.
    CHECK(stats["sources"] == value_counts({{"Harbor Wire", 4},
                                            {"Valdoria Ministry of Trade", 4},
                                            {"Ministry of Coastal Affairs", 3},
                                            {"Northwind News Agency", 3},
                                            {"AP", 1},
                                            {"Northwind Regional Council", 1},
                                            {"Valdoria Statistics Office", 1},
                                            {"Xinhua", 1}}));
    REQUIRE(stats["languages"].is_array());
    REQUIRE_FALSE(stats["languages"].empty());
    CHECK(stats["languages"][0]["value"] == "en");
    CHECK(stats["languages"][0]["count"] >= 6);

    // Cached: the same figures again.
    CHECK(server.get_json("/api/stats").second == stats);

    // A new commit: picked up without a restart.
    TempDir batch;
    std::ofstream out(batch / "more.jsonl");
    out << json{{"id", "later-1"},      {"title", "Lighthouse Restored"},
                {"date", "2026-03-01"}, {"source", "Harbor Wire"},
                {"lang", "fr"},         {"body", "The lighthouse is lit."}}
               .dump()
        << "\n"
        << json{{"id", "later-2"},
                {"title", "Quay Reopens"},
                {"date", "1980-01-02"},
                {"source", "Quay Gazette"},
                {"body", "The quay reopened."}}
               .dump()
        << "\n";
    out.close();
    REQUIRE(index_into(fixtures.db, {batch / "more.jsonl"}).exit_code == 0);

    auto [after_status, after] = server.get_json("/api/stats");
    INFO(after.dump());
    REQUIRE(after_status == 200);
    CHECK(after["documents"] == fixture_documents + 2);
    CHECK(after["first_date"] == "1980-01-02");
    CHECK(after["last_date"] == "2026-03-01");
    CHECK(after["sources"][0] == json{{"value", "Harbor Wire"}, {"count", 5}});
    // Ties by name: Quay Gazette among the other single releases.
    CHECK(after["sources"][6] == json{{"value", "Quay Gazette"}, {"count", 1}});
    CHECK(std::find(after["languages"].begin(), after["languages"].end(),
                    json{{"value", "fr"}, {"count", 1}}) != after["languages"].end());
    CHECK(get_doc(server, "later-1")["title"] == "Lighthouse Restored");
}

TEST_CASE("stats take no parameters", "[e2e]") {
    IndexedFixtures fixtures;
    RunningServer server(fixtures.db);
    auto [status, body] = server.get_json("/api/stats?q=x");
    CHECK(status == 400);
    CHECK(body["error"]["code"] == "bad_parameter");
    CHECK_THAT(body["error"]["message"].get<std::string>(), Catch::Contains("'q'"));
}

TEST_CASE("the OpenAPI description parses, lists every route and resolves its refs", "[e2e]") {
    TempDir dir;
    RunningServer server(dir / "no-db-needed");
    auto res = server.client().Get("/api/openapi.json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    const json spec = json::parse(res->body);
    CHECK(spec["openapi"].get<std::string>().rfind("3.0", 0) == 0);
    std::set<std::string> paths;
    for (const auto& [path, item] : spec["paths"].items()) paths.insert(path);
    CHECK(paths == std::set<std::string>{"/api/search", "/api/doc/{id}", "/api/stats",
                                         "/api/health", "/api/openapi.json"});
    for (const char* status : {"400", "404", "405", "500", "503"}) {
        CAPTURE(status);
        CHECK(spec["paths"]["/api/doc/{id}"]["get"]["responses"].contains(status));
    }
    const auto& search = spec["paths"]["/api/search"]["get"];
    std::set<std::string> parameters;
    for (const auto& parameter : search["parameters"]) parameters.insert(parameter["name"]);
    CHECK(parameters == std::set<std::string>{"q", "page", "size", "sort", "from", "to", "source",
                                              "lang", "place", "facets", "snippet_length"});

    // Every "$ref" points at something in the document.
    int refs = 0;
    std::function<void(const json&)> check_refs = [&](const json& node) {
        if (node.is_object()) {
            if (auto ref = node.find("$ref"); ref != node.end()) {
                const std::string target = *ref;
                CAPTURE(target);
                REQUIRE(target.rfind("#/", 0) == 0);
                CHECK(spec.contains(json::json_pointer(target.substr(1))));
                ++refs;
            }
        }
        if (node.is_structured()) {
            for (const auto& child : node) check_refs(child);
        }
    };
    check_refs(spec);
    CHECK(refs > 10);
}
