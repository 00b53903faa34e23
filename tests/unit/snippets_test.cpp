#include <catch2/catch.hpp>

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
