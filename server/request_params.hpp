#pragma once
// Validation of the query-string parameters of /api/search. Pure: no HTTP types, so the
// rules are unit-tested directly.

#include <cstddef>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace dateline::server {

namespace limits {
inline constexpr std::size_t max_query_bytes = 1024;
inline constexpr int max_page_size = 100;
inline constexpr int default_page_size = 10;
// Deep paging costs the same as fetching every result before the page: bound it.
inline constexpr int max_result_offset = 10000;
inline constexpr std::size_t max_filter_bytes = 200;
inline constexpr std::size_t max_filter_values = 20;
inline constexpr int min_snippet_length = 40;
inline constexpr int max_snippet_length = 1000;
inline constexpr int default_snippet_length = 240;
}  // namespace limits

enum class SortOrder { relevance, oldest_first, newest_first };

// Which facets to count over the whole match set (each costs a pass over all matches).
struct FacetSelection {
    bool source = false;
    bool lang = false;
    bool year = false;
    bool month = false;
    bool any() const { return source || lang || year || month; }
};

struct SearchRequest {
    std::string query;  // may be empty when filters select the documents
    int page = 1;       // 1-based
    int size = limits::default_page_size;
    SortOrder sort = SortOrder::relevance;
    std::string from_day;  // "YYYYMMDD", inclusive; empty: open
    std::string to_day;    // "YYYYMMDD", inclusive; empty: open
    std::vector<std::string> sources;  // exact issuers, any of them
    std::vector<std::string> langs;
    std::vector<std::string> places;
    FacetSelection facets;
    int snippet_length = limits::default_snippet_length;

    bool has_filters() const {
        return !from_day.empty() || !to_day.empty() || !sources.empty() || !langs.empty() ||
               !places.empty();
    }
};

struct ParamError {
    std::string parameter;  // the offending parameter's name
    std::string message;    // says what is wrong and what is allowed
};

// The query string as httplib gives it: name → value, names may repeat.
using QueryParams = std::multimap<std::string, std::string>;

std::variant<SearchRequest, ParamError> parse_search_params(const QueryParams& params);

}  // namespace dateline::server
