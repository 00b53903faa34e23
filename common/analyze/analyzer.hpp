#pragma once
// Text analysis shared by indexing and querying: the stemmer, the stemming and stop-word
// strategy, CJK handling and field weights. The indexer stores these settings in the database
// and the server reads them back, so the two sides cannot drift.

#include <memory>
#include <string>

#include <xapian.h>

#include "document.hpp"

namespace dateline {

struct AnalyzerSettings {
    std::string stemmer = "english";  // a Xapian::Stem language name
    bool cjk_ngram = true;            // index Chinese/Japanese/Korean text as n-grams
    // CJK n-grams as in cjk_text.hpp: bigrams with positions, for exact phrases. Databases
    // written before it existed have Xapian's own n-grams (positions on unigrams only), which
    // the query builder still reads.
    bool cjk_positioned_bigrams = true;
    unsigned title_weight = 3;        // wdf of title words relative to body words
    bool spelling = true;             // title words feed the spelling data ("did you mean")

    std::string to_json() const;
    // Reads settings stored by to_json(); throws std::runtime_error on malformed text.
    static AnalyzerSettings from_json(const std::string& text);
    // The settings stored in `db`, or the defaults if it has none (an empty database).
    static AnalyzerSettings from_database(const Xapian::Database& db);
};

// Frequent English words: dropped from queries (outside phrases) so that `belt and road`
// means belt AND road; still indexed, so that the phrase "Belt and Road" matches exactly.
// The caller owns it and must keep it alive as long as the parser or generator that uses it.
std::unique_ptr<Xapian::Stopper> make_english_stopper();

// Turns press releases into Xapian documents. Not thread-safe: one per writer.
class DocumentAnalyzer {
public:
    explicit DocumentAnalyzer(const AnalyzerSettings& settings);

    // Adds the title words of every release analysed from now on to `db`'s spelling data, if
    // the settings ask for it. `db` must outlive the analyzer.
    void record_spelling_in(Xapian::WritableDatabase& db);

    // Terms, values and data for one release. `release.id` must be set.
    Xapian::Document analyze(const PressRelease& release);

private:
    // TermGenerator::index_text() with this analyzer's CJK handling.
    void index_field(const std::string& text, Xapian::termcount wdf_inc = 1,
                     const std::string& prefix = std::string());

    AnalyzerSettings settings_;
    std::unique_ptr<Xapian::Stopper> stopper_;  // declared first: outlives generator_
    Xapian::TermGenerator generator_;
    Xapian::TermGenerator::flags base_flags_ = Xapian::TermGenerator::flags(0);
    bool spelling_ = false;
};

}  // namespace dateline
