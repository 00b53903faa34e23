#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "analyzer.hpp"
#include "schema.hpp"

using dateline::AnalyzerSettings;
using dateline::DocumentAnalyzer;
using dateline::PressRelease;

namespace {

PressRelease sample_release() {
    PressRelease r;
    r.id = "fixture-analyzer-1";
    r.title = "Ministry Backs High-Quality Development";
    r.date = "2024-03-04T09:15:00";
    r.source = "Ministry of  Coastal Affairs";
    r.place = "PORT AURELIA";
    r.url = "https://example.org/r/1";
    r.lang = "en";
    r.body = "The ministry said developments in the harbour were encouraging.\n\nMore follows.";
    return r;
}

std::vector<std::string> terms_of(const Xapian::Document& doc) {
    std::vector<std::string> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.push_back(*it);
    return terms;
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
    const auto terms = terms_of(doc);
    return std::find(terms.begin(), terms.end(), term) != terms.end();
}

Xapian::termcount wdf_of(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0;
}

}  // namespace

TEST_CASE("analyzer produces id, title, body, filter terms and values", "[common]") {
    DocumentAnalyzer analyzer{AnalyzerSettings{}};
    const Xapian::Document doc = analyzer.analyze(sample_release());

    SECTION("unique id term") { CHECK(has_term(doc, "Qfixture-analyzer-1")); }
    SECTION("title words, prefixed and stemmed") {
        CHECK(has_term(doc, "Shigh"));
        CHECK(has_term(doc, "Squality"));
        CHECK(has_term(doc, "Sdevelopment"));
        CHECK(has_term(doc, "ZSdevelop"));
    }
    SECTION("title words also count as text, weighted above body words") {
        CHECK(wdf_of(doc, "Zdevelop") >= 3);  // title weight 3, plus "developments" in the body
        CHECK(wdf_of(doc, "Zharbour") == 1);
    }
    SECTION("stop words keep their unstemmed term for phrases but get no stemmed term") {
        CHECK(has_term(doc, "the"));
        CHECK_FALSE(has_term(doc, "Zthe"));
    }
    SECTION("the dateline place is searchable text and a filter") {
        CHECK(has_term(doc, "Zaurelia"));
        CHECK(has_term(doc, "XPLACEport aurelia"));
    }
    SECTION("boolean filters are normalised") {
        CHECK(has_term(doc, "XSOURCEministry of coastal affairs"));
        CHECK(has_term(doc, "Len"));
        CHECK(has_term(doc, "Y2024"));
        CHECK(has_term(doc, "M202403"));
    }
    SECTION("values") {
        CHECK(doc.get_value(dateline::schema::slot_date) == "20240304");
        CHECK(doc.get_value(dateline::schema::slot_month) == "202403");
        CHECK(doc.get_value(dateline::schema::slot_fingerprint) ==
              dateline::schema::fingerprint(sample_release()));
    }
    SECTION("document data round-trips the release") {
        const auto decoded = dateline::schema::decode_data(doc.get_data());
        REQUIRE(decoded);
        CHECK(*decoded == sample_release());
    }
}

TEST_CASE("analyzer leaves out date terms and values when the date is unknown", "[common]") {
    PressRelease r = sample_release();
    r.date.clear();
    DocumentAnalyzer analyzer{AnalyzerSettings{}};
    const Xapian::Document doc = analyzer.analyze(r);
    CHECK(doc.get_value(dateline::schema::slot_date).empty());
    const auto terms = terms_of(doc);
    CHECK(std::none_of(terms.begin(), terms.end(),
                       [](const std::string& t) { return t.rfind("Y2", 0) == 0; }));
}

TEST_CASE("phrases never span the title and the body", "[common]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentAnalyzer analyzer{AnalyzerSettings{}};
    db.add_document(analyzer.analyze(sample_release()));
    Xapian::Enquire enquire(db);
    auto count = [&](const Xapian::Query& q) {
        enquire.set_query(q);
        return enquire.get_mset(0, 10).size();
    };
    const std::vector<std::string> across = {"development", "the"};  // title end, body start
    CHECK(count(Xapian::Query(Xapian::Query::OP_PHRASE, across.begin(), across.end())) == 0);
    const std::vector<std::string> within = {"high", "quality", "development"};
    CHECK(count(Xapian::Query(Xapian::Query::OP_PHRASE, within.begin(), within.end())) == 1);
}

TEST_CASE("analyzer settings round-trip through database metadata text", "[common]") {
    AnalyzerSettings settings;
    settings.stemmer = "french";
    settings.cjk_ngram = false;
    settings.title_weight = 5;
    const auto back = AnalyzerSettings::from_json(settings.to_json());
    CHECK(back.stemmer == "french");
    CHECK_FALSE(back.cjk_ngram);
    CHECK(back.title_weight == 5);
    CHECK_THROWS(AnalyzerSettings::from_json("not json"));
}

TEST_CASE("schema helpers", "[common]") {
    using namespace dateline::schema;
    CHECK(id_term("abc") == "Qabc");
    const std::string long_id(300, 'x');
    CHECK(id_term(long_id).size() < 245);
    CHECK(id_term(long_id) == id_term(long_id));
    CHECK(id_term(long_id) != id_term(long_id + "y"));
    CHECK(filter_term("XSOURCE", "  U.S.   Department\tof Justice ") ==
          "XSOURCEu.s. department of justice");
    CHECK(hash_hex("") == "cbf29ce484222325");  // FNV-1a 64 offset basis

    PressRelease with_url;
    with_url.url = "https://example.org/a";
    assign_id(with_url);
    CHECK(with_url.id == "https://example.org/a");
    PressRelease bare;
    bare.title = "T";
    assign_id(bare);
    CHECK(bare.id.rfind("sha-", 0) == 0);
    CHECK_FALSE(decode_data("{\"v\":99}"));
    CHECK_FALSE(decode_data("garbage"));
}
