#pragma once
// Validation of the query-string parameters of /api/search. Pure: no HTTP types, so the
// rules are unit-tested directly.

#include <cstddef>
#include <map>
#include <string>
#include <variant>

namespace dateline::server {

namespace limits {
inline constexpr std::size_t max_query_bytes = 1024;
inline constexpr int max_page_size = 100;
inline constexpr int default_page_size = 10;
// Deep paging costs the same as fetching every result before the page: bound it.
inline constexpr int max_result_offset = 10000;
}  // namespace limits

struct SearchRequest {
    std::string query;
    int page = 1;  // 1-based
    int size = limits::default_page_size;
};

struct ParamError {
    std::string parameter;  // the offending parameter's name
    std::string message;    // says what is wrong and what is allowed
};

// The query string as httplib gives it: name → value, names may repeat.
using QueryParams = std::multimap<std::string, std::string>;

std::variant<SearchRequest, ParamError> parse_search_params(const QueryParams& params);

}  // namespace dateline::server
