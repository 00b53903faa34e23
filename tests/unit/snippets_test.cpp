#include <catch2/catch.hpp>

#include <string>
#include <unordered_set>

#include "analyzer.hpp"
#include "query_builder.hpp"
#include "snippets.hpp"
#include "text_matches.hpp"

using dateline::AnalyzerSettings;
using dateline::PressRelease;
using dateline::server::SnippetSettings;

namespace {

struct Fixture {
    Fixture() : db(std::string(), Xapian::DB_BACKEND_INMEMORY) {
        PressRelease r;
        r.id = "s1";
        r.title = "Ministry <b>backs</b> high-quality development";
        std::string filler;
        for (int i = 0; i < 60; ++i) filler += "Filler words about nothing. ";
        r.body = filler + "Officials said high-quality development & growth would continue. " +
                 filler + "Unrelated closing text.";
        release = r;
        dateline::DocumentAnalyzer analyzer{AnalyzerSettings{}};
        db.add_document(analyzer.analyze(r));
    }
    Xapian::MSet search(const std::string& text) {
        dateline::QueryBuilder builder{AnalyzerSettings{}};
        Xapian::Enquire enquire(db);
        enquire.set_query(builder.build(text).query);
        return enquire.get_mset(0, 10);
    }
    Xapian::WritableDatabase db;
    PressRelease release;
    Xapian::Stem stemmer{"english"};
};

}  // namespace

TEST_CASE("snippets mark matches and escape the text", "[server]") {
    Fixture f;
    const auto mset = f.search("\"high-quality development\"");
    REQUIRE(mset.size() == 1);
    const std::string snippet = dateline::server::snippet_html(mset, f.release.body, f.stemmer, {}, {});
    // Xapian marks a matched phrase as one unit.
    CHECK_THAT(snippet, Catch::Contains("<mark>high-quality development</mark>"));
    CHECK_THAT(snippet, Catch::Contains("&amp; growth"));
    CHECK(snippet.size() < 600);  // a window, not the whole text

    const std::string title = dateline::server::highlight_html(mset, f.release.title, f.stemmer, {});
    CHECK(title ==
          "Ministry &lt;b&gt;backs&lt;/b&gt; <mark>high-quality development</mark>");
}

TEST_CASE("snippets highlight stemmed matches", "[server]") {
    Fixture f;
    const auto mset = f.search("developments officials");
    REQUIRE(mset.size() == 1);
    const std::string snippet = dateline::server::snippet_html(mset, f.release.body, f.stemmer, {}, {});
    CHECK_THAT(snippet, Catch::Contains("<mark>development</mark>"));
    CHECK_THAT(snippet, Catch::Contains("<mark>Officials</mark>"));
}

TEST_CASE("a match deep in a long text still gets a marked snippet", "[server]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    PressRelease r;
    r.id = "long";
    r.title = "Annual report";
    for (int i = 0; i < 800; ++i) r.body += "The committee reviewed routine matters of procedure. ";
    r.body += "Finally, the extradition request was granted.";
    dateline::DocumentAnalyzer analyzer{AnalyzerSettings{}};
    db.add_document(analyzer.analyze(r));
    dateline::QueryBuilder builder{AnalyzerSettings{}};
    Xapian::Enquire enquire(db);
    const Xapian::Query query = builder.build("extradition").query;
    enquire.set_query(query);
    const auto mset = enquire.get_mset(0, 10);
    REQUIRE(mset.size() == 1);
    // Xapian's quick pass settles on a window without the match: the fallback is needed.
    const std::string quick = mset.snippet(r.body, 240, Xapian::Stem("english"), 0);
    REQUIRE(quick.find("<mark>") == std::string::npos);
    const std::string snippet = dateline::server::snippet_html(
        mset, r.body, Xapian::Stem("english"), {}, dateline::server::query_terms(query));
    CHECK_THAT(snippet, Catch::Contains("<mark>extradition</mark>"));
    CHECK(snippet.rfind("\u2026", 0) == 0);  // starts with an ellipsis: text was left out
    CHECK(snippet.size() < 600);
}

namespace {

// One Chinese release in an in-memory database, searched through the query builder.
struct ChineseFixture {
    explicit ChineseFixture(const std::string& body = std::string())
        : db(std::string(), Xapian::DB_BACKEND_INMEMORY) {
        release.id = "zh";
        release.title = "关于<一带一路>港口合作的说明";
        std::string filler;
        for (int i = 0; i < 40; ++i) filler += "港口的日常工作照常进行。";
        // 一带, 带一 and 一路 each stand alone early on; the phrase comes much later.
        release.body = !body.empty() ? body
                                     : "沿海一带的渔民带一名记者一路同行。" + filler +
                                           "部长表示，共建一带一路为港口带来机遇，推动一带一路高质量发展。" +
                                           filler;
        dateline::DocumentAnalyzer analyzer{AnalyzerSettings{}};
        db.add_document(analyzer.analyze(release));
    }
    Xapian::MSet search(const std::string& text) {
        dateline::QueryBuilder builder{AnalyzerSettings{}};
        query = builder.build(text).query;
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        return enquire.get_mset(0, 10);
    }
    Xapian::WritableDatabase db;
    PressRelease release;
    Xapian::Query query;
    Xapian::Stem stemmer{"english"};
};

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

}  // namespace

TEST_CASE("query_terms spells out CJK phrases instead of their bigrams", "[server]") {
    dateline::QueryBuilder builder{AnalyzerSettings{}};
    using Terms = std::unordered_set<std::string>;
    using dateline::server::query_terms;
    CHECK(query_terms(builder.build("一带一路").query) == Terms{"一带一路"});
    CHECK(query_terms(builder.build("title:一带一路").query) == Terms{"S一带一路"});
    CHECK(query_terms(builder.build("发展").query) == Terms{"发展"});
    CHECK(query_terms(builder.build("\"一带一路 initiative\"").query) ==
          Terms{"一带一路", "initiative"});
    CHECK(query_terms(builder.build("belt 一带一路 lang:zh").query) ==
          Terms{"Zbelt", "belt", "一带一路"});
    // Xapian's own n-grams (older databases): a phrase of unigrams, bigrams as a filter.
    AnalyzerSettings xapian_ngrams;
    xapian_ngrams.cjk_positioned_bigrams = false;
    dateline::QueryBuilder older{xapian_ngrams};
    CHECK(query_terms(older.build("一带一路").query) == Terms{"一带一路"});
}

TEST_CASE("find_matches marks whole CJK phrases at their byte offsets", "[server]") {
    const std::string text = "推进一带一路，一带和一路。G20峰会";
    const auto matches = dateline::server::find_matches(text, {"一带一路", "g20"},
                                                        Xapian::Stem("english"));
    REQUIRE(matches.size() == 2);
    CHECK(matches[0].start == text.find("一带一路"));
    CHECK(matches[0].length == std::string("一带一路").size());
    CHECK(matches[1].start == text.find("G20"));
    CHECK(matches[1].length == 3);
    // Overlapping and touching occurrences are one match; a field prefix applies to titles.
    const std::string both = "一带一路高质量发展";
    const auto joined = dateline::server::find_matches(both, {"S一带一路", "高质量发展"},
                                                       Xapian::Stem("english"), "S");
    REQUIRE(joined.size() == 1);
    CHECK(joined[0].start == 0);
    CHECK(joined[0].length == both.size());
    CHECK(dateline::server::find_matches(both, {"S一带一路"}, Xapian::Stem("english")).empty());
}

TEST_CASE("CJK snippets mark the phrase, not its characters elsewhere", "[server]") {
    ChineseFixture f;
    const auto mset = f.search("一带一路");
    REQUIRE(mset.size() == 1);
    const auto terms = dateline::server::query_terms(f.query);
    const std::string snippet =
        dateline::server::snippet_html(mset, f.release.body, f.stemmer, {}, terms);
    CHECK(count_of(snippet, "<mark>一带一路</mark>") == 2);
    CHECK(count_of(snippet, "<mark>") == 2);
    CHECK(snippet.rfind("\u2026", 0) == 0);  // the window starts after the opening lines
    CHECK(snippet.find("沿海一带") == std::string::npos);
    // At most 240 bytes of text, plus two marks and two ellipses.
    CHECK(snippet.size() <= 240 + 2 * std::string("<mark></mark>").size() + 2 * 3);

    const std::string title =
        dateline::server::highlight_html(mset, f.release.title, f.stemmer, {}, terms);
    CHECK(title == "关于&lt;<mark>一带一路</mark>&gt;港口合作的说明");
}

TEST_CASE("CJK snippets of mixed queries mark Latin and CJK words", "[server]") {
    ChineseFixture f("The minister said: 一带一路 brings developments to the port.");
    const auto mset = f.search("development 一带一路");
    REQUIRE(mset.size() == 1);
    const std::string snippet = dateline::server::snippet_html(
        mset, f.release.body, f.stemmer, {}, dateline::server::query_terms(f.query));
    CHECK(snippet ==
          "The minister said: <mark>一带一路</mark> brings <mark>developments</mark> to the "
          "port.");
}

TEST_CASE("query_terms keeps phrases whole, as their terms joined by spaces", "[server]") {
    dateline::QueryBuilder builder{AnalyzerSettings{}};
    using Terms = std::unordered_set<std::string>;
    using dateline::server::query_terms;
    const Terms phrase_and_word = query_terms(builder.build("\"belt and road\" port").query);
    CHECK(phrase_and_word.count("belt and road") == 1);
    CHECK(phrase_and_word.count("port") + phrase_and_word.count("Zport") >= 1);
    CHECK(phrase_and_word.count("belt") == 0);
    CHECK(query_terms(builder.build("high-quality").query) == Terms{"high quality"});
    CHECK(query_terms(builder.build("title:\"belt and road\"").query) == Terms{"Sbelt Sand Sroad"});
}

TEST_CASE("find_matches marks whole phrases, and their words alone only without the phrase",
          "[server]") {
    using dateline::server::find_matches;
    const Xapian::Stem stemmer("english");
    const auto texts = [](std::string_view text, const std::vector<dateline::server::TextMatch>& ms) {
        std::vector<std::string> out;
        for (const auto& m : ms) out.emplace_back(text.substr(m.start, m.length));
        return out;
    };
    using Texts = std::vector<std::string>;

    const std::string text = "The Belt and Road plan: the road ahead. Belt, and road!";
    CHECK(texts(text, find_matches(text, {"belt and road"}, stemmer)) ==
          Texts{"Belt and Road", "Belt, and road"});
    // A word that is also a term of its own is marked everywhere, the phrase as one match.
    CHECK(texts(text, find_matches(text, {"belt and road", "Zahead"}, stemmer)) ==
          Texts{"Belt and Road", "ahead", "Belt, and road"});
    CHECK(texts(text, find_matches(text, {"belt and road", "Zroad"}, stemmer)) ==
          Texts{"Belt and Road", "road", "Belt, and road"});

    // Nowhere in the text (the indexer may split words differently): the words on their own.
    const std::string elsewhere = "A road and a belt.";
    CHECK(texts(elsewhere, find_matches(elsewhere, {"belt and road"}, stemmer)) ==
          Texts{"road", "and", "belt"});

    // Apostrophes belong to the word, as in the index; a blank line ends a phrase.
    const std::string possessive = "China\u2019s development plan";
    CHECK(texts(possessive, find_matches(possessive, {"china's development"}, stemmer)) ==
          Texts{"China\u2019s development"});
    const std::string paragraphs = "on the belt\n\nand road works";
    CHECK(texts(paragraphs, find_matches(paragraphs, {"belt and road", "Zwork"}, stemmer)) ==
          Texts{"belt", "and", "road", "works"});

    // Title phrases apply to titles only; the limit stops the scan.
    const std::string title = "Belt and Road forum opens";
    CHECK(texts(title, find_matches(title, {"Sbelt Sand Sroad"}, stemmer, "S")) ==
          Texts{"Belt and Road"});
    CHECK(find_matches(title, {"Sbelt Sand Sroad"}, stemmer).empty());
    CHECK(texts(text, find_matches(text, {"belt and road"}, stemmer, {}, 1)) ==
          Texts{"Belt and Road"});
}
