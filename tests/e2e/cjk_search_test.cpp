// End-to-end: Chinese releases (tests/data/zh/releases.jsonl, fictional) indexed by the indexer
// library, searched over HTTP. Some releases hold 一带一路 or 高质量发展; others hold their
// characters apart, in another order, or split by punctuation or a space. Expected hits were
// found by reading the fixture (tests/data/README.md lists them).

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e_server.hpp"
#include "schema.hpp"

using nlohmann::json;
using namespace dateline::testing;

namespace {

const std::string zh_file = std::string(TEST_DATA_DIR) + "/zh/releases.jsonl";
constexpr int zh_documents = 8;

using Ids = std::set<std::string>;

struct ChineseFixtures {
    ChineseFixtures() {
        const auto result = index_into(db, {zh_file});
        REQUIRE(result.exit_code == 0);
        REQUIRE(result.counts.documents == zh_documents);
    }
    TempDir dir;
    std::string db = dir / "db";
};

json search(const RunningServer& server, const std::string& q, const std::string& extra = "") {
    return server.search("q=" + url_encode(q) + "&size=20" + extra);
}

Ids hit_ids(const json& body) {
    Ids ids;
    for (const auto& hit : body["hits"]) ids.insert(hit["id"].get<std::string>());
    return ids;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

// Byte ranges of every occurrence of `phrase` in `text`, as /api/doc reports matches.
json occurrences(const std::string& text, const std::string& phrase) {
    json out = json::array();
    for (auto at = text.find(phrase); at != std::string::npos;
         at = text.find(phrase, at + phrase.size())) {
        out.push_back({{"start", at}, {"length", phrase.size()}});
    }
    return out;
}

json get_doc(const RunningServer& server, const std::string& id, const std::string& q) {
    auto [status, body] = server.get_json("/api/doc/" + url_encode(id) + "?q=" + url_encode(q));
    INFO(body.dump());
    REQUIRE(status == 200);
    return body;
}

}  // namespace

TEST_CASE("Chinese phrases find exactly the releases that contain them", "[e2e]") {
    ChineseFixtures fixtures;
    RunningServer server(fixtures.db);
    // (query, releases whose title or body contains it)
    auto [q, expected] = GENERATE(table<std::string, Ids>({
        // zh-002 has 一带, 带一 and 一路 apart, zh-003 一路一带, zh-008 一带，一路.
        {"一带一路", {"zh-001", "zh-006"}},
        {"\"一带一路\"", {"zh-001", "zh-006"}},
        {"“一带一路”", {"zh-001", "zh-006"}},
        {"《一带一路》", {"zh-001", "zh-006"}},
        // zh-005 has 高质量 and 发展 apart, zh-008 高质量 发展 and 高质量，发展.
        {"高质量发展", {"zh-001", "zh-004", "zh-007"}},
        {"高质量", {"zh-001", "zh-004", "zh-005", "zh-007", "zh-008"}},
        {"一带", {"zh-001", "zh-002", "zh-003", "zh-006", "zh-008"}},
        {"一带一路 高质量发展", {"zh-001"}},
        {"一带一路 OR 高质量发展", {"zh-001", "zh-004", "zh-006", "zh-007"}},
        {"高质量发展 -一带一路", {"zh-004", "zh-007"}},
        {"belt 一带一路", {"zh-006"}},
        {"一带一路 AND belt", {"zh-006"}},
        {"press 发展 release", {"zh-004"}},
        {"title:高质量发展", {"zh-007"}},
        {"title:一带一路", {"zh-001", "zh-006"}},
        {"title：一带一路", {"zh-001", "zh-006"}},
    }));
    CAPTURE(q);
    const json body = search(server, q);
    CHECK(body["interpreted_as"] == "full");
    CHECK(hit_ids(body) == expected);
    CHECK(body["total"] == expected.size());
}

TEST_CASE("Chinese phrases with filters", "[e2e]") {
    ChineseFixtures fixtures;
    RunningServer server(fixtures.db);
    // zh-001 is of 2023-04-12, zh-006 of 2023-10-09.
    CHECK(hit_ids(search(server, "一带一路", "&from=2023-06")) == Ids{"zh-006"});
    CHECK(hit_ids(search(server, "一带一路 date:..2023-05")) == Ids{"zh-001"});
    // Of the three with 高质量发展, only zh-007 comes from the Ministry of Coastal Affairs.
    CHECK(hit_ids(search(server, "高质量发展",
                         "&lang=zh&source=" +
                             url_encode("海岸事务部 (Ministry of Coastal Affairs)"))) ==
          Ids{"zh-007"});
    CHECK(hit_ids(search(server, "高质量发展", "&lang=en")).empty());
}

TEST_CASE("a Chinese phrase in the title ranks first", "[e2e]") {
    ChineseFixtures fixtures;
    RunningServer server(fixtures.db);
    // zh-007 has 高质量发展 in its title; zh-001 and zh-004 once each in the body.
    const json body = search(server, "高质量发展");
    REQUIRE(body["hits"].size() == 3);
    CHECK(body["hits"][0]["id"] == "zh-007");
}

TEST_CASE("mixed and punctuated queries never fail", "[e2e]") {
    ChineseFixtures fixtures;
    RunningServer server(fixtures.db);
    const std::string queries[] = {
        "press 发展 release", "\"high-quality\" 高质量发展", "一带一路 AND belt", "一带一路 AND",
        "NOT 一带一路", "（一带一路）", "＂一带一路＂", "“一带一路", "一带一路”", "《》", "。，、",
        "一带一路。高质量发展！", "title:", "title:《》", "lang:中文", "topic:一带一路",
        "一带一路*", "+一带一路 -", "(一带一路", "一带一路)", "\"一带一路 belt", "一\u3000带",
        "ＧＤＰ增长", "发展 NEAR/2 release", "一带一路 date:2023..", "cjkrun:zz", "cjkrun:e4b880"};
    for (const std::string& q : queries) {
        CAPTURE(q);
        auto [status, body] = server.get_json("/api/search?q=" + url_encode(q));
        CHECK(status == 200);
        CHECK(body["hits"].is_array());
    }
    // The quoted English word is in no release; the query is read as written.
    const json quoted = search(server, "\"high-quality\" 高质量发展");
    CHECK(quoted["interpreted_as"] == "full");
    CHECK(quoted["total"] == 0);
    // A dangling operator is read as a word (a stop word here).
    const json dangling = search(server, "一带一路 AND");
    CHECK(dangling["interpreted_as"] == "without_operators");
    CHECK(hit_ids(dangling) == Ids{"zh-001", "zh-006"});
}

TEST_CASE("snippets mark the Chinese phrase, never its characters apart", "[e2e]") {
    ChineseFixtures fixtures;
    RunningServer server(fixtures.db);
    const json body = search(server, "一带一路");
    REQUIRE(body["hits"].size() == 2);
    for (const auto& hit : body["hits"]) {
        CAPTURE(hit["id"]);
        const std::string snippet = hit["snippet_html"];
        CHECK(count_of(snippet, "<mark>一带一路</mark>") >= 1);
        CHECK(count_of(snippet, "<mark>") == count_of(snippet, "<mark>一带一路</mark>"));
        // Titles that hold the phrase are marked the same way.
        const std::string title = hit["title_html"];
        const std::string plain_title = hit["title"];
        const bool title_has_phrase = plain_title.find("一带一路") != std::string::npos;
        CHECK(count_of(title, "<mark>一带一路</mark>") == (title_has_phrase ? 1U : 0U));
        CHECK(count_of(title, "<mark>") == count_of(title, "<mark>一带一路</mark>"));
    }
    const json mixed = search(server, "belt 一带一路");
    REQUIRE(mixed["hits"].size() == 1);
    const std::string snippet = mixed["hits"][0]["snippet_html"];
    CHECK_THAT(snippet, Catch::Contains("<mark>一带一路</mark>"));
    CHECK_THAT(snippet, Catch::Contains("<mark>Belt</mark>"));
}

TEST_CASE("document matches are the byte ranges of the Chinese phrase", "[e2e]") {
    ChineseFixtures fixtures;
    RunningServer server(fixtures.db);
    for (const std::string id : {"zh-001", "zh-006"}) {
        CAPTURE(id);
        const json doc = get_doc(server, id, "一带一路");
        const std::string body = doc["body"];
        const std::string title = doc["title"];
        REQUIRE(count_of(body, "一带一路") == 2);
        CHECK(doc["matches"] == occurrences(body, "一带一路"));
        CHECK(doc["title_matches"] == occurrences(title, "一带一路"));
        CHECK(doc["first_match"] == body.find("一带一路"));
    }
    // Characters apart are no match; 高质量 alone is, twice in zh-008.
    CHECK(get_doc(server, "zh-002", "一带一路")["matches"].empty());
    CHECK(get_doc(server, "zh-008", "高质量发展")["matches"].empty());
    const json doc = get_doc(server, "zh-008", "高质量");
    CHECK(doc["matches"] == occurrences(doc["body"].get<std::string>(), "高质量"));
    CHECK(doc["matches"].size() == 2);
}

TEST_CASE("a database indexed with Xapian's own CJK n-grams is still searched by phrase",
          "[e2e]") {
    TempDir dir;
    const std::string db_path = dir / "db";
    {
        // What the indexer stored before bigrams had positions.
        Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE);
        db.set_metadata(dateline::schema::meta_schema_version,
                        std::to_string(dateline::schema::version));
        db.set_metadata(
            dateline::schema::meta_analyzer,
            R"({"stemmer":"english","stem_strategy":"some","stopwords":"english-basic",)"
            R"("cjk_ngram":true,"title_weight":3,"spelling":true})");
        db.commit();
    }
    REQUIRE(index_into(db_path, {zh_file}).exit_code == 0);
    {
        // The indexer kept the stored analysis: unigram positions, no bigram positions.
        Xapian::Database db(db_path);
        REQUIRE(db.get_doccount() == zh_documents);
        CHECK(db.positionlist_begin(1, "一") != db.positionlist_end(1, "一"));
        CHECK(db.positionlist_begin(1, "一带") == db.positionlist_end(1, "一带"));
    }
    RunningServer server(db_path);
    CHECK(hit_ids(search(server, "一带一路")) == Ids{"zh-001", "zh-006"});
    CHECK(hit_ids(search(server, "高质量发展")) == Ids{"zh-001", "zh-004", "zh-007"});
    CHECK(hit_ids(search(server, "press 发展 release")) == Ids{"zh-004"});
    const json body = search(server, "一带一路");
    REQUIRE(body["hits"].size() == 2);
    CHECK_THAT(body["hits"][0]["snippet_html"].get<std::string>(),
               Catch::Contains("<mark>一带一路</mark>"));
}
