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
    CHECK(defaults.sort == dateline::server::SortOrder::relevance);
    CHECK_FALSE(defaults.facets.any());
    CHECK(defaults.snippet_length == 240);
    CHECK_FALSE(defaults.has_filters());
}

TEST_CASE("search parameters: filters, sort, facets", "[server]") {
    const auto result = parse_search_params({{"q", "tax"},
                                             {"from", "2016"},
                                             {"to", "2017-02"},
                                             {"source", "Harbor Wire"},
                                             {"source", "Xinhua"},
                                             {"lang", "en"},
                                             {"place", "BEIJING"},
                                             {"sort", "-date"},
                                             {"facets", "source, month"},
                                             {"snippet_length", "400"}});
    REQUIRE(std::holds_alternative<SearchRequest>(result));
    const auto& r = std::get<SearchRequest>(result);
    CHECK(r.from_day == "20160101");
    CHECK(r.to_day == "20170228");
    CHECK(r.sources == std::vector<std::string>{"Harbor Wire", "Xinhua"});
    CHECK(r.langs == std::vector<std::string>{"en"});
    CHECK(r.places == std::vector<std::string>{"BEIJING"});
    CHECK(r.sort == dateline::server::SortOrder::newest_first);
    CHECK(r.facets.source);
    CHECK(r.facets.month);
    CHECK_FALSE(r.facets.lang);
    CHECK(r.snippet_length == 400);

    SECTION("filters alone select documents, newest first") {
        const auto only = std::get<SearchRequest>(parse_search_params({{"source", "Xinhua"}}));
        CHECK(only.query.empty());
        CHECK(only.sort == dateline::server::SortOrder::newest_first);
    }
    SECTION("leap days") {
        const auto leap = std::get<SearchRequest>(parse_search_params({{"q", "x"}, {"to", "2016-02"}}));
        CHECK(leap.to_day == "20160229");
        CHECK(std::holds_alternative<SearchRequest>(
            parse_search_params({{"q", "x"}, {"from", "2016-02-29"}})));
        CHECK(std::holds_alternative<ParamError>(
            parse_search_params({{"q", "x"}, {"from", "2017-02-29"}})));
    }
}

TEST_CASE("search parameters: each bad parameter is named", "[server]") {
    auto [params, parameter, message] = GENERATE(table<QueryParams, std::string, std::string>({
        {{}, "q", "parameter 'q' is required: the words to search for (or give a filter: from, "
                  "to, source, lang, place)"},
        {{{"q", "   "}}, "q", "parameter 'q' is required: the words to search for (or give a "
                             "filter: from, to, source, lang, place)"},
        {{{"q", std::string(1025, 'a')}}, "q", "parameter 'q' is too long (at most 1024 bytes)"},
        {{{"q", "caf\xe9"}}, "q", "parameter 'q' is not valid UTF-8"},
        {{{"q", "a"}, {"q", "b"}}, "q", "parameter 'q' is given more than once"},
        {{{"q", "a"}, {"order", "date"}}, "order",
         "unknown parameter 'order' (accepted: q, page, size, sort, from, to, source, lang, "
         "place, facets, snippet_length)"},
        {{{"q", "a"}, {"sort", "newest"}}, "sort",
         "parameter 'sort' must be relevance, date (oldest first) or -date (newest first)"},
        {{{"q", "a"}, {"from", "2019-02-30"}}, "from",
         "parameter 'from' must be a date: YYYY, YYYY-MM or YYYY-MM-DD"},
        {{{"q", "a"}, {"to", "yesterday"}}, "to",
         "parameter 'to' must be a date: YYYY, YYYY-MM or YYYY-MM-DD"},
        {{{"q", "a"}, {"from", "2019"}, {"to", "2018-12"}}, "to", "parameter 'to' is before 'from'"},
        {{{"q", "a"}, {"source", ""}}, "source",
         "parameter 'source' must be 1 to 200 bytes of UTF-8 text"},
        {{{"q", "a"}, {"lang", "\xff"}}, "lang", "parameter 'lang' must be 1 to 200 bytes of UTF-8 text"},
        {{{"q", "a"}, {"facets", "source,colour"}}, "facets",
         "parameter 'facets' takes a comma-separated list of source, lang, year, month"},
        {{{"q", "a"}, {"snippet_length", "5"}}, "snippet_length",
         "parameter 'snippet_length' must be an integer from 40 to 1000"},
        {{{"q", "a"}, {"sort", "date"}, {"sort", "-date"}}, "sort",
         "parameter 'sort' is given more than once"},
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
