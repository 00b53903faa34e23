#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>

#include "analyzer.hpp"
#include "release_structure.hpp"
#include "schema.hpp"
#include "utf8.hpp"

namespace dateline::fuzz {

void require(bool condition, const char* what) {
    if (condition) return;
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
}

namespace {

void require_utf8(const PressRelease& release, const char* stage) {
    const auto check = [stage](const std::string& text, const char* field) {
        if (utf8::is_valid(text)) return;
        std::fprintf(stderr, "fuzz check failed: %s: %s is not valid UTF-8\n", stage, field);
        std::abort();
    };
    check(release.title, "title");
    check(release.body, "body");
    check(release.date, "date");
    check(release.source, "source");
    check(release.place, "place");
    check(release.url, "url");
    check(release.lang, "lang");
    for (const std::string& topic : release.topics) check(topic, "a topic");
}

}  // namespace

void index_release(PressRelease& release) {
    require_utf8(release, "as the reader emitted it");
    schema::assign_id(release);
    complete_structure(release);
    analyze_release(release);
}

void analyze_release(const PressRelease& release) {
    require_utf8(release, "as the indexer analyses it (after complete_structure)");
    require(!release.id.empty(), "a release without an id");
    static DocumentAnalyzer analyzer{AnalyzerSettings{}};
    const Xapian::Document document = analyzer.analyze(release);
    require(!schema::encode_data(release).empty(), "document data is empty");
    require(document.termlist_count() > 0, "document has no terms (not even its id)");
}

ReaderEvents counting_events(Counts& counts) {
    ReaderEvents events;
    events.on_record = [&counts](PressRelease&& release, std::size_t) {
        ++counts.records;
        index_release(release);
    };
    events.on_skip = [&counts](std::size_t, const std::string& message) {
        ++counts.skips;
        require(!message.empty(), "a skip without a message");
    };
    events.on_warning = [&counts](std::size_t, const std::string& message) {
        ++counts.warnings;
        require(!message.empty(), "a warning without a message");
    };
    events.stop_requested = [] { return false; };
    return events;
}

}  // namespace dateline::fuzz
