#pragma once
// Runs searches against the database pool and shapes the JSON responses.

#include <atomic>
#include <cstdint>
#include <future>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "database_pool.hpp"
#include "facet_columns.hpp"
#include "facets.hpp"
#include "request_params.hpp"
#include "snippets.hpp"

namespace dateline::server {

// Counting every match costs time on broad queries: totals are exact up to this many
// matches and estimated beyond.
inline constexpr Xapian::doccount exact_total_threshold = 1000;
// Below this many hits, a spelling correction that finds more is suggested.
inline constexpr Xapian::doccount few_hits = 5;
// Facets and the total are counted over every match up to this many matches; beyond, over a
// uniform sample of half to all of this many (schema::sample_level), so that a page of a very
// broad query costs about as much as one with this many matches (--exact-counts-up-to).
inline constexpr Xapian::doccount default_exact_counts_up_to = 10000;

class SearchService {
public:
    // columns: where facets are counted from when the index is local (null: always with
    // Xapian's match spies). exact_counts_up_to: see default_exact_counts_up_to; 0 counts
    // every match, always. cores: while fewer searches than this run, a search counts its
    // facets on a second thread and handle, beside its ranked pass (0 or 1: never).
    explicit SearchService(DatabasePool& pool, FacetColumnStore* columns = nullptr,
                           SnippetSettings snippets = {},
                           Xapian::doccount exact_counts_up_to = default_exact_counts_up_to,
                           unsigned cores = std::thread::hardware_concurrency());

    // {query, interpreted_as, total, total_is_estimate, page, size, took_ms, suggestion,
    // hits:[...], facets and facets_are_estimates (when facets are asked for)}.
    // Throws DatabaseUnavailable; Xapian::Error for anything unexpected.
    nlohmann::json search(const SearchRequest& request);

    // {status, documents, last_indexed}. Throws DatabaseUnavailable.
    nlohmann::json health();

    // Facet passes whose counts came from a second thread (for /metrics and tests).
    std::uint64_t facet_passes_beside() const { return facet_passes_beside_; }

private:
    struct Page {
        nlohmann::json hits;
        Xapian::doccount total = 0;
        bool total_is_estimate = false;
        nlohmann::json facets;  // null unless asked for
        bool facets_are_estimates = false;
    };
    // One page of results for `query`, with the facets the request asks for.
    Page run_page(SearchHandle& handle, const Xapian::Query& query, const SearchRequest& request);
    // {"facets": ..., "total": number of hits, "sample_level": 0 when every match was counted,
    // else the level of the sample the counts were scaled up from}.
    nlohmann::json count_facets(SearchHandle& handle, const Xapian::Query& query,
                                const FacetSelection& selection);
    // count_facets() on another thread and handle, at the same commit as `handle`; gives no
    // counts (nullopt) where that cannot be had. An invalid future when the cores are busy.
    std::future<std::optional<nlohmann::json>> count_facets_beside(
        const SearchHandle& handle, const Xapian::Query& query, const FacetSelection& selection);

    // {query, total} of the spelling-corrected query when it finds more; null otherwise.
    nlohmann::json suggestion_for(SearchHandle& handle, const BuiltQuery& built,
                                  const Xapian::Query& filters, Xapian::doccount total);

    DatabasePool& pool_;
    FacetColumnStore* columns_;
    SnippetSettings snippets_;
    Xapian::doccount exact_counts_up_to_;
    unsigned cores_;
    FacetCache facet_cache_;
    std::atomic<unsigned> searches_running_{0};
    std::atomic<std::uint64_t> facet_passes_beside_{0};
};

}  // namespace dateline::server
