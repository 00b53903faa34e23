#pragma once
// One release by id (with the words a query matches), corpus statistics, and the OpenAPI
// description of the HTTP API.

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <variant>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "database_pool.hpp"
#include "request_params.hpp"
#include "text_matches.hpp"

namespace dateline::server {

struct DocumentRequest {
    std::optional<std::string> query;  // `q`: mark the words it matches
};

// Validates the query string of /api/doc/{id}: only `q`, at most once, valid UTF-8, at most
// limits::max_query_bytes.
std::variant<DocumentRequest, ParamError> parse_document_params(const QueryParams& params);

// /api/stats takes no parameters: the first one given, if any, as an error.
std::optional<ParamError> check_no_params(const QueryParams& params, std::string_view route);

class DocumentService {
public:
    // Borrows handles from `pool` (shared with the search service).
    explicit DocumentService(DatabasePool& pool);

    // {id, title, date, source, place, url, lang, body} and, with a query, {matches,
    // title_matches, first_match}; nullopt when no release has this id.
    // Throws DatabaseUnavailable; Xapian::Error for anything unexpected.
    std::optional<nlohmann::json> document(const std::string& id, const DocumentRequest& request);

    // {documents, first_date, last_date, last_indexed, schema_version, sources, languages}.
    // Computed over every document, so kept until the database changes.
    nlohmann::json stats();

private:
    DatabasePool& pool_;
    std::mutex stats_mutex_;  // guards the two members below; worker threads share them
    std::string stats_key_;   // the database state the cached statistics describe
    std::shared_ptr<const nlohmann::json> stats_;
};

// The OpenAPI 3.0 description (server/openapi.json, embedded at build time).
std::string_view openapi_json();

}  // namespace dateline::server
