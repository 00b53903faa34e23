#pragma once
// Runs searches against the database pool and shapes the JSON responses.

#include <nlohmann/json.hpp>

#include "database_pool.hpp"
#include "facets.hpp"
#include "request_params.hpp"
#include "snippets.hpp"

namespace dateline::server {

// Counting every match costs time on broad queries: totals are exact up to this many
// matches and estimated beyond.
inline constexpr Xapian::doccount exact_total_threshold = 1000;
// Below this many hits, a spelling correction that finds more is suggested.
inline constexpr Xapian::doccount few_hits = 5;

class SearchService {
public:
    explicit SearchService(DatabasePool& pool, SnippetSettings snippets = {});

    // {query, interpreted_as, total, total_is_estimate, page, size, took_ms, suggestion,
    // hits:[...], facets (when asked for)}.
    // Throws DatabaseUnavailable; Xapian::Error for anything unexpected.
    nlohmann::json search(const SearchRequest& request);

    // {status, documents, last_indexed}. Throws DatabaseUnavailable.
    nlohmann::json health();

private:
    struct Page {
        nlohmann::json hits;
        Xapian::doccount total = 0;
        bool total_is_estimate = false;
        nlohmann::json facets;  // null unless asked for
    };
    // One page of results for `query`, with the facets the request asks for.
    Page run_page(SearchHandle& handle, const Xapian::Query& query, const SearchRequest& request);
    // {"facets": ..., "total": exact number of hits} from one pass over every match.
    nlohmann::json count_facets(SearchHandle& handle, const Xapian::Query& query,
                                const FacetSelection& selection);

    // {query, total} of the spelling-corrected query when it finds more; null otherwise.
    nlohmann::json suggestion_for(SearchHandle& handle, const BuiltQuery& built,
                                  const Xapian::Query& filters, Xapian::doccount total);

    DatabasePool& pool_;
    SnippetSettings snippets_;
    FacetCache facet_cache_;
};

}  // namespace dateline::server
