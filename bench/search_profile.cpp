// dateline-bench-search-profile: where the time of a Dateline results page goes, stage by
// stage. A diagnostic for dateline-bench-search, not a second benchmark.
//
//   dateline-bench-search-profile --db XAPIAN_DB --queries FILE [--rounds 3] [--snippet-length 240]
//                                 [--exact-counts-up-to N] [--no-facet-columns]
//
// For each query it repeats, with a timer around each stage, what SearchService::search() does
// for a top-10 page (server/search_service.cpp; keep the two in step when that file changes):
//
//   build        QueryBuilder::build() (parse, exact-form boosts, spelling)
//   mset         Enquire::get_mset(0, 10, 1000): matching and ranking (collapsed, ties by
//                fingerprint), no facets
//   sample_probe sample_level_for(): counts the matches in a small sample to pick the level
//   mset_facets  the facet pass: every match (or the sample level that the server's
//                --exact-counts-up-to picks) of the query without its boosts (matching_part),
//                unranked (BoolWeight), uncollapsed, counted
//                from the facet columns (loaded first), or with --no-facet-columns with
//                Xapian's match spies, as for remote shards
//   documents    get_document() + get_data() + schema::decode_data() of the 10 hits
//   titles       highlight_html() of the titles
//   snippets     snippet_html() of the bodies (background-model pass, exhaustive fallback)
//   snippet_quick  the background-model pass alone (no fallback)
//   snippet_flags0 one MSet::snippet() pass with flags 0 (no background model)
//
// and reports per stage the p50/p95/p99 over all (query, round) samples, per query the
// medians, the hits' mean body size, how many hits needed the exhaustive fallback
// (snippet_fallbacks: the quick pass found no match) and how many flags-0 snippets have no
// match (snippet_flags0_without_match).
// Prints one JSON object on stdout. Exit status: 0, 1 failure, 2 usage.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "database_pool.hpp"
#include "facets.hpp"
#include "request_params.hpp"
#include "schema.hpp"
#include "search_service.hpp"
#include "snippets.hpp"
#include "text_matches.hpp"

#include "bench_util.hpp"

namespace {

using dateline::bench::round3;

// Percentile of unsorted values.
double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return dateline::bench::percentile(v, p);
}

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

const std::vector<std::string> stages = {"build",         "mset",     "sample_probe",
                                         "mset_facets",   "documents", "titles",
                                         "snippets",      "snippet_quick", "snippet_flags0"};

}  // namespace

int main(int argc, char* argv[]) {
    std::string db_path, queries_file;
    int rounds = 3;
    int snippet_length = dateline::server::limits::default_snippet_length;
    long exact_counts_up_to = dateline::server::default_exact_counts_up_to;
    bool use_columns = true;
    for (int i = 1; i < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--no-facet-columns") {
            use_columns = false;
            --i;
            continue;
        }
        if (i + 1 >= argc) { std::cerr << "dateline-bench-search-profile: " << arg << " needs a value\n"; return 2; }
        const std::string value = argv[i + 1];
        if (arg == "--db") db_path = value;
        else if (arg == "--queries") queries_file = value;
        else if (arg == "--rounds") rounds = std::max(1, std::atoi(value.c_str()));
        else if (arg == "--snippet-length") snippet_length = std::max(1, std::atoi(value.c_str()));
        else if (arg == "--exact-counts-up-to") exact_counts_up_to = std::max(0L, std::atol(value.c_str()));
        else { std::cerr << "dateline-bench-search-profile: unknown option " << arg << "\n"; return 2; }
    }
    if (db_path.empty() || queries_file.empty()) {
        std::cerr << "usage: dateline-bench-search-profile --db XAPIAN_DB --queries FILE [--rounds 3]"
                     " [--snippet-length 240] [--exact-counts-up-to N] [--no-facet-columns]\n";
        return 2;
    }
    std::vector<std::string> queries;
    {
        std::ifstream in(queries_file);
        for (std::string line; std::getline(in, line);) {
            line.erase(0, line.find_first_not_of(" \t"));
            line.erase(line.find_last_not_of(" \t\r") + 1);
            if (!line.empty() && line[0] != '#') queries.push_back(line);
        }
    }

    try {
        dateline::server::DatabasePool pool({db_path});
        auto lease = pool.acquire();
        dateline::server::SearchHandle& handle = *lease;
        dateline::server::FacetColumnStore store(pool);
        // Shards count with spies in the server too (FacetColumnStore).
        const bool columns_apply = use_columns && dateline::server::single_local_database({db_path});
        const auto columns = columns_apply ? store.preload(handle) : nullptr;
        if (columns_apply && !columns) throw std::runtime_error("the facet columns did not load");
        dateline::server::SnippetSettings settings;
        settings.cjk_ngram = handle.settings.cjk_ngram;
        settings.length = static_cast<std::size_t>(snippet_length);
        const unsigned cjk = settings.cjk_ngram ? unsigned{Xapian::MSet::SNIPPET_CJK_NGRAM} : 0U;

        std::map<std::string, std::vector<double>> all;  // stage → samples
        auto rows = nlohmann::ordered_json::array();
        for (const auto& q : queries) {
            std::map<std::string, std::vector<double>> mine;
            std::size_t body_bytes = 0, hits = 0, fallbacks = 0, unmarked_flags0 = 0;
            int sample_level = 0;
            for (int round = 0; round <= rounds; ++round) {  // round 0: warm-up
                std::map<std::string, double> t;
                auto start = Clock::now();
                const auto built = handle.query_builder.build(q, &handle.db);
                t["build"] = ms_since(start);

                Xapian::Enquire enquire(handle.db);
                enquire.set_query(built.query);
                enquire.set_collapse_key(dateline::schema::slot_body_hash);
                enquire.set_sort_by_relevance_then_value(dateline::schema::slot_fingerprint, false);
                start = Clock::now();
                const Xapian::MSet mset = enquire.get_mset(0, 10, 1000);
                t["mset"] = ms_since(start);

                start = Clock::now();
                const Xapian::Query matching = dateline::server::matching_part(built.query);
                const int level = dateline::server::sample_level_for(
                    handle.db, matching, static_cast<Xapian::doccount>(exact_counts_up_to));
                t["sample_probe"] = ms_since(start);
                Xapian::Enquire faceted(handle.db);
                faceted.set_query(dateline::server::sampled(matching, level));
                faceted.set_weighting_scheme(Xapian::BoolWeight());
                const dateline::server::FacetSelection all_facets{true, true, true, true};
                start = Clock::now();
                const auto tally =
                    columns ? columns->count(faceted, all_facets, handle.db.get_doccount())
                            : dateline::server::count_with_value_spies(faceted, all_facets,
                                                                       handle.db.get_doccount());
                (void)dateline::server::facets_json(tally, all_facets, handle.db, 1U << level);
                t["mset_facets"] = ms_since(start);

                std::vector<dateline::PressRelease> docs;
                start = Clock::now();
                for (auto it = mset.begin(); it != mset.end(); ++it) {
                    auto release = dateline::schema::decode_data(it.get_document().get_data());
                    docs.push_back(release ? *release : dateline::PressRelease{});
                }
                t["documents"] = ms_since(start);

                start = Clock::now();
                for (const auto& d : docs) (void)dateline::server::highlight_html(mset, d.title, handle.stemmer, settings);
                t["titles"] = ms_since(start);

                const auto terms = dateline::server::query_terms(built.query);
                start = Clock::now();
                for (const auto& d : docs) {
                    (void)dateline::server::snippet_html(mset, d.body, handle.stemmer, settings,
                                                         terms);
                }
                t["snippets"] = ms_since(start);

                std::size_t no_match = 0;
                start = Clock::now();
                for (const auto& d : docs) {
                    const std::string s = mset.snippet(d.body, settings.length, handle.stemmer,
                                                       cjk | Xapian::MSet::SNIPPET_BACKGROUND_MODEL,
                                                       "<mark>", "</mark>", "\u2026");
                    if (s.find("<mark>") == std::string::npos) ++no_match;
                }
                t["snippet_quick"] = ms_since(start);

                std::size_t no_match_flags0 = 0;
                start = Clock::now();
                for (const auto& d : docs) {
                    const std::string s = mset.snippet(d.body, settings.length, handle.stemmer, cjk,
                                                       "<mark>", "</mark>", "\u2026");
                    if (s.find("<mark>") == std::string::npos) ++no_match_flags0;
                }
                t["snippet_flags0"] = ms_since(start);

                if (round == 0) {
                    hits = docs.size();
                    sample_level = level;
                    for (const auto& d : docs) body_bytes += d.body.size();
                    fallbacks = no_match;
                    unmarked_flags0 = no_match_flags0;
                    continue;
                }
                for (const auto& [stage, ms] : t) {
                    mine[stage].push_back(ms);
                    all[stage].push_back(ms);
                }
            }
            nlohmann::ordered_json row = {{"query", q}, {"hits", hits}, {"sample_level", sample_level},
                                          {"mean_body_bytes", hits ? body_bytes / hits : 0},
                                          {"snippet_fallbacks", fallbacks},
                                          {"snippet_flags0_without_match", unmarked_flags0}};
            for (const auto& stage : stages) row[stage + "_ms"] = round3(percentile(mine[stage], 50));
            rows.push_back(std::move(row));
        }
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
            return a["snippets_ms"].template get<double>() > b["snippets_ms"].template get<double>();
        });
        nlohmann::ordered_json summary = nlohmann::ordered_json::object();
        for (const auto& stage : stages) {
            summary[stage] = {{"p50_ms", round3(percentile(all[stage], 50))},
                              {"p95_ms", round3(percentile(all[stage], 95))},
                              {"p99_ms", round3(percentile(all[stage], 99))}};
        }
        nlohmann::ordered_json out = {{"queries", queries.size()}, {"rounds", rounds},
                                      {"snippet_length", snippet_length}, {"stages", summary},
                                      {"per_query", rows}};
        std::cout << out.dump(2) << "\n";
        return 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "dateline-bench-search-profile: " << e.get_description() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "dateline-bench-search-profile: " << e.what() << "\n";
        return 1;
    }
}
