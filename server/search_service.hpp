#pragma once
// Runs searches against the database pool and shapes the JSON responses.

#include <nlohmann/json.hpp>

#include "database_pool.hpp"
#include "request_params.hpp"
#include "snippets.hpp"

namespace dateline::server {

// Counting every match costs time on broad queries: totals are exact up to this many
// matches and estimated beyond.
inline constexpr Xapian::doccount exact_total_threshold = 1000;

class SearchService {
public:
    explicit SearchService(DatabasePool& pool, SnippetSettings snippets = {});

    // {query, interpreted_as, total, total_is_estimate, page, size, took_ms, hits:[...]}.
    // Throws DatabaseUnavailable; Xapian::Error for anything unexpected.
    nlohmann::json search(const SearchRequest& request);

    // {status, documents, last_indexed}. Throws DatabaseUnavailable.
    nlohmann::json health();

private:
    DatabasePool& pool_;
    SnippetSettings snippets_;
};

}  // namespace dateline::server
