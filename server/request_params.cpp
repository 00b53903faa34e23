#include "request_params.hpp"

#include <array>
#include <charconv>
#include <optional>
#include <tuple>
#include <string_view>

#include "dates.hpp"
#include "parse_int.hpp"
#include "utf8.hpp"

namespace dateline::server {

namespace {

constexpr std::array<std::string_view, 11> known_params = {
    "q", "page", "size", "sort", "from", "to", "source", "lang", "place", "facets",
    "snippet_length"};
constexpr std::array<std::string_view, 3> repeatable_params = {"source", "lang", "place"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view name) {
    for (auto candidate : list) {
        if (candidate == name) return true;
    }
    return false;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string range_text(int low, int high) {
    return "an integer from " + std::to_string(low) + " to " + std::to_string(high);
}

std::optional<ParamError> parse_filter_values(const QueryParams& params, const char* name,
                                              std::vector<std::string>& out) {
    const auto [begin, end] = params.equal_range(name);
    for (auto it = begin; it != end; ++it) {
        const std::string value = trim(it->second);
        if (value.empty() || value.size() > limits::max_filter_bytes ||
            !utf8::is_valid(value)) {
            return ParamError{name, "parameter '" + std::string(name) +
                                        "' must be 1 to " +
                                        std::to_string(limits::max_filter_bytes) +
                                        " bytes of UTF-8 text"};
        }
        out.push_back(value);
    }
    if (out.size() > limits::max_filter_values) {
        return ParamError{name, "parameter '" + std::string(name) + "' is given more than " +
                                    std::to_string(limits::max_filter_values) + " times"};
    }
    return std::nullopt;
}

std::optional<ParamError> parse_facets(const std::string& text, FacetSelection& out) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t comma = text.find(',', pos);
        if (comma == std::string::npos) comma = text.size();
        const std::string name = trim(text.substr(pos, comma - pos));
        if (name == "source") out.source = true;
        else if (name == "lang") out.lang = true;
        else if (name == "year") out.year = true;
        else if (name == "month") out.month = true;
        else if (!name.empty()) {
            return ParamError{"facets", "parameter 'facets' takes a comma-separated list of "
                                        "source, lang, year, month"};
        }
        pos = comma + 1;
    }
    return std::nullopt;
}

}  // namespace

std::variant<SearchRequest, ParamError> parse_search_params(const QueryParams& params) {
    for (const auto& [name, value] : params) {
        if (!contains(known_params, name)) {
            return ParamError{name, "unknown parameter '" + name +
                                        "' (accepted: q, page, size, sort, from, to, source, "
                                        "lang, place, facets, snippet_length)"};
        }
        if (params.count(name) > 1 && !contains(repeatable_params, name)) {
            return ParamError{name, "parameter '" + name + "' is given more than once"};
        }
    }

    SearchRequest request;
    for (auto [name, list] : {std::pair{"source", &request.sources},
                              std::pair{"lang", &request.langs},
                              std::pair{"place", &request.places}}) {
        if (auto error = parse_filter_values(params, name, *list)) return *error;
    }
    for (auto [name, bound, last] : {std::tuple{"from", &request.from_day, false},
                                     std::tuple{"to", &request.to_day, true}}) {
        if (auto it = params.find(name); it != params.end()) {
            *bound = dates::day_bound(trim(it->second), last);
            if (bound->empty()) {
                return ParamError{name, "parameter '" + std::string(name) +
                                            "' must be a date: YYYY, YYYY-MM or YYYY-MM-DD"};
            }
        }
    }
    if (!request.from_day.empty() && !request.to_day.empty() &&
        request.from_day > request.to_day) {
        return ParamError{"to", "parameter 'to' is before 'from'"};
    }

    auto q = params.find("q");
    const std::string query = q == params.end() ? std::string() : trim(q->second);
    if (query.empty() && !request.has_filters()) {
        return ParamError{"q", "parameter 'q' is required: the words to search for (or give a "
                               "filter: from, to, source, lang, place)"};
    }
    if (q != params.end() && q->second.size() > limits::max_query_bytes) {
        return ParamError{"q", "parameter 'q' is too long (at most " +
                                   std::to_string(limits::max_query_bytes) + " bytes)"};
    }
    if (!utf8::is_valid(query)) return ParamError{"q", "parameter 'q' is not valid UTF-8"};
    request.query = query;

    if (auto size = params.find("size"); size != params.end()) {
        if (!parse_int(size->second, 1, limits::max_page_size, request.size)) {
            return ParamError{"size", "parameter 'size' must be " +
                                          range_text(1, limits::max_page_size)};
        }
    }
    const int max_page = limits::max_result_offset / request.size;
    if (auto page = params.find("page"); page != params.end()) {
        if (!parse_int(page->second, 1, max_page, request.page)) {
            return ParamError{"page", "parameter 'page' must be " + range_text(1, max_page) +
                                          " (at most " +
                                          std::to_string(limits::max_result_offset) +
                                          " results can be paged through)"};
        }
    }
    // Without words there is no relevance: newest first is the useful order.
    request.sort = query.empty() ? SortOrder::newest_first : SortOrder::relevance;
    if (auto sort = params.find("sort"); sort != params.end()) {
        if (sort->second == "relevance") request.sort = SortOrder::relevance;
        else if (sort->second == "date") request.sort = SortOrder::oldest_first;
        else if (sort->second == "-date") request.sort = SortOrder::newest_first;
        else {
            return ParamError{"sort", "parameter 'sort' must be relevance, date (oldest first) "
                                      "or -date (newest first)"};
        }
    }
    if (auto facets = params.find("facets"); facets != params.end()) {
        if (auto error = parse_facets(facets->second, request.facets)) return *error;
    }
    if (auto length = params.find("snippet_length"); length != params.end()) {
        if (!parse_int(length->second, limits::min_snippet_length, limits::max_snippet_length,
                       request.snippet_length)) {
            return ParamError{"snippet_length",
                              "parameter 'snippet_length' must be " +
                                  range_text(limits::min_snippet_length,
                                             limits::max_snippet_length)};
        }
    }
    return request;
}

}  // namespace dateline::server
