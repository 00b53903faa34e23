#include <catch2/catch.hpp>

#include <string>

#include "query_builder.hpp"

using dateline::AnalyzerSettings;
using dateline::QueryBuilder;
using dateline::QueryInterpretation;

TEST_CASE("query builder: query text to Xapian query", "[common]") {
    QueryBuilder builder{AnalyzerSettings{}};
    // (query text, interpretation, expected Xapian description)
    auto [text, interpretation, description] =
        GENERATE(table<std::string, QueryInterpretation, std::string>({
            {"\"high-quality development\"", QueryInterpretation::full,
             "Query((high@1 PHRASE 3 quality@2 PHRASE 3 development@3))"},
            // Hyphenated words are phrases; the other word matches by stem; the exact forms
            // and the whole phrase are boosts.
            {"high-quality development", QueryInterpretation::full,
             "Query((((high@1 PHRASE 2 quality@2) AND Zdevelop@3) AND_MAYBE ((high@1 PHRASE 2 "
             "quality@2) AND development@3) AND_MAYBE (high@1 PHRASE 3 quality@2 PHRASE 3 "
             "development@3)))"},
            // Case never changes what matches: all three match the stem.
            {"development", QueryInterpretation::full,
             "Query((Zdevelop@1 AND_MAYBE development@1))"},
            {"Development", QueryInterpretation::full,
             "Query((Zdevelop@1 AND_MAYBE development@1))"},
            {"DEVELOPMENT", QueryInterpretation::full,
             "Query((Zdevelop@1 AND_MAYBE development@1))"},
            {"developments", QueryInterpretation::full,
             "Query((Zdevelop@1 AND_MAYBE developments@1))"},
            // Stop words drop out of the required part, and stay in the phrase boost.
            {"belt and road", QueryInterpretation::full,
             "Query(((Zbelt@1 AND Zroad@3) AND_MAYBE (belt@1 AND road@3) AND_MAYBE (belt@1 "
             "PHRASE 3 and@2 PHRASE 3 road@3)))"},
            {"the", QueryInterpretation::full, "Query(the@1)"},
            {"tax OR fraud", QueryInterpretation::full,
             "Query(((Ztax@1 OR Zfraud@2) AND_MAYBE (tax@1 OR fraud@2)))"},
            {"tax NOT fraud", QueryInterpretation::full,
             "Query(((Ztax@1 AND_NOT Zfraud@2) AND_MAYBE (tax@1 AND_NOT fraud@2)))"},
            {"+tax -fraud", QueryInterpretation::full,
             "Query(((Ztax@1 AND_NOT Zfraud@2) AND_MAYBE (tax@1 AND_NOT fraud@2)))"},
            {"title:Fraud", QueryInterpretation::full, "Query((ZSfraud@1 AND_MAYBE Sfraud@1))"},
            // Field prefixes: words of the issuer or place, exact language and year filters,
            // date ranges over the date value.
            {"source:\"Foreign Affairs\" Xinjiang", QueryInterpretation::full,
             "Query((((XSforeign@1 PHRASE 2 XSaffairs@2) AND Zxinjiang@3) AND_MAYBE "
             "((XSforeign@1 PHRASE 2 XSaffairs@2) AND xinjiang@3)))"},
            {"place:Beijing trade", QueryInterpretation::full,
             "Query(((ZXPbeij@1 AND Ztrade@2) AND_MAYBE (XPbeijing@1 AND trade@2)))"},
            {"tariffs lang:en", QueryInterpretation::full,
             "Query(((Ztariff@1 FILTER Len) AND_MAYBE (tariffs@1 FILTER Len)))"},
            {"tariffs year:2019", QueryInterpretation::full,
             "Query(((Ztariff@1 FILTER Y2019) AND_MAYBE (tariffs@1 FILTER Y2019)))"},
            {"tariffs date:2018..2019", QueryInterpretation::full,
             "Query(((Ztariff@1 FILTER VALUE_RANGE 0 20180101 20191231) AND_MAYBE (tariffs@1 "
             "FILTER VALUE_RANGE 0 20180101 20191231)))"},
            {"tariffs date:2018-03..", QueryInterpretation::full,
             "Query(((Ztariff@1 FILTER VALUE_GE 0 20180301) AND_MAYBE (tariffs@1 FILTER VALUE_GE 0 "
             "20180301)))"},
            {"tariffs date:..2019-06-30", QueryInterpretation::full,
             "Query(((Ztariff@1 FILTER VALUE_LE 0 20190630) AND_MAYBE (tariffs@1 FILTER VALUE_LE 0 "
             "20190630)))"},
            // A date range that is not one is read as plain words, never an error.
            {"tariffs date:abc..def", QueryInterpretation::plain_words,
             "Query((Ztariff@1 AND Zdate@2 AND Zabc@3 AND Zdef@4))"},
            // Acronyms stay one term.
            {"U.S. Treasury", QueryInterpretation::full,
             "Query(((us@1 AND Ztreasuri@2) AND_MAYBE (us@1 AND treasury@2) AND_MAYBE (us@1 "
             "PHRASE 2 treasury@2)))"},
            // What Xapian's parser rejects is read again with fewer operators.
            {"AND", QueryInterpretation::without_operators, "Query(and@1)"},
            {"NOT sanctions", QueryInterpretation::without_operators,
             "Query((Zsanction@2 AND_MAYBE sanctions@2))"},
            {"high-quality AND", QueryInterpretation::without_operators,
             "Query((high@1 PHRASE 2 quality@2))"},
            {"(tax", QueryInterpretation::full, "Query((Ztax@1 AND_MAYBE tax@1))"},
            {"\"unbalanced quote", QueryInterpretation::full,
             "Query((unbalanced@1 PHRASE 2 quote@2))"},
            {"!!!", QueryInterpretation::nothing_searchable, "Query()"},
        }));
    CAPTURE(text);
    const auto built = builder.build(text);
    CHECK(built.interpretation == interpretation);
    CHECK(built.query.get_description() == description);
}

TEST_CASE("query builder never throws on hostile text", "[common]") {
    QueryBuilder builder{AnalyzerSettings{}};
    const std::string inputs[] = {"", "    ", "AND OR NOT", "((((((", "\"\"\"\"", "a:b:c:d",
                                  "NEAR/3", "tax NEAR/99999999999 fraud", "*", "-", "+",
                                  "press 发展 release", "发展 AND", std::string(1024, 'x'),
                                  std::string(300, '(') + "x", "\xe2\x80\x9c quoted \xe2\x80\x9d"};
    for (const auto& input : inputs) {
        CAPTURE(input);
        CHECK_NOTHROW(builder.build(input));
    }
}

TEST_CASE("lower_case_words keeps operator words", "[common]") {
    CHECK(dateline::lower_case_words("Tax AND Fraud NEAR/3 ÉTÉ") == "tax AND fraud NEAR/3 été");
    CHECK(dateline::lower_case_words("Belt  and\tRoad") == "belt  and\troad");
    CHECK(dateline::lower_case_words("U.S. Treasury W.V.") == "U.S. treasury W.V.");
}
