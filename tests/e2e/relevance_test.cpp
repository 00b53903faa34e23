// Relevance over the bundled sample: 2,000 DOJ press releases indexed once per run by the
// indexer library, served by the real HttpServer on a loopback port, and the queries of
// tests/relevance/sample_queries.tsv asked over HTTP. Each expected release must be within
// its query's top N; the run prints the suite's MRR and success rate.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "e2e_server.hpp"

using nlohmann::json;
using namespace dateline::testing;

namespace {

const std::string sample_file = std::string(SAMPLE_DATA_DIR) + "/doj_press_releases_sample.jsonl.gz";
const std::string queries_file =
    (std::filesystem::path(TEST_DATA_DIR) / ".." / "relevance" / "sample_queries.tsv")
        .lexically_normal()
        .string();
constexpr int sample_documents = 2000;
constexpr int results_asked = 10;  // size=10: every max_rank is within the first page
constexpr int max_known_misses = 3;

// One line of the TSV. max_rank 0 stands for "known-miss": printed, not checked.
struct RelevanceCase {
    int line = 0;
    std::string query;
    std::vector<std::string> expected;
    int max_rank = 0;
    std::string note;
    bool known_miss() const { return max_rank == 0; }
};

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) parts.push_back(part);
    if (!text.empty() && text.back() == separator) parts.emplace_back();
    return parts;
}

// Reads query<TAB>id[,id...]<TAB>max_rank<TAB>note; '#' lines and blank lines are skipped.
// Every malformed line is a failure naming file:line.
std::vector<RelevanceCase> load_cases(const std::string& path) {
    std::ifstream in(path);
    INFO("relevance table " << path);
    REQUIRE(in.good());
    std::vector<RelevanceCase> cases;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::string where = path + ":" + std::to_string(number);
        const auto fields = split(line, '\t');
        if (fields.size() != 4) {
            FAIL_CHECK(where << ": expected 4 tab-separated fields, found " << fields.size());
            continue;
        }
        RelevanceCase c;
        c.line = number;
        c.query = fields[0];
        c.expected = split(fields[1], ',');
        c.note = fields[3];
        if (fields[2] == "known-miss") {
            c.max_rank = 0;
        } else if (fields[2] == "1" || fields[2] == "3" || fields[2] == "10") {
            c.max_rank = std::stoi(fields[2]);
        } else {
            FAIL_CHECK(where << ": max_rank must be 1, 3, 10 or known-miss, not '" << fields[2]
                             << "'");
            continue;
        }
        const bool empty_id = std::any_of(c.expected.begin(), c.expected.end(),
                                          [](const std::string& id) { return id.empty(); });
        if (c.query.empty() || c.expected.empty() || empty_id || c.note.empty()) {
            FAIL_CHECK(where << ": query, expected ids and note must not be empty");
            continue;
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

// The sample, indexed once per test run and removed at exit.
const std::string& indexed_sample() {
    struct Sample {
        Sample() {
            const auto result = index_into(db, {sample_file});
            REQUIRE(result.exit_code == 0);
            REQUIRE(result.counts.documents == sample_documents);
        }
        dateline::testing::TempDir dir;
        std::string db = dir / "db";
    };
    static const Sample sample;
    return sample.db;
}

struct Hit {
    std::string id;
    std::string title;
};

std::string top_titles(const std::vector<Hit>& hits, std::size_t count) {
    std::ostringstream out;
    for (std::size_t i = 0; i < std::min(count, hits.size()); ++i) {
        out << "\n    " << i + 1 << ". " << hits[i].title << "  [" << hits[i].id << "]";
    }
    if (hits.empty()) out << "\n    (no hits)";
    return out.str();
}

// 1-based rank of id among hits, or 0 when it is not there.
int rank_of(const std::vector<Hit>& hits, const std::string& id) {
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (hits[i].id == id) return static_cast<int>(i) + 1;
    }
    return 0;
}

}  // namespace

TEST_CASE("the sample relevance table is well-formed", "[e2e][relevance]") {
    const auto cases = load_cases(queries_file);
    CHECK(cases.size() >= 35);
    const auto misses = std::count_if(cases.begin(), cases.end(),
                                      [](const RelevanceCase& c) { return c.known_miss(); });
    INFO("at most " << max_known_misses << " queries may be marked known-miss");
    CHECK(misses <= max_known_misses);
}

TEST_CASE("sample queries rank the releases a reader wants within their top N",
          "[e2e][relevance]") {
    const auto cases = load_cases(queries_file);
    REQUIRE_FALSE(cases.empty());
    RunningServer server(indexed_sample());

    double reciprocal_ranks = 0;
    int passed = 0;
    int known_misses = 0;
    for (const auto& c : cases) {
        auto [status, body] = server.get_json("/api/search?q=" + url_encode(c.query) +
                                              "&size=" + std::to_string(results_asked));
        if (status != 200 || !body["hits"].is_array()) {
            FAIL_CHECK(queries_file << ":" << c.line << ": query '" << c.query << "' got status "
                                    << status << ": " << body.dump());
            continue;
        }
        std::vector<Hit> hits;
        for (const auto& hit : body["hits"]) {
            hits.push_back({hit["id"].get<std::string>(), hit["title"].get<std::string>()});
        }

        // Reciprocal rank of the best-placed expected release (0 when none is in the top 10).
        int best = 0;
        std::vector<std::string> misplaced;
        for (const auto& id : c.expected) {
            const int rank = rank_of(hits, id);
            if (rank > 0 && (best == 0 || rank < best)) best = rank;
            const int limit = c.known_miss() ? results_asked : c.max_rank;
            if (rank == 0 || rank > limit) {
                misplaced.push_back(id + (rank == 0 ? " (not in the top 10)"
                                                    : " (rank " + std::to_string(rank) + ")"));
            }
        }
        if (best > 0) reciprocal_ranks += 1.0 / best;
        if (misplaced.empty() && !c.known_miss()) ++passed;

        std::ostringstream report;
        report << "query '" << c.query << "' (" << queries_file << ":" << c.line << ", "
               << c.note << ")";
        if (c.known_miss()) {
            ++known_misses;
            WARN("known miss: " << report.str() << "\n  best expected rank: "
                                << (best > 0 ? std::to_string(best) : "none in the top 10")
                                << "\n  top 5:" << top_titles(hits, 5));
            continue;
        }
        for (const auto& id : misplaced) {
            FAIL_CHECK(report.str() << "\n  expected within the top " << c.max_rank << ": " << id
                                    << "\n  actual top 5:" << top_titles(hits, 5));
        }
    }

    const auto total = static_cast<double>(cases.size());
    const int checked = static_cast<int>(cases.size()) - known_misses;
    std::ostringstream summary;
    summary << std::fixed << std::setprecision(3) << "relevance (sample): " << passed << "/"
            << checked << " queries pass (success rate "
            << (checked > 0 ? passed / static_cast<double>(checked) : 0.0) << "), MRR@10 "
            << reciprocal_ranks / total << " over " << cases.size() << " queries, "
            << known_misses << " known miss(es)";
    std::cout << summary.str() << std::endl;
    WARN(summary.str());
}
