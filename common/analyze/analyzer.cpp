#include "analyzer.hpp"

#include <array>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "cjk_text.hpp"
#include "dates.hpp"
#include "schema.hpp"

namespace dateline {

namespace {

// Gap in term positions between fields, so that a phrase never spans title and body.
constexpr Xapian::termpos field_gap = 100;

constexpr std::array<const char*, 33> english_stopwords = {
    "a",    "an",   "and",  "are", "as",   "at",    "be",   "but",  "by",   "for",  "if",
    "in",   "into", "is",   "it",  "its",  "no",    "not",  "of",   "on",   "or",   "such",
    "that", "the",  "their", "then", "there", "these", "they", "this", "to",   "was",  "with"};

}  // namespace

std::string AnalyzerSettings::to_json() const {
    return nlohmann::json{{"stemmer", stemmer},
                          {"stem_strategy", "some"},
                          {"stopwords", "english-basic"},
                          {"cjk_ngram", cjk_ngram},
                          {"cjk_positioned_bigrams", cjk_positioned_bigrams},
                          {"title_weight", title_weight},
                          {"spelling", spelling}}
        .dump();
}

AnalyzerSettings AnalyzerSettings::from_json(const std::string& text) {
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (!parsed.is_object()) throw std::runtime_error("analyzer settings are not a JSON object");
    AnalyzerSettings settings;
    settings.stemmer = parsed.value("stemmer", settings.stemmer);
    settings.cjk_ngram = parsed.value("cjk_ngram", settings.cjk_ngram);
    // Databases written before it existed have Xapian's CJK n-grams.
    settings.cjk_positioned_bigrams = parsed.value("cjk_positioned_bigrams", false);
    settings.title_weight = parsed.value("title_weight", settings.title_weight);
    // Databases written before spelling data existed have none.
    settings.spelling = parsed.value("spelling", false);
    return settings;
}

AnalyzerSettings AnalyzerSettings::from_database(const Xapian::Database& db) {
    const std::string stored = db.get_metadata(schema::meta_analyzer);
    return stored.empty() ? AnalyzerSettings{} : from_json(stored);
}

std::unique_ptr<Xapian::Stopper> make_english_stopper() {
    return std::make_unique<Xapian::SimpleStopper>(english_stopwords.begin(),
                                                   english_stopwords.end());
}

DocumentAnalyzer::DocumentAnalyzer(const AnalyzerSettings& settings)
    : settings_(settings), stopper_(make_english_stopper()) {
    generator_.set_stemmer(Xapian::Stem(settings_.stemmer));
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    // Stop words get no stemmed term (they are useless alone) but keep their positions.
    generator_.set_stopper(stopper_.get());
    generator_.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
    // Positioned bigrams are cut by cjk::index_text(), so the generator sees no CJK text.
    if (settings_.cjk_ngram && !settings_.cjk_positioned_bigrams) {
        base_flags_ = Xapian::TermGenerator::FLAG_CJK_NGRAM;
    }
    generator_.set_flags(base_flags_);
}

void DocumentAnalyzer::record_spelling_in(Xapian::WritableDatabase& db) {
    if (!settings_.spelling) return;
    generator_.set_database(db);
    spelling_ = true;
}

void DocumentAnalyzer::index_field(const std::string& text, Xapian::termcount wdf_inc,
                                   const std::string& prefix) {
    if (settings_.cjk_ngram && settings_.cjk_positioned_bigrams) {
        cjk::index_text(generator_, text, wdf_inc, prefix);
    } else {
        generator_.index_text(text, wdf_inc, prefix);
    }
}

Xapian::Document DocumentAnalyzer::analyze(const PressRelease& release) {
    Xapian::Document doc;
    generator_.set_document(doc);

    index_field(release.title, 1, schema::prefix_title);
    generator_.increase_termpos(field_gap);
    // Spelling data from titles only: they carry the vocabulary people search for, at a
    // fraction of the cost of feeding every body word. (Xapian takes spelling data from
    // unprefixed text only.)
    if (spelling_) {
        generator_.set_flags(static_cast<Xapian::TermGenerator::flags>(
            base_flags_ | Xapian::TermGenerator::FLAG_SPELLING));
    }
    index_field(release.title, settings_.title_weight);
    if (spelling_) generator_.set_flags(base_flags_);
    generator_.increase_termpos(field_gap);
    if (!release.place.empty()) {
        index_field(release.place);
        generator_.increase_termpos(field_gap);
        index_field(release.place, 1, schema::prefix_place_text);
        generator_.increase_termpos(field_gap);
    }
    if (!release.source.empty()) {
        index_field(release.source, 1, schema::prefix_source_text);
        generator_.increase_termpos(field_gap);
    }
    index_field(release.body);

    doc.add_boolean_term(schema::id_term(release.id));
    if (!release.lang.empty()) doc.add_boolean_term(schema::filter_term(schema::prefix_lang, release.lang));
    if (!release.source.empty()) {
        doc.add_boolean_term(schema::filter_term(schema::prefix_source, release.source));
        doc.add_value(schema::slot_source, release.source);
    }
    if (!release.lang.empty()) doc.add_value(schema::slot_lang, release.lang);
    const std::string hash = schema::body_hash(release.body);
    if (!hash.empty()) doc.add_value(schema::slot_body_hash, hash);
    const int sample_level = schema::sample_level(hash.empty() ? schema::hash_hex(release.id) : hash);
    for (int level = 1; level <= sample_level; ++level) doc.add_boolean_term(schema::sample_term(level));
    if (!release.place.empty()) {
        doc.add_boolean_term(schema::filter_term(schema::prefix_place, release.place));
    }
    for (const std::string& topic : release.topics) {
        doc.add_boolean_term(schema::filter_term(schema::prefix_topic, topic));
    }
    const std::string day = dates::compact_day(release.date);
    if (!day.empty()) {
        doc.add_boolean_term(schema::prefix_year + day.substr(0, 4));
        doc.add_boolean_term(schema::prefix_month + day.substr(0, 6));
        doc.add_value(schema::slot_date, day);
        doc.add_value(schema::slot_month, day.substr(0, 6));
    }
    doc.add_value(schema::slot_fingerprint, schema::fingerprint(release));
    doc.set_data(schema::encode_data(release));
    return doc;
}

}  // namespace dateline
