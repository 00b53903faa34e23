// Search text as the server receives it (1 to 1024 bytes of valid UTF-8, the rules of `q`):
// QueryBuilder::build must never throw, with or without a database, and the query it returns
// must run. A small real database (built with the indexer's analyzer, spelling data included)
// makes wildcards, spelling correction and the CJK phrases reachable. The places the query
// marks in each release's body and title (the document view's ranges) must lie inside the
// text, in order, without overlapping.

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzer.hpp"
#include "fuzz_support.hpp"
#include "query_builder.hpp"
#include "schema.hpp"
#include "text_matches.hpp"
#include "utf8.hpp"

namespace {

using namespace dateline;

PressRelease release(std::string id, std::string title, std::string date, std::string source,
                     std::string place, std::string lang, std::string body) {
    PressRelease r;
    r.id = std::move(id);
    r.title = std::move(title);
    r.date = std::move(date);
    r.source = std::move(source);
    r.place = std::move(place);
    r.lang = std::move(lang);
    r.body = std::move(body);
    return r;
}

struct Texts {
    std::string body;
    std::string title;
};
std::vector<Texts> sample_texts;  // of the releases in the sample database

// A small database written with the indexer's analyzer, opened, and its folder deleted at once:
// the open database keeps its files, and nothing is left behind when a crash ends the process.
Xapian::Database sample_database() {
    std::string folder = (std::filesystem::temp_directory_path() / "dateline-fuzz-XXXXXX");
    if (::mkdtemp(folder.data()) == nullptr) std::abort();
    const std::string path = folder + "/db";
    {
        Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
        const AnalyzerSettings settings;
        writer.set_metadata(schema::meta_analyzer, settings.to_json());
        DocumentAnalyzer analyzer(settings);
        analyzer.record_spelling_in(writer);
        const std::vector<PressRelease> releases = {
            release("q-1", "Harbour Ferry Timetable Changes", "2019-03-04T11:00:00", "Harbor Wire",
                    "NEW YORK", "en",
                    "The harbour ferry will run every twenty minutes.\n\nHigh-quality "
                    "development of the port continues."),
            release("q-2", "Belt and Road Forum Opens", "2019-05-15", "Xinhua", "BEIJING", "en",
                    "The Belt and Road forum opened on Wednesday. Developments in trade were "
                    "discussed by the U.S. delegation."),
            release("q-3", "推动高质量发展", "2023-09-18", "外交部", "北京", "zh",
                    "中方愿同各方共建一带一路，推动高质量发展。"),
            release("q-4", "Export Credit Guarantees for Small Firms", "2023-02-14",
                    "Valdoria Ministry of Trade", "VALDORIA CITY", "en",
                    "The ministry launched export credit guarantees for developing firms."),
        };
        for (const PressRelease& r : releases) {
            writer.replace_document(schema::id_term(r.id), analyzer.analyze(r));
            sample_texts.push_back({r.body, r.title});
        }
        writer.commit();
    }
    Xapian::Database db(path);
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
    return db;
}

Xapian::Database sample;
std::unique_ptr<QueryBuilder> builder;

void run(const Xapian::Database& db, const Xapian::Query& query) {
    if (query.empty()) return;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const Xapian::MSet matches = enquire.get_mset(0, 10);
    fuzz::require(matches.size() <= 10, "more matches than asked for");
}

void check_matches(std::string_view text, const std::vector<server::TextMatch>& matches) {
    std::size_t after = 0;
    for (const server::TextMatch& m : matches) {
        fuzz::require(m.length > 0, "an empty match");
        fuzz::require(m.start >= after, "matches out of order or overlapping");
        fuzz::require(m.start + m.length <= text.size(), "a match beyond the text");
        after = m.start + m.length;
    }
}

void mark(const Xapian::Query& query) {
    static const Xapian::Stem stemmer("english");
    const auto terms = server::query_terms(query);
    for (const Texts& texts : sample_texts) {
        check_matches(texts.body, server::find_matches(texts.body, terms, stemmer));
        check_matches(texts.title,
                      server::find_matches(texts.title, terms, stemmer, schema::prefix_title));
        fuzz::require(server::find_matches(texts.body, terms, stemmer, {}, 1).size() <= 1,
                      "more matches than the limit");
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    sample = sample_database();
    builder = std::make_unique<QueryBuilder>(AnalyzerSettings::from_database(sample));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    if (text.empty() || text.size() > 1024 || !utf8::is_valid(text)) return 0;  // the server's 400

    // The search page: with the database (wildcards, spelling), as search_service does.
    const BuiltQuery built = builder->build(text, &sample);
    run(sample, built.query);
    run(sample, built.any_words);
    mark(built.query);
    if (!built.corrected.empty()) {
        fuzz::require(utf8::is_valid(built.corrected), "corrected query is not valid UTF-8");
        run(sample, builder->build(built.corrected, &sample).query);
    }

    // The document route: without a database, as document_service does.
    run(sample, builder->build(text).query);

    const std::string folded = lower_case_words(text);
    fuzz::require(utf8::is_valid(folded), "lower_case_words produced invalid UTF-8");
    return 0;
}
