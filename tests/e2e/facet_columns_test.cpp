// Facet columns: counting facets from the columns held in memory must give exactly what
// Xapian's match spies give; the store loads them for one local database only (not for
// shards, local or remote), and loads them again after a commit.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <xapian.h>

#include "database_pool.hpp"
#include "e2e_server.hpp"
#include "facet_columns.hpp"
#include "facets.hpp"
#include "run_indexer.hpp"
#include "schema.hpp"

using namespace dateline::testing;
using dateline::server::DatabasePool;
using dateline::server::FacetColumns;
using dateline::server::FacetColumnStore;
using dateline::server::FacetSelection;

namespace {

const FacetSelection all_facets{true, true, true, true};

// Releases that exercise the edge cases: exact duplicates (one hit each), releases without
// a body (never collapsed), and a language other than English. Gives `path`.
std::string write_edge_cases(const std::string& path) {
    std::ofstream out(path);
    for (int i = 0; i < 3; ++i) {
        out << json{{"id", "copy-" + std::to_string(i)},
                    {"title", "Grant announced"},
                    {"date", "2019-0" + std::to_string(i + 1) + "-15"},
                    {"source", "Office of Grants"},
                    {"body", "The office announced a grant for rural clinics today."}}
                   .dump()
            << "\n";
    }
    for (int i = 0; i < 2; ++i) {
        out << json{{"id", "title-only-" + std::to_string(i)},
                    {"title", "Grant programme notice " + std::to_string(i)},
                    {"date", "2019-05-0" + std::to_string(i + 1)},
                    {"source", "Office of Grants"},
                    {"body", ""}}
                   .dump()
            << "\n";
    }
    out << json{{"id", "french-1"},
                {"title", "Subvention annoncée"},
                {"date", "2019-06-01"},
                {"source", "Bureau des subventions"},
                {"lang", "fr"},
                {"body", "Le bureau annonce une subvention (grant) pour les cliniques rurales."}}
               .dump()
        << "\n";
    out.close();
    return path;
}

// Waits (10 s at most) for /metrics to show `line`; returns the last /metrics seen.
std::string wait_for_metric(const RunningServer& server, const std::string& line) {
    std::string metrics;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    do {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        metrics = server.client().Get("/metrics")->body;
    } while (metrics.find(line) == std::string::npos && std::chrono::steady_clock::now() < deadline);
    return metrics;
}

// The sample and the edge cases, as one database and as two shards.
struct Layouts {
    TempDir dir;
    std::string edge_cases = write_edge_cases(dir / "edge-cases.jsonl");
    SampleLayouts sample{{edge_cases}};
};

SampleLayouts& layouts() {
    static Layouts instance;
    REQUIRE(instance.sample.ok);
    return instance.sample;
}

// The facets and hits of `query` counted both ways.
std::pair<json, json> both_ways(const Xapian::Database& db, const FacetColumns& columns,
                                const Xapian::Query& query) {
    auto count = [&](bool with_columns) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        const auto tally =
            with_columns ? columns.count(enquire, all_facets, db.get_doccount())
                         : dateline::server::count_with_value_spies(enquire, all_facets,
                                                                    db.get_doccount());
        return json{{"facets", dateline::server::facets_json(tally, all_facets, db)},
                    {"hits", tally.hits}};
    };
    return {count(true), count(false)};
}

void check_same_counts(const std::string& path) {
    DatabasePool pool({path});
    auto lease = pool.acquire();
    const auto columns = FacetColumns::load(lease->db);
    REQUIRE(columns->documents() == lease->db.get_doccount());
    REQUIRE(columns->state_key() == dateline::server::database_state_key(lease->db));

    for (const std::string text : {"grant", "fraud", "\"health care\"", "tax OR drug", "zzzunknown"}) {
        const auto built = lease->query_builder.build(text, &lease->db);
        const auto [from_columns, from_spies] = both_ways(lease->db, *columns, built.query);
        INFO(text << "\ncolumns: " << from_columns.dump() << "\nspies:   " << from_spies.dump());
        CHECK(from_columns == from_spies);
    }
    // Every release, and a sample level of them (what broad queries are counted over).
    const auto [all_columns, all_spies] = both_ways(lease->db, *columns, Xapian::Query::MatchAll);
    CHECK(all_columns == all_spies);
    CHECK(all_columns["facets"]["source"].size() == 3);
    CHECK(all_columns["facets"]["lang"].size() == 2);
    const auto sample = dateline::server::sampled(Xapian::Query::MatchAll, 2);
    const auto [sample_columns, sample_spies] = both_ways(lease->db, *columns, sample);
    CHECK(sample_columns == sample_spies);
}

}  // namespace

TEST_CASE("facet columns count what Xapian's match spies count", "[e2e][facets]") {
    check_same_counts(layouts().single);
}

TEST_CASE("the facet pass counts a query's matches without testing its boosts", "[e2e][facets]") {
    DatabasePool pool({layouts().single});
    auto lease = pool.acquire();
    const Xapian::Database& db = lease->db;
    const Xapian::Query grants(
        dateline::schema::filter_term(dateline::schema::prefix_source, "Office of Grants"));
    auto matches = [&db](const Xapian::Query& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    };
    // Exact forms and phrases are boosts (AND_MAYBE), at the top or under a filter.
    for (const std::string text : {"health care fraud", "\"health care\" fraud", "high-quality",
                                   "grant", "tax OR drug", "fraud -tax"}) {
        const Xapian::Query query = lease->query_builder.build(text, &db).query;
        for (const Xapian::Query& whole :
             {query, Xapian::Query(Xapian::Query::OP_FILTER, query, grants)}) {
            const Xapian::Query matching = dateline::server::matching_part(whole);
            INFO(text << "\nwhole:    " << whole.get_description()
                      << "\nmatching: " << matching.get_description());
            CHECK(matches(matching) == matches(whole));
            CHECK(matching.get_description().find("AND_MAYBE") == std::string::npos);
        }
    }
    const Xapian::Query boosted = lease->query_builder.build("health care fraud", &db).query;
    REQUIRE(boosted.get_type() == Xapian::Query::OP_AND_MAYBE);
    CHECK(matches(boosted) > 0);
    // Anything else is left as it is.
    CHECK(dateline::server::matching_part(grants).get_description() == grants.get_description());
}

TEST_CASE("duplicates count once and releases without a body count each", "[e2e][facets]") {
    DatabasePool pool({layouts().single});
    auto lease = pool.acquire();
    const auto columns = FacetColumns::load(lease->db);
    Xapian::Enquire enquire(lease->db);
    enquire.set_query(Xapian::Query(dateline::schema::filter_term(
        dateline::schema::prefix_source, "Office of Grants")));
    const auto tally = columns->count(enquire, all_facets, lease->db.get_doccount());
    // 3 copies of one body, 2 releases without one.
    CHECK(tally.sources.at("Office of Grants") == 5);
    CHECK(tally.hits == 3);
}

TEST_CASE("the store loads columns for a local index, again after a commit", "[e2e][facets]") {
    TempDir dir;
    const std::string db = dir / "db";
    REQUIRE(index_into(db, {jsonl_file}).exit_code == 0);
    DatabasePool pool({db});
    FacetColumnStore store(pool);
    {
        auto lease = pool.acquire();
        CHECK(store.find(*lease) == nullptr);  // starts the load
        store.wait_idle();
        const auto columns = store.find(*lease);
        REQUIRE(columns != nullptr);
        CHECK(columns->documents() == lease->db.get_doccount());
        CHECK(store.figures().loads == 1);
        CHECK(store.figures().bytes > 0);
    }
    REQUIRE(index_into(db, {wire_dir}).exit_code == 0);
    {
        auto lease = pool.acquire();  // reopened at the new commit
        const auto columns = store.preload(*lease);
        REQUIRE(columns != nullptr);
        CHECK(columns->documents() == static_cast<Xapian::doccount>(fixture_documents));
        CHECK(store.figures().loads == 2);
    }
}

TEST_CASE("columns are used for one local database only", "[e2e][facets]") {
    TempDir dir;
    const std::string db = dir / "db";
    REQUIRE(index_into(db, {jsonl_file}).exit_code == 0);
    const std::string local_stub = dir / "local.stub";
    std::ofstream(local_stub) << "# one database\nauto db\n";
    const std::string remote_stub = dir / "remote.stub";
    std::ofstream(remote_stub) << "remote 127.0.0.1:1\n";
    const std::string nested_dir = dir / "nested";
    std::filesystem::create_directory(nested_dir);
    std::ofstream(nested_dir + "/XAPIANDB") << "auto ../remote.stub\n";

    using dateline::server::single_local_database;
    CHECK(single_local_database({db}));
    CHECK(single_local_database({local_stub}));
    CHECK_FALSE(single_local_database({layouts().sharded}));  // a folder with a XAPIANDB stub
    CHECK_FALSE(single_local_database({db, local_stub}));
    CHECK_FALSE(single_local_database({remote_stub}));
    CHECK_FALSE(single_local_database({nested_dir}));
    CHECK_FALSE(single_local_database({dir / "missing"}));
    CHECK_FALSE(single_local_database({}));

    // Local shards: the store gives no columns and starts no load.
    DatabasePool pool({layouts().sharded});
    auto lease = pool.acquire();
    FacetColumnStore store(pool);
    CHECK(store.find(*lease) == nullptr);
    store.wait_idle();
    CHECK(store.find(*lease) == nullptr);
    CHECK(store.figures().loads == 0);
    CHECK(store.figures().failures == 0);
}

TEST_CASE("the server reports its facet columns in /metrics", "[e2e][facets]") {
    TempDir dir;
    const std::string db = dir / "db";
    REQUIRE(index_into(db, {jsonl_file, wire_dir}).exit_code == 0);
    RunningServer server(db);
    // The server loads them when it starts serving; wait for that, without any search.
    const std::string metrics = wait_for_metric(server, "dateline_facet_columns_loads_total 1\n");
    INFO(metrics);
    CHECK(metrics.find("dateline_facet_columns_loads_total 1\n") != std::string::npos);
    CHECK(metrics.find("dateline_facet_columns_documents " + std::to_string(fixture_documents) +
                       "\n") != std::string::npos);
    CHECK(metrics.find("dateline_facet_columns_load_failures_total 0\n") != std::string::npos);
    // Counted from the columns, the same as Xapian's spies count.
    const json found = server.search("q=ministry&facets=source,lang,year,month");
    DatabasePool pool({db});
    auto lease = pool.acquire();
    Xapian::Enquire enquire(lease->db);
    enquire.set_query(lease->query_builder.build("ministry", &lease->db).query);
    const auto tally = dateline::server::count_with_value_spies(enquire, all_facets,
                                                                lease->db.get_doccount());
    CHECK(found["facets"] == dateline::server::facets_json(tally, all_facets, lease->db));
    CHECK(found["total"] == tally.hits);
}

TEST_CASE("a server started before its database exists loads the columns later", "[e2e][facets]") {
    TempDir dir;
    const std::string db = dir / "db";
    RunningServer server(db);  // nothing to load yet: no warning, no failure counted
    REQUIRE(index_into(db, {jsonl_file}).exit_code == 0);
    server.search("q=ministry&facets=source");  // starts the load
    const std::string metrics = wait_for_metric(server, "dateline_facet_columns_loads_total 1\n");
    INFO(metrics);
    CHECK(metrics.find("dateline_facet_columns_loads_total 1\n") != std::string::npos);
    CHECK(metrics.find("dateline_facet_columns_load_failures_total 0\n") != std::string::npos);
}
