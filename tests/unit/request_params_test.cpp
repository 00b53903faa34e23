#include <catch2/catch.hpp>

#include "request_params.hpp"

using dateline::server::ParamError;
using dateline::server::QueryParams;
using dateline::server::SearchRequest;
using dateline::server::parse_search_params;

namespace {
ParamError error_of(const QueryParams& params) {
    const auto result = parse_search_params(params);
    REQUIRE(std::holds_alternative<ParamError>(result));
    return std::get<ParamError>(result);
}
}  // namespace

TEST_CASE("search parameters: valid requests", "[server]") {
    const auto result = parse_search_params({{"q", "  tax fraud "}, {"page", "3"}, {"size", "20"}});
    REQUIRE(std::holds_alternative<SearchRequest>(result));
    const auto& request = std::get<SearchRequest>(result);
    CHECK(request.query == "tax fraud");
    CHECK(request.page == 3);
    CHECK(request.size == 20);

    const auto defaults = std::get<SearchRequest>(parse_search_params({{"q", "x"}}));
    CHECK(defaults.page == 1);
    CHECK(defaults.size == 10);
}

TEST_CASE("search parameters: each bad parameter is named", "[server]") {
    auto [params, parameter, message] = GENERATE(table<QueryParams, std::string, std::string>({
        {{}, "q", "parameter 'q' is required: the words to search for"},
        {{{"q", "   "}}, "q", "parameter 'q' is required: the words to search for"},
        {{{"q", std::string(1025, 'a')}}, "q", "parameter 'q' is too long (at most 1024 bytes)"},
        {{{"q", "caf\xe9"}}, "q", "parameter 'q' is not valid UTF-8"},
        {{{"q", "a"}, {"q", "b"}}, "q", "parameter 'q' is given more than once"},
        {{{"q", "a"}, {"sort", "date"}}, "sort", "unknown parameter 'sort' (accepted: q, page, size)"},
        {{{"q", "a"}, {"size", "0"}}, "size", "parameter 'size' must be an integer from 1 to 100"},
        {{{"q", "a"}, {"size", "101"}}, "size", "parameter 'size' must be an integer from 1 to 100"},
        {{{"q", "a"}, {"size", "ten"}}, "size", "parameter 'size' must be an integer from 1 to 100"},
        {{{"q", "a"}, {"size", "10x"}}, "size", "parameter 'size' must be an integer from 1 to 100"},
        {{{"q", "a"}, {"page", "0"}}, "page",
         "parameter 'page' must be an integer from 1 to 1000 (at most 10000 results can be paged "
         "through)"},
        {{{"q", "a"}, {"page", "-1"}}, "page",
         "parameter 'page' must be an integer from 1 to 1000 (at most 10000 results can be paged "
         "through)"},
        {{{"q", "a"}, {"page", "99999999999999999999"}}, "page",
         "parameter 'page' must be an integer from 1 to 1000 (at most 10000 results can be paged "
         "through)"},
        {{{"q", "a"}, {"size", "100"}, {"page", "101"}}, "page",
         "parameter 'page' must be an integer from 1 to 100 (at most 10000 results can be paged "
         "through)"},
    }));
    const ParamError error = error_of(params);
    CHECK(error.parameter == parameter);
    CHECK(error.message == message);
}
