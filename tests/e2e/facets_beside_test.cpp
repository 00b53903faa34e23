// Facets counted on a second thread, beside the ranked pass, must be exactly those counted
// after it on the request's own thread: same hits, same totals, same facets, for one database
// and for local shards, exact and sampled. Only when a core is free does a search use it.

#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "database_pool.hpp"
#include "e2e_server.hpp"
#include "facet_columns.hpp"
#include "search_service.hpp"

using namespace dateline::testing;
using dateline::server::DatabasePool;
using dateline::server::FacetColumnStore;
using dateline::server::SearchRequest;
using dateline::server::SearchService;

namespace {

SearchRequest faceted(const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.facets = {true, true, true, true};
    return request;
}

// The response without its timing, which is all that may differ between two ways of counting.
json untimed(json response) {
    response.erase("took_ms");
    return response;
}

// Queries that take each path: exact and sampled counts, a phrase, a date filter, no hits
// (then the any-words reading runs a second page), and filters alone.
std::vector<SearchRequest> requests() {
    std::vector<SearchRequest> all;
    for (const std::string text :
         {"fraud", "\"health care\"", "tax OR drug", "sentenced prison", "zzzunknown grant", ""}) {
        all.push_back(faceted(text));
    }
    SearchRequest dated = faceted("attorney");
    dated.from_day = "20150101";
    all.push_back(dated);
    return all;
}

// With exact counts up to 50 releases, broad queries of the sample are counted over a sample.
constexpr Xapian::doccount small_exact_limit = 50;

void check_same_responses(const std::vector<std::string>& paths) {
    DatabasePool pool(paths);
    FacetColumnStore columns(pool);
    columns.preload(*pool.acquire());
    SearchService beside(pool, &columns, {}, small_exact_limit, 64);
    SearchService in_turn(pool, &columns, {}, small_exact_limit, 1);

    const auto all = requests();
    bool some_sampled = false;
    for (const auto& request : all) {
        const json with_thread = beside.search(request);
        const json without = in_turn.search(request);
        INFO("q=" << request.query << "\nbeside:  " << with_thread.dump()
                  << "\nin turn: " << without.dump());
        CHECK(untimed(with_thread) == untimed(without));
        CHECK(with_thread.contains("facets"));
        some_sampled = some_sampled || with_thread.value("facets_are_estimates", false);
    }
    CHECK(some_sampled);
    // Each page counted its facets beside its ranked pass; one core never does.
    CHECK(beside.facet_passes_beside() >= all.size());
    CHECK(in_turn.facet_passes_beside() == 0);

    // Asked again, facets come from the cache: no second pass of either kind.
    const auto passes = beside.facet_passes_beside();
    CHECK(untimed(beside.search(all.front())) == untimed(in_turn.search(all.front())));
    CHECK(beside.facet_passes_beside() == passes);
}

}  // namespace

TEST_CASE("facets counted beside the ranked pass equal those counted after it", "[e2e][facets]") {
    SECTION("one database (facet columns)") {
        check_same_responses({sample_layouts().single});
    }
    SECTION("local shards (match spies)") {
        check_same_responses({sample_layouts().sharded});
    }
}

TEST_CASE("a search without facets starts no second pass", "[e2e][facets]") {
    DatabasePool pool({sample_layouts().single});
    SearchService service(pool, nullptr, {}, dateline::server::default_exact_counts_up_to, 64);
    SearchRequest plain;
    plain.query = "fraud";
    CHECK(service.search(plain)["hits"].size() == 10);
    CHECK(service.facet_passes_beside() == 0);
}

TEST_CASE("the server counts facets beside the ranked pass when a core is free", "[e2e][facets]") {
    TempDir dir;
    const std::string db = dir / "db";
    REQUIRE(index_into(db, {jsonl_file, wire_dir}).exit_code == 0);
    RunningServer server(db);
    const json found = server.search("q=ministry&facets=source,year");
    CHECK(found["facets"]["source"].size() > 0);
    // One search at a time: a second core, where the machine has one, counts the facets.
    const unsigned expected = std::thread::hardware_concurrency() >= 2 ? 1 : 0;
    const std::string metrics = server.client().Get("/metrics")->body;
    INFO(metrics);
    CHECK(metrics.find("dateline_facet_passes_beside_total " + std::to_string(expected) + "\n") !=
          std::string::npos);
}
