#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "analyzer.hpp"
#include "cjk_query.hpp"
#include "cjk_text.hpp"
#include "query_builder.hpp"
#include "temp_dir.hpp"

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

TEST_CASE("query builder: CJK text is an exact phrase of bigrams", "[common]") {
    QueryBuilder builder{AnalyzerSettings{}};
    const std::string belt_and_road = "Query((一带 PHRASE 3 带一 PHRASE 3 一路))";
    auto [text, interpretation, description] =
        GENERATE_COPY(table<std::string, QueryInterpretation, std::string>({
            {"一带一路", QueryInterpretation::full, belt_and_road},
            // Quotes of any kind, and brackets around titles, change nothing.
            {"\"一带一路\"", QueryInterpretation::full, belt_and_road},
            {"“一带一路”", QueryInterpretation::full, belt_and_road},
            {"《一带一路》", QueryInterpretation::full, belt_and_road},
            {"一带一路。", QueryInterpretation::full, belt_and_road},
            {"高质量发展", QueryInterpretation::full,
             "Query((高质 PHRASE 4 质量 PHRASE 4 量发 PHRASE 4 发展))"},
            // Two characters are one bigram; one character its unigram.
            {"发展", QueryInterpretation::full, "Query(发展)"},
            {"一", QueryInterpretation::full, "Query(一)"},
            // Words apart are separate phrases, as in English.
            {"一带一路 高质量发展", QueryInterpretation::full,
             "Query((((一带 PHRASE 3 带一 PHRASE 3 一路) AND (高质 PHRASE 4 质量 PHRASE 4 量发 "
             "PHRASE 4 发展)) AND_MAYBE (一带 PHRASE 8 带一 PHRASE 8 一路 PHRASE 8 路 PHRASE 8 高质 "
             "PHRASE 8 质量 PHRASE 8 量发 PHRASE 8 发展)))"},
            // Mixed with Latin words (Xapian 1.4.22's parser throws on this one).
            {"press 发展 release", QueryInterpretation::full,
             "Query(((Zpress@1 AND 发展 AND Zreleas@3) AND_MAYBE (press@1 AND 发展 AND release@3) "
             "AND_MAYBE (press PHRASE 4 发展 PHRASE 4 展 PHRASE 4 release)))"},
            {"belt 一带一路", QueryInterpretation::full,
             "Query(((Zbelt@1 AND (一带 PHRASE 3 带一 PHRASE 3 一路)) AND_MAYBE (belt@1 AND (一带 "
             "PHRASE 3 带一 PHRASE 3 一路)) AND_MAYBE (belt PHRASE 4 一带 PHRASE 4 带一 PHRASE 4 "
             "一路)))"},
            {"G20峰会", QueryInterpretation::full, "Query((g20 PHRASE 2 峰会))"},
            {"\"一带一路 initiative\"", QueryInterpretation::full,
             "Query((一带 PHRASE 5 带一 PHRASE 5 一路 PHRASE 5 路 PHRASE 5 initiative))"},
            {"\"high-quality\" 高质量发展", QueryInterpretation::full,
             "Query(((high@1 PHRASE 2 quality@2) AND (高质 PHRASE 4 质量 PHRASE 4 量发 PHRASE 4 "
             "发展)))"},
            // Operators, +/-, brackets, fields and filters around CJK words.
            {"一带一路 AND belt", QueryInterpretation::full,
             "Query((((一带 PHRASE 3 带一 PHRASE 3 一路) AND Zbelt@2) AND_MAYBE ((一带 PHRASE 3 "
             "带一 PHRASE 3 一路) AND belt@2)))"},
            {"(一带一路 OR 高质量发展)", QueryInterpretation::full,
             "Query(((一带 PHRASE 3 带一 PHRASE 3 一路) OR (高质 PHRASE 4 质量 PHRASE 4 量发 PHRASE "
             "4 发展)))"},
            {"（一带一路 OR 高质量发展）", QueryInterpretation::full,
             "Query(((一带 PHRASE 3 带一 PHRASE 3 一路) OR (高质 PHRASE 4 质量 PHRASE 4 量发 PHRASE "
             "4 发展)))"},
            {"发展 -一带一路", QueryInterpretation::full,
             "Query((发展 AND_NOT (一带 PHRASE 3 带一 PHRASE 3 一路)))"},
            {"title:一带一路", QueryInterpretation::full,
             "Query((S一带 PHRASE 3 S带一 PHRASE 3 S一路))"},
            {"title：一带一路", QueryInterpretation::full,
             "Query((S一带 PHRASE 3 S带一 PHRASE 3 S一路))"},
            {"title:\"一带一路 倡议\"", QueryInterpretation::full,
             "Query((S一带 PHRASE 5 S带一 PHRASE 5 S一路 PHRASE 5 S路 PHRASE 5 S倡议))"},
            {"一带一路 lang:zh", QueryInterpretation::full,
             "Query(((一带 PHRASE 3 带一 PHRASE 3 一路) FILTER Lzh))"},
            // A dangling operator is read as a word, and "not" is a stop word.
            {"一带一路 NOT", QueryInterpretation::without_operators, belt_and_road},
        }));
    CAPTURE(text);
    const auto built = builder.build(text);
    CHECK(built.interpretation == interpretation);
    CHECK(built.query.get_description() == description);
}

TEST_CASE("query builder: databases with Xapian's CJK n-grams get unigram phrases", "[common]") {
    AnalyzerSettings settings;
    settings.cjk_positioned_bigrams = false;
    QueryBuilder builder{settings};
    // Only unigrams have positions there; the bigrams keep the phrase from matching across
    // punctuation where they can.
    CHECK(builder.build("一带一路").query.get_description() ==
          "Query(((一 PHRASE 4 带 PHRASE 4 一 PHRASE 4 路) FILTER (一带 AND 一路 AND 带一)))");
    CHECK(builder.build("press 发展 release").interpretation == QueryInterpretation::full);
}

TEST_CASE("query builder: CJK phrases find exactly the releases with the characters together",
          "[common]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    dateline::DocumentAnalyzer analyzer{AnalyzerSettings{}};
    const std::vector<std::pair<std::string, std::string>> releases = {
        {"together", "推进一带一路建设，推动高质量发展。"},
        {"apart", "北湾一带的渔民带一名记者一路同行，质量高的发展。"},
        {"punctuated", "西部一带，一路向北。高质量，发展。"},
        {"reversed", "一路一带"},
        {"mixed", "The Belt and Road press release: 一带一路 and 发展."},
    };
    for (const auto& [id, body] : releases) {
        dateline::PressRelease r;
        r.id = id;
        r.body = body;
        db.add_document(analyzer.analyze(r));
    }
    QueryBuilder builder{AnalyzerSettings{}};
    auto ids = [&](const std::string& text) {
        Xapian::Enquire enquire(db);
        enquire.set_query(builder.build(text, &db).query);
        std::vector<std::string> found;
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            found.push_back(releases[*it - 1].first);
        }
        std::sort(found.begin(), found.end());
        return found;
    };
    using Ids = std::vector<std::string>;
    CHECK(ids("一带一路") == Ids{"mixed", "together"});
    CHECK(ids("“一带一路”") == Ids{"mixed", "together"});
    CHECK(ids("高质量发展") == Ids{"together"});
    CHECK(ids("belt 一带一路") == Ids{"mixed"});
    CHECK(ids("press 发展 release") == Ids{"mixed"});
    CHECK(ids("一带一路 OR 一路一带") == Ids{"mixed", "reversed", "together"});
}

TEST_CASE("CJK units: tokens with CJK text become opaque units, and back", "[common]") {
    using dateline::cjk::mark_units;
    using dateline::cjk::unmark_units;
    const dateline::cjk::QueryFields fields{{"title"}, {"lang"}};
    // The unit is the token's UTF-8 in hex; operators and brackets around it stay.
    const std::string text = "belt 一带 (title:高质 OR -“发展”) lang:中文 一";
    const std::string marked = mark_units(text, fields);
    CHECK(marked ==
          "belt cjkrun:e4b880e5b8a6 (cjkruntitle:e9ab98e8b4a8 OR "
          "-cjkrun:e2809ce58f91e5b195e2809d) lang:中文 cjkrun:e4b880");
    CHECK(unmark_units(marked) == text);
    CHECK(mark_units("plain words", fields) == "plain words");
    CHECK(unmark_units("cjkrun is a word, cjkrun:xyz is not hex") ==
          "cjkrun is a word, cjkrun:xyz is not hex");
    // An ideographic space separates tokens like a space.
    CHECK(mark_units("一\u3000带", fields) == "cjkrun:e4b880 cjkrun:e5b8a6");
}

TEST_CASE("spelling corrections keep CJK words as typed", "[common]") {
    dateline::testing::TempDir dir;
    Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE);
    db.add_spelling("development", 5);
    db.add_spelling("belt", 3);
    db.commit();
    QueryBuilder builder{AnalyzerSettings{}};
    CHECK(builder.build("devlopment 一带一路", &db).corrected == "development 一带一路");
    CHECK(builder.build("title:一带一路 devlopment", &db).corrected ==
          "title:一带一路 development");
    CHECK(builder.build("“一带一路” blet", &db).corrected == "“一带一路” belt");
}
