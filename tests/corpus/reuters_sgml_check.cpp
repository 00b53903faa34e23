// Reads the real Reuters-21578 SGML files and checks them against the corpus's JSON Lines
// edition of the same articles (joined by id, "reuters21578-<NEWID>"):
//
//   reuters_sgml_check SGM_DIR JSONL_GZ
//
// SGM_DIR holds reut2-000.sgm ... reut2-021.sgm and the collection's category lists
// (all-topics-strings.lc.txt, all-places-strings.lc.txt, ...). Prints the figures and exits 0
// when every article is read and the fields agree; 1 otherwise.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dateline.hpp"
#include "line_reader.hpp"
#include "reuters_sgml.hpp"

namespace fs = std::filesystem;

namespace {

// The collection: 21,578 <REUTERS> elements in 22 files.
constexpr std::size_t expected_articles = 21578;
constexpr std::size_t max_file_bytes = 64 * 1024 * 1024;

struct Reference {
    std::string title;
    std::string date;
    std::string place;  // of the dateline that opens its body
};

std::map<std::string, Reference> read_reference(const std::string& path) {
    std::map<std::string, Reference> records;
    dateline::LineReader lines(path);
    std::string line;
    while (lines.next(line)) {
        if (line.empty()) continue;
        const auto record = nlohmann::json::parse(line);
        const auto dateline = dateline::parse_dateline(record.value("body", ""));
        records[record.at("id").get<std::string>()] = {
            record.value("title", ""), record.value("date", ""), dateline ? dateline->place : ""};
    }
    return records;
}

// Every category code the collection defines (the all-*-strings.lc.txt lists).
std::set<std::string> read_category_codes(const fs::path& dir) {
    std::set<std::string> codes;
    for (const char* list : {"topics", "places", "people", "orgs", "exchanges"}) {
        const fs::path path = dir / (std::string("all-") + list + "-strings.lc.txt");
        dateline::LineReader lines(path.string());
        std::string line;
        while (lines.next(line)) {
            // The lists pad some codes with spaces ("argentina  ").
            line.erase(line.find_last_not_of(" \t") + 1);
            if (!line.empty()) codes.insert(line);
        }
    }
    return codes;
}

double percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

void print_share(const char* what, std::size_t part, std::size_t whole) {
    std::printf("  %-44s %6zu / %6zu  (%.2f%%)\n", what, part, whole, percent(part, whole));
}

}  // namespace

int main(int argc, char** argv) try {
    if (argc != 3) {
        std::cerr << "usage: reuters_sgml_check SGM_DIR JSONL_GZ\n";
        return 2;
    }
    const fs::path dir = argv[1];
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("reut2-", 0) == 0 && entry.path().extension() == ".sgm") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());

    const std::map<std::string, Reference> reference = read_reference(argv[2]);
    const std::set<std::string> known_codes = read_category_codes(dir);

    std::size_t releases = 0, skips = 0, warnings = 0, duplicate_ids = 0, unknown_codes = 0;
    std::size_t with_title = 0, with_body = 0, with_date = 0, with_place = 0, with_topics = 0;
    std::size_t joined = 0, titled_in_reference = 0, title_equal = 0, title_equal_when_titled = 0;
    std::size_t dated_in_reference = 0, date_equal = 0, placed_in_reference = 0, place_equal = 0;
    std::set<std::string> ids;
    std::set<std::string> unknown_examples;
    for (const fs::path& file : files) {
        const std::string bytes = dateline::read_whole_file(file.string(), max_file_bytes);
        dateline::ReaderEvents events;
        events.on_skip = [&](std::size_t line, const std::string& message) {
            ++skips;
            std::cout << file.filename().string() << ":" << line << ": skipped: " << message
                      << "\n";
        };
        events.on_warning = [&](std::size_t line, const std::string& message) {
            ++warnings;
            std::cout << file.filename().string() << ":" << line << ": warning: " << message
                      << "\n";
        };
        events.on_record = [&](dateline::PressRelease&& release, std::size_t) {
            ++releases;
            if (!ids.insert(release.id).second) ++duplicate_ids;
            with_title += !release.title.empty();
            with_body += !release.body.empty();
            with_date += !release.date.empty();
            with_place += !release.place.empty();
            with_topics += !release.topics.empty();
            for (const std::string& code : release.topics) {
                if (known_codes.count(code) == 0) {
                    ++unknown_codes;
                    if (unknown_examples.size() < 5) unknown_examples.insert(code);
                }
            }
            const auto match = reference.find(release.id);
            if (match == reference.end()) return;
            ++joined;
            const Reference& expected = match->second;
            title_equal += release.title == expected.title;
            if (!expected.title.empty()) {
                ++titled_in_reference;
                title_equal_when_titled += release.title == expected.title;
            }
            if (!expected.date.empty()) {
                ++dated_in_reference;
                date_equal += release.date == expected.date;
            }
            if (!expected.place.empty()) {
                ++placed_in_reference;
                place_equal += release.place == expected.place;
            }
        };
        dateline::read_reuters_sgml(bytes, events);
    }

    std::printf(
        "Reuters-21578 SGML: %zu files, %zu releases (%zu expected), %zu skipped, "
        "%zu warnings\n",
        files.size(), releases, expected_articles, skips, warnings);
    print_share("releases with a title", with_title, releases);
    print_share("releases with a body", with_body, releases);
    print_share("releases with a date", with_date, releases);
    print_share("releases with a dateline place", with_place, releases);
    print_share("releases with topics", with_topics, releases);
    print_share("found in the JSON Lines edition", joined, reference.size());
    print_share("title equal", title_equal, joined);
    print_share("title equal, where the JSON Lines has one", title_equal_when_titled,
                titled_in_reference);
    print_share("date equal, where the JSON Lines has one", date_equal, dated_in_reference);
    print_share("place equal, where its body has a dateline", place_equal, placed_in_reference);
    std::printf("  duplicate ids: %zu; category codes not in the collection's lists: %zu\n",
                duplicate_ids, unknown_codes);
    for (const std::string& code : unknown_examples) std::printf("    e.g. \"%s\"\n", code.c_str());

    std::vector<std::string> failures;
    if (releases != expected_articles) failures.push_back("release count");
    if (skips != 0) failures.push_back("skipped articles");
    if (duplicate_ids != 0) failures.push_back("duplicate ids");
    if (joined != reference.size()) failures.push_back("articles missing from the SGML reading");
    if (unknown_codes != 0) failures.push_back("unknown category codes");
    if (percent(title_equal_when_titled, titled_in_reference) < 99.5) failures.push_back("titles");
    if (percent(date_equal, dated_in_reference) < 99.9) failures.push_back("dates");
    if (percent(place_equal, placed_in_reference) < 99.0) failures.push_back("places");
    if (percent(with_topics, releases) < 80.0) failures.push_back("topics");
    if (percent(with_place, releases) < 80.0) failures.push_back("dateline places");
    if (!failures.empty()) {
        std::printf("FAILED:");
        for (const std::string& failure : failures) std::printf(" %s;", failure.c_str());
        std::printf("\n");
        return 1;
    }
    std::printf("OK\n");
    return 0;
} catch (const std::exception& error) {
    std::cerr << "reuters_sgml_check: error: " << error.what() << "\n";
    return 1;
}
