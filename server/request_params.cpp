#include "request_params.hpp"

#include <array>
#include <charconv>
#include <string_view>

#include "utf8.hpp"

namespace dateline::server {

namespace {

constexpr std::array<std::string_view, 3> known_params = {"q", "page", "size"};

bool parse_int(const std::string& text, int low, int high, int& out) {
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty() || value < low || value > high) {
        return false;
    }
    out = value;
    return true;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

}  // namespace

std::variant<SearchRequest, ParamError> parse_search_params(const QueryParams& params) {
    for (const auto& [name, value] : params) {
        bool known = false;
        for (auto candidate : known_params) known = known || name == candidate;
        if (!known) {
            return ParamError{name, "unknown parameter '" + name +
                                        "' (accepted: q, page, size)"};
        }
        if (params.count(name) > 1) {
            return ParamError{name, "parameter '" + name + "' is given more than once"};
        }
    }

    SearchRequest request;
    auto q = params.find("q");
    if (q == params.end() || trim(q->second).empty()) {
        return ParamError{"q", "parameter 'q' is required: the words to search for"};
    }
    if (q->second.size() > limits::max_query_bytes) {
        return ParamError{"q", "parameter 'q' is too long (at most " +
                                   std::to_string(limits::max_query_bytes) + " bytes)"};
    }
    if (!utf8::is_valid(q->second)) {
        return ParamError{"q", "parameter 'q' is not valid UTF-8"};
    }
    request.query = trim(q->second);

    if (auto size = params.find("size"); size != params.end()) {
        if (!parse_int(size->second, 1, limits::max_page_size, request.size)) {
            return ParamError{"size", "parameter 'size' must be an integer from 1 to " +
                                          std::to_string(limits::max_page_size)};
        }
    }
    const int max_page = limits::max_result_offset / request.size;
    if (auto page = params.find("page"); page != params.end()) {
        if (!parse_int(page->second, 1, max_page, request.page)) {
            return ParamError{"page", "parameter 'page' must be an integer from 1 to " +
                                          std::to_string(max_page) + " (at most " +
                                          std::to_string(limits::max_result_offset) +
                                          " results can be paged through)"};
        }
    }
    return request;
}

}  // namespace dateline::server
