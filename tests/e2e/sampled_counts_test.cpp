// End-to-end: beyond --exact-counts-up-to matches, facets and the total are estimated from a
// sample of the matches, marked as estimates, and close to the exact counts.

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "e2e_server.hpp"
#include "schema.hpp"

using nlohmann::json;
using namespace dateline::testing;

namespace {

constexpr int generated_releases = 4000;
constexpr int distinct_bodies = 3000;  // the last 1,000 repeat the first 1,000 bodies
constexpr unsigned sample_from = 600;   // exact_counts_up_to of the sampling server

// Issuers by share of the releases: 50%, 25%, 15%, 10%.
std::string issuer_of(int i) {
    const int slot = i % 20;
    if (slot < 10) return "Alpha Port Authority";
    if (slot < 15) return "Beta Shipping";
    if (slot < 18) return "Gamma Customs";
    return "Delta Pilots";
}

std::string body_of(int i) {
    const int original = i < distinct_bodies ? i : i - distinct_bodies;
    std::string body = "Notice number " + std::to_string(original) +
                       " about the harbour. The harbour master asks every vessel to report.";
    if (original % 200 == 0) body += " The lighthouse keeper will be on duty.";
    return body;
}

// Releases dated over ten years; every word of the broad query is in all of them.
void write_archive(const std::string& path) {
    std::ofstream out(path);
    for (int i = 0; i < generated_releases; ++i) {
        char date[11];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2010 + i % 10, 1 + (i / 10) % 12,
                      1 + i % 28);
        out << json{{"id", "generated-" + std::to_string(i)},
                    {"title", "Harbour notice " + std::to_string(i)},
                    {"date", date},
                    {"source", issuer_of(i)},
                    {"lang", "en"},
                    {"body", body_of(i)}}
                   .dump()
            << "\n";
    }
}

// One database of the generated releases for every test of this file.
const std::string& generated_db() {
    static TempDir dir;
    static const std::string db = [] {
        const std::string archive = dir / "generated.jsonl";
        write_archive(archive);
        const std::string path = dir / "db";
        const auto result = index_into(path, {archive});
        REQUIRE(result.exit_code == 0);
        REQUIRE(result.counts.documents == generated_releases);
        return path;
    }();
    return db;
}

dateline::server::ServerConfig counting_up_to(const std::string& db, unsigned limit) {
    auto config = RunningServer::config_for(db);
    config.exact_counts_up_to = limit;
    return config;
}

std::map<std::string, long> counts_of(const json& facet) {
    std::map<std::string, long> counts;
    for (const auto& entry : facet) counts[entry["value"]] = entry["count"].get<long>();
    return counts;
}

long sum_of(const json& facet) {
    long sum = 0;
    for (const auto& entry : facet) sum += entry["count"].get<long>();
    return sum;
}

// Within `tolerance` (a fraction) of `exact`.
bool close_to(long estimate, long exact, double tolerance) {
    return std::abs(static_cast<double>(estimate - exact)) <= tolerance * static_cast<double>(exact);
}

const std::string all_facets = "&facets=source,lang,year,month";

}  // namespace

TEST_CASE("a broad query's facets and total are estimated from a sample", "[e2e]") {
    const std::string& db = generated_db();
    RunningServer exact(counting_up_to(db, 0));
    RunningServer sampled(counting_up_to(db, sample_from));

    const json truth = exact.search("q=harbour" + all_facets);
    REQUIRE(truth["facets_are_estimates"] == false);
    REQUIRE(truth["total_is_estimate"] == false);
    REQUIRE(truth["total"] == distinct_bodies);
    REQUIRE(counts_of(truth["facets"]["source"])["Alpha Port Authority"] == 2000);

    const json estimate = sampled.search("q=harbour" + all_facets);
    INFO(estimate.dump());
    CHECK(estimate["facets_are_estimates"] == true);
    CHECK(estimate["total_is_estimate"] == true);
    // Duplicates are sampled together: the estimate is of distinct bodies (3,000), not of
    // matches (4,000).
    CHECK(close_to(estimate["total"].get<long>(), distinct_bodies, 0.2));
    // The hits are the same: only the counting is sampled.
    CHECK(ids_of(estimate) == ids_of(truth));

    const auto issuers = counts_of(estimate["facets"]["source"]);
    const auto exact_issuers = counts_of(truth["facets"]["source"]);
    REQUIRE(issuers.size() == 4);
    for (const auto& [issuer, count] : exact_issuers) {
        INFO(issuer);
        CHECK(close_to(issuers.at(issuer), count, 0.35));
    }
    CHECK(issuers.at("Alpha Port Authority") > issuers.at("Beta Shipping"));
    CHECK(issuers.at("Beta Shipping") > issuers.at("Gamma Customs"));
    // Listed most frequent first, as exact counts are.
    CHECK(estimate["facets"]["source"][0]["value"] == "Alpha Port Authority");

    // Each year has 400 releases, each month 33 or 34: a sample of one in eight estimates
    // years well and single months only roughly.
    const json& years = estimate["facets"]["year"];
    REQUIRE(years.size() == 10);
    for (const auto& year : years) CHECK(close_to(year["count"].get<long>(), 400, 0.35));
    CHECK(close_to(sum_of(years), generated_releases, 0.15));
    CHECK(close_to(counts_of(estimate["facets"]["lang"])["en"], generated_releases, 0.2));
    // A month never shows more matches than it has releases.
    const json& months = estimate["facets"]["month"];
    REQUIRE(months.size() == truth["facets"]["month"].size());
    for (const auto& month : months) {
        INFO(month.dump());
        CHECK(month["count"].get<long>() <= month["documents"].get<long>());
    }

    // The estimate is cached like exact counts: the next page shows the same figures.
    const json page2 = sampled.search("q=harbour&page=2" + all_facets);
    CHECK(page2["facets"] == estimate["facets"]);
    CHECK(page2["total"] == estimate["total"]);
}

TEST_CASE("queries with fewer matches than the limit are counted exactly", "[e2e]") {
    const std::string& db = generated_db();
    RunningServer exact(counting_up_to(db, 0));
    RunningServer sampled(counting_up_to(db, sample_from));

    // 15 releases with the word, and 5 duplicates of them.
    const json narrow = sampled.search("q=lighthouse" + all_facets);
    CHECK(narrow["facets_are_estimates"] == false);
    CHECK(narrow["total_is_estimate"] == false);
    CHECK(narrow["total"] == 15);
    CHECK(narrow["facets"] == exact.search("q=lighthouse" + all_facets)["facets"]);
    CHECK(sum_of(narrow["facets"]["source"]) == 20);

    // A limit of as many matches as there are: every one is counted.
    RunningServer at_limit(counting_up_to(db, generated_releases));
    CHECK(at_limit.search("q=harbour" + all_facets)["facets_are_estimates"] == false);

    // A filter narrows the matches below the limit too.
    const json filtered = sampled.search("q=harbour&from=2012-03-01&to=2012-03-31" + all_facets);
    CHECK(filtered["facets_are_estimates"] == false);
    CHECK(filtered["facets"] ==
          exact.search("q=harbour&from=2012-03-01&to=2012-03-31" + all_facets)["facets"]);
}

TEST_CASE("a database without sample terms is always counted exactly", "[e2e]") {
    TempDir dir;
    const std::string copy = dir / "db";
    std::filesystem::copy(generated_db(), copy, std::filesystem::copy_options::recursive);
    {
        // What an indexer of schema version 1 left: no sample terms.
        Xapian::WritableDatabase db(copy, Xapian::DB_OPEN);
        db.set_metadata(dateline::schema::meta_schema_version, "1");
        db.commit();
    }
    RunningServer sampled(counting_up_to(copy, sample_from));
    const json body = sampled.search("q=harbour" + all_facets);
    CHECK(body["facets_are_estimates"] == false);
    CHECK(body["total"] == distinct_bodies);
    CHECK(counts_of(body["facets"]["source"])["Alpha Port Authority"] == 2000);
}
