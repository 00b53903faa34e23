#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "analyzer.hpp"
#include "cjk_text.hpp"
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

TEST_CASE("sample levels halve with each level and are nested", "[common]") {
    using namespace dateline::schema;
    // Level j should hold about one hash in 2^j.
    constexpr int hashes = 1 << 16;
    std::vector<int> at_least(max_sample_level + 2, 0);
    for (int i = 0; i < hashes; ++i) {
        const int level = sample_level(hash_hex("release-" + std::to_string(i)));
        REQUIRE(level >= 0);
        REQUIRE(level <= max_sample_level);
        for (int j = 0; j <= level; ++j) ++at_least[static_cast<std::size_t>(j)];
    }
    CHECK(at_least[0] == hashes);
    for (int j = 1; j <= 6; ++j) {
        const double expected = hashes / double(1 << j);
        INFO("level " << j << ": " << at_least[static_cast<std::size_t>(j)]);
        // Binomial: 5 standard deviations either side at most.
        CHECK(std::abs(at_least[static_cast<std::size_t>(j)] - expected) < 5 * std::sqrt(expected));
    }
    // FNV-1a alone gives every reordering of a text the same lowest bit; after mixing, texts
    // with the same bytes in another order land on level 0 and on level 1 alike.
    int level_zero = 0;
    std::string text = "abcdefghijklmnopqrstuvwxyz";
    for (int i = 0; i < 200; ++i) {
        std::next_permutation(text.begin(), text.end());
        if (sample_level(hash_hex(text)) == 0) ++level_zero;
    }
    CHECK(level_zero > 60);
    CHECK(level_zero < 140);
    CHECK(sample_term(3) == "XSAMPLE3");
}

TEST_CASE("a release carries the sample terms of its body hash, duplicates alike", "[common]") {
    using namespace dateline::schema;
    DocumentAnalyzer analyzer{AnalyzerSettings{}};
    // Find releases on level 2 or more, so that the terms of several levels are checked.
    PressRelease r = sample_release();
    int level = 0;
    for (int i = 0; level < 2; ++i) {
        r.body = "Body number " + std::to_string(i) + " of the fixture.";
        level = sample_level(body_hash(r.body));
    }
    const Xapian::Document doc = analyzer.analyze(r);
    for (int j = 1; j <= level; ++j) CHECK(has_term(doc, sample_term(j)));
    CHECK_FALSE(has_term(doc, sample_term(level + 1)));

    // An exact duplicate under another id and layout is in the same levels.
    PressRelease duplicate = r;
    duplicate.id = "fixture-analyzer-duplicate";
    duplicate.body = "  " + r.body + "\n";
    const Xapian::Document copy = analyzer.analyze(duplicate);
    for (int j = 1; j <= level; ++j) CHECK(has_term(copy, sample_term(j)));
    CHECK_FALSE(has_term(copy, sample_term(level + 1)));
}

namespace {

std::vector<Xapian::termpos> positions_of(const Xapian::Document& doc, const std::string& term) {
    std::vector<Xapian::termpos> positions;
    auto it = doc.termlist_begin();
    it.skip_to(term);
    if (it == doc.termlist_end() || *it != term) return positions;
    for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) {
        positions.push_back(*pos);
    }
    return positions;
}

PressRelease chinese_release(const std::string& title, const std::string& body) {
    PressRelease r;
    r.id = "fixture-zh";
    r.title = title;
    r.body = body;
    r.lang = "zh";
    return r;
}

using Positions = std::vector<Xapian::termpos>;

// cjk::index_text() into a document of its own, positions from 1.
Xapian::Document cjk_indexed(const std::string& text) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    Xapian::Document doc;
    generator.set_document(doc);
    dateline::cjk::index_text(generator, text);
    return doc;
}

}  // namespace

TEST_CASE("CJK text: each character a position, held by the bigram it starts", "[common]") {
    const Xapian::Document doc = cjk_indexed("推进一带一路，高质量");
    // 推1 进2 一3 带4 一5 路6 | 高7 质8 量9 (the comma takes no position)
    CHECK(positions_of(doc, "推进") == Positions{1});
    CHECK(positions_of(doc, "一带") == Positions{3});
    CHECK(positions_of(doc, "带一") == Positions{4});
    CHECK(positions_of(doc, "一路") == Positions{5});
    CHECK(positions_of(doc, "高质") == Positions{7});
    // The last character of a run starts no bigram: its unigram holds the position.
    CHECK(positions_of(doc, "路") == Positions{6});
    CHECK(positions_of(doc, "量") == Positions{9});
    // Other unigrams count every occurrence, without positions.
    CHECK(has_term(doc, "一"));
    CHECK(positions_of(doc, "一").empty());
    CHECK(wdf_of(doc, "一") == 2);
    CHECK(positions_of(doc, "高").empty());
    // No bigram across punctuation, and no stemmed forms of CJK terms.
    CHECK_FALSE(has_term(doc, "路高"));
    CHECK_FALSE(has_term(doc, "Z一带"));
    CHECK_FALSE(has_term(doc, "Z一"));
    CHECK(terms_of(doc).size() == 15);  // 9 unigrams (一 twice), 7 bigrams
}

TEST_CASE("CJK text: Latin words between CJK runs keep consecutive positions", "[common]") {
    const Xapian::Document doc = cjk_indexed("G20峰会 in Aurelia");
    CHECK(positions_of(doc, "g20") == Positions{1});
    CHECK(positions_of(doc, "峰会") == Positions{2});
    CHECK(positions_of(doc, "会") == Positions{3});
    CHECK(positions_of(doc, "in") == Positions{4});
    CHECK(positions_of(doc, "aurelia") == Positions{5});
    CHECK(has_term(doc, "Zaurelia"));  // Latin words are analysed as before
}

TEST_CASE("CJK text: what counts as a CJK character", "[common]") {
    using dateline::cjk::is_cjk_char;
    CHECK(is_cjk_char(0x4E00));   // 一
    CHECK(is_cjk_char(0x30AB));   // カ
    CHECK(is_cjk_char(0xD55C));   // 한
    CHECK(is_cjk_char(0x20000));  // 𠀀 (extension B)
    CHECK(is_cjk_char(0xFF27));   // Ｇ (full width)
    CHECK_FALSE(is_cjk_char(0x3002));  // 。
    CHECK_FALSE(is_cjk_char(0xFF0C));  // ，
    CHECK_FALSE(is_cjk_char(0x300A));  // 《
    CHECK_FALSE(is_cjk_char('a'));
    CHECK_FALSE(is_cjk_char(0xE9));    // é
    CHECK(dateline::cjk::contains_cjk("press 发展"));
    CHECK_FALSE(dateline::cjk::contains_cjk("《》。，—“”"));
    CHECK_FALSE(dateline::cjk::contains_cjk("caf\xc3\xa9 \xe2\x80\x94 \xff\xfe"));
}

TEST_CASE("CJK text: title terms carry the title prefix and weight", "[common]") {
    DocumentAnalyzer analyzer{AnalyzerSettings{}};
    const Xapian::Document doc = analyzer.analyze(chinese_release("高质量发展", "发展"));
    CHECK(has_term(doc, "S高质"));
    CHECK(has_term(doc, "S发展"));
    CHECK(wdf_of(doc, "S发展") == 1);
    CHECK(wdf_of(doc, "发展") == 3 + 1);  // title weight 3, plus the body
    // Title and body are far apart: no phrase spans them.
    const auto title_then_body = positions_of(doc, "发展");
    REQUIRE(title_then_body.size() == 2);
    CHECK(title_then_body[1] - title_then_body[0] > 100);
}

TEST_CASE("CJK text: full-width letters are lower-cased like any other letter", "[common]") {
    const Xapian::Document doc = cjk_indexed("ＧＤＰ增长");
    CHECK(has_term(doc, "ｇｄ"));
    CHECK(has_term(doc, "ｐ增"));
    CHECK_FALSE(has_term(doc, "ＧＤ"));
}

TEST_CASE("CJK text: a phrase of bigrams matches only the characters side by side", "[common]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentAnalyzer analyzer{AnalyzerSettings{}};
    const std::vector<std::pair<std::string, std::string>> texts = {
        {"", "推进一带一路建设"},            // 1: the phrase
        {"", "北湾一带的渔民带一名记者一路同行"},  // 2: 一带 带一 一路, never together
        {"", "一带，一路"},                  // 3: punctuation between
        {"", "一带 一路"},                   // 4: a space between
        {"一带", "一路"},                     // 5: title and body
        {"", "一路一带"},                    // 6: the other order
    };
    for (const auto& [title, body] : texts) {
        db.add_document(analyzer.analyze(chinese_release(title, body)));
    }
    const std::vector<std::string> bigrams = {"一带", "带一", "一路"};
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, bigrams.begin(), bigrams.end(), 3));
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    REQUIRE(mset.size() == 1);
    CHECK(*mset.begin() == 1);
}

TEST_CASE("English text is indexed the same with either CJK scheme", "[common]") {
    AnalyzerSettings xapian_ngrams;
    xapian_ngrams.cjk_positioned_bigrams = false;
    DocumentAnalyzer current{AnalyzerSettings{}};
    DocumentAnalyzer previous{xapian_ngrams};
    const Xapian::Document a = current.analyze(sample_release());
    const Xapian::Document b = previous.analyze(sample_release());
    REQUIRE(terms_of(a) == terms_of(b));
    for (const std::string& term : terms_of(a)) {
        CAPTURE(term);
        CHECK(positions_of(a, term) == positions_of(b, term));
        CHECK(wdf_of(a, term) == wdf_of(b, term));
    }
}

TEST_CASE("databases written before positioned bigrams keep Xapian's CJK n-grams", "[common]") {
    const std::string stored =
        R"({"stemmer":"english","stem_strategy":"some","stopwords":"english-basic",)"
        R"("cjk_ngram":true,"title_weight":3,"spelling":true})";
    const AnalyzerSettings settings = AnalyzerSettings::from_json(stored);
    CHECK(settings.cjk_ngram);
    CHECK_FALSE(settings.cjk_positioned_bigrams);
    CHECK(AnalyzerSettings{}.cjk_positioned_bigrams);
    CHECK(AnalyzerSettings::from_json(AnalyzerSettings{}.to_json()).cjk_positioned_bigrams);

    // Their documents: unigrams with positions, bigrams without (Xapian's FLAG_CJK_NGRAM).
    DocumentAnalyzer analyzer{settings};
    const Xapian::Document doc = analyzer.analyze(chinese_release("", "一带一路"));
    const auto middle = positions_of(doc, "带");
    REQUIRE(middle.size() == 1);
    CHECK(positions_of(doc, "一") == Positions{middle[0] - 1, middle[0] + 1});
    CHECK(has_term(doc, "带一"));
    CHECK(positions_of(doc, "带一").empty());
}
