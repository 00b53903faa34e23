// Press-release structure over the real corpora: how often datelines, issuers, languages, end
// marks and contact blocks are found, with samples to read, and the figures that must not
// regress. Usage: structure_check CORPUS_DIR [--samples N]; $DATELINE_CORPUS overrides the
// folder.
//
// Exit status: 0 all thresholds met, 1 a threshold missed, 2 bad usage or unreadable corpus,
// 77 no corpus in the folder (a clone without ../shared/corpus: the check is skipped).

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "boilerplate.hpp"
#include "dateline.hpp"
#include "dates.hpp"
#include "issuer.hpp"
#include "language_detect.hpp"

namespace {

namespace dates = dateline::dates;

struct Record {
    std::string title;
    std::string date;
    std::string source;
    std::string lang;
    std::string body;
};

// Reads every line of a gzip-compressed JSON Lines file; false if it cannot be read.
bool read_corpus(const std::string& path, std::vector<Record>& records) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr) return false;
    std::string line;
    char buffer[1 << 16];
    bool ok = true;
    while (true) {
        if (gzgets(file, buffer, sizeof buffer) == nullptr) break;
        line += buffer;
        if (line.empty() || line.back() != '\n') continue;
        const auto json = nlohmann::json::parse(line, nullptr, false);
        line.clear();
        if (!json.is_object()) continue;
        Record record;
        record.title = json.value("title", "");
        record.date = json.value("date", "");
        record.source = json.value("source", "");
        record.lang = json.value("lang", "");
        record.body = json.value("body", "");
        records.push_back(std::move(record));
    }
    int error = 0;
    gzerror(file, &error);
    if (error != Z_OK && error != Z_STREAM_END) ok = false;
    gzclose(file);
    return ok;
}

std::string one_line(std::string_view text, std::size_t bytes) {
    std::string out;
    for (const char c : text.substr(0, bytes)) out += c == '\n' ? '|' : c;
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    return out;
}

double percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

struct Failure {
    std::vector<std::string> messages;
    void check(bool ok, const std::string& message) {
        std::printf("  %s %s\n", ok ? "ok  " : "FAIL", message.c_str());
        if (!ok) messages.push_back(message);
    }
};

// Picks up to `count` items of `items` at random (fixed seed: the same samples every run).
template <typename T>
std::vector<T> sample(std::vector<T> items, std::size_t count) {
    std::mt19937 random(20250723);
    std::shuffle(items.begin(), items.end(), random);
    if (items.size() > count) items.resize(count);
    return items;
}

struct Figures {
    std::size_t records = 0;
    std::size_t dates = 0;
    std::size_t dates_parsed = 0;
    std::size_t places = 0;
    std::size_t dashless = 0;
    std::size_t agencies = 0;
    std::size_t header_issuers = 0;
    std::size_t inferred_days = 0;
    std::size_t inferred_same_year = 0;
    std::size_t lang_detected = 0;
    std::size_t lang_agrees = 0;
    std::size_t end_marks = 0;
    std::size_t trailers = 0;
    std::size_t bytes = 0;
    std::size_t bytes_cut = 0;
    std::size_t worst_cut_percent = 0;
};

Figures measure(const std::string& name, const std::vector<Record>& records, std::size_t samples) {
    Figures f;
    std::vector<std::string> place_samples;
    std::vector<std::string> dashless_samples;
    std::vector<std::string> issuer_samples;
    std::vector<std::string> cut_samples;
    std::vector<std::string> lang_misses;
    std::map<std::string, std::size_t> place_counts;
    for (const Record& record : records) {
        ++f.records;
        f.bytes += record.body.size();
        if (!record.date.empty()) {
            ++f.dates;
            if (dates::parse(record.date)) ++f.dates_parsed;
        }
        if (const auto found = dateline::find_dateline(record.body.substr(0, 512))) {
            ++f.places;
            ++place_counts[found->place];
            const std::string line = found->place + "  <=  " + one_line(record.body, 90);
            place_samples.push_back(line);
            if (!found->has_dash) {
                ++f.dashless;
                dashless_samples.push_back(line);
            }
            if (!dateline::issuer_from_agency(found->agency).empty()) ++f.agencies;
            if (found->month != 0 && !record.date.empty()) {
                const std::string day = dateline::dateline_date(*found, record.date);
                if (!day.empty()) {
                    ++f.inferred_days;
                    if (day.substr(0, 4) == record.date.substr(0, 4)) ++f.inferred_same_year;
                }
            }
        }
        if (const std::string issuer = dateline::issuer_from_header(record.body.substr(0, 512));
            !issuer.empty()) {
            ++f.header_issuers;
            issuer_samples.push_back(issuer + "  <=  " + one_line(record.body, 120));
        }
        const std::string lang = dateline::detect_language(record.title + "\n" + record.body);
        if (!lang.empty()) {
            ++f.lang_detected;
            if (lang == record.lang) {
                ++f.lang_agrees;
            } else {
                lang_misses.push_back(lang + " (record: " + record.lang + ")  " +
                                      one_line(record.body, 100));
            }
        }
        std::string body = record.body;
        const auto cut = dateline::strip_boilerplate(body);
        if (cut.end_mark_bytes > 0) ++f.end_marks;
        if (cut.trailer_bytes > 0) ++f.trailers;
        if (cut.any()) {
            const std::size_t removed = record.body.size() - body.size();
            f.bytes_cut += removed;
            const std::size_t share = removed * 100 / record.body.size();
            if (share > f.worst_cut_percent) f.worst_cut_percent = share;
            std::string kept_end = body.size() > 80 ? body.substr(body.size() - 80) : body;
            cut_samples.push_back("..." + one_line(kept_end, 80) + "  [CUT " +
                                  std::to_string(removed) + " B:] " +
                                  one_line(std::string_view(record.body).substr(body.size()), 160));
        }
    }

    std::printf("\n== %s: %zu records, %.1f MB of body text\n", name.c_str(), f.records,
                static_cast<double>(f.bytes) / 1e6);
    std::printf("dates parsed: %zu of %zu\n", f.dates_parsed, f.dates);
    std::printf("dateline place: %zu (%.1f%%), without dash %zu, with a known agency %zu, "
                "dateline day given a year %zu (same year as the record %zu)\n",
                f.places, percent(f.places, f.records), f.dashless, f.agencies, f.inferred_days,
                f.inferred_same_year);
    std::vector<std::pair<std::size_t, std::string>> top;
    for (const auto& [place, count] : place_counts) top.emplace_back(count, place);
    std::sort(top.rbegin(), top.rend());
    std::printf("most frequent places:");
    for (std::size_t i = 0; i < top.size() && i < 12; ++i) {
        std::printf(" %s (%zu);", top[i].second.c_str(), top[i].first);
    }
    std::printf("\n");
    for (const auto& line : sample(place_samples, samples)) {
        std::printf("  place: %s\n", line.c_str());
    }
    for (const auto& line : sample(dashless_samples, samples / 2)) {
        std::printf("  no dash: %s\n", line.c_str());
    }
    std::printf("issuer from a release header: %zu\n", f.header_issuers);
    for (const auto& line : sample(issuer_samples, samples / 2)) {
        std::printf("  issuer: %s\n", line.c_str());
    }
    std::printf("language detected: %zu (%.1f%%), agreeing with the record: %zu (%.2f%% of "
                "detected)\n",
                f.lang_detected, percent(f.lang_detected, f.records), f.lang_agrees,
                percent(f.lang_agrees, f.lang_detected));
    for (const auto& line : sample(lang_misses, samples / 2)) {
        std::printf("  language differs: %s\n", line.c_str());
    }
    std::printf("boilerplate: end mark cut in %zu, trailing blocks in %zu records; %.2f%% of the "
                "bytes; largest cut %zu%% of a body\n",
                f.end_marks, f.trailers, percent(f.bytes_cut, f.bytes), f.worst_cut_percent);
    for (const auto& line : sample(cut_samples, samples)) std::printf("  cut: %s\n", line.c_str());
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: structure_check CORPUS_DIR [--samples N]\n");
        return 2;
    }
    const char* override_dir = std::getenv("DATELINE_CORPUS");
    const std::string corpus = override_dir != nullptr && *override_dir ? override_dir : argv[1];
    if (std::FILE* probe = std::fopen((corpus + "/doj_press_releases.jsonl.gz").c_str(), "rb")) {
        std::fclose(probe);
    } else {
        std::printf("SKIPPED: structure check needs the corpus in %s\n", corpus.c_str());
        return 77;
    }
    std::size_t samples = 12;
    if (argc == 4 && std::string(argv[2]) == "--samples") {
        samples = static_cast<std::size_t>(std::strtoul(argv[3], nullptr, 10));
    }
    const std::vector<std::string> names = {"doj_press_releases", "us_senate_press_grimmer",
                                            "au_parliament_press", "reuters21578",
                                            "mfa_press_en", "mfa_press_zh"};
    std::map<std::string, Figures> figures;
    for (const std::string& name : names) {
        std::vector<Record> records;
        if (!read_corpus(corpus + "/" + name + ".jsonl.gz", records)) {
            std::fprintf(stderr, "structure_check: cannot read %s/%s.jsonl.gz\n", corpus.c_str(),
                         name.c_str());
            return 2;
        }
        figures[name] = measure(name, records, samples);
    }

    // Thresholds: each a little below what the current code measures (see the issue note),
    // so that they catch a regression, not noise.
    std::printf("\n== thresholds\n");
    Failure failures;
    for (const auto& [name, f] : figures) {
        failures.check(f.dates_parsed == f.dates, name + ": every record date parses");
        failures.check(f.worst_cut_percent <= 50,
                       name + ": no boilerplate cut takes more than half of a body");
        failures.check(f.lang_agrees * 1000 >= f.lang_detected * 995,
                       name + ": detected language agrees with the record for >= 99.5%");
    }
    const Figures& reuters = figures["reuters21578"];
    failures.check(percent(reuters.places, reuters.records) >= 85.0,
                   "reuters21578: >= 85% of stories give a dateline place");
    failures.check(reuters.inferred_same_year * 100 >= reuters.inferred_days * 99,
                   "reuters21578: >= 99% of dateline days fall in the record's year");
    const Figures& doj = figures["doj_press_releases"];
    failures.check(percent(doj.places, doj.records) >= 25.0,
                   "doj_press_releases: >= 25% of releases give a dateline place");
    for (const std::string name : {"mfa_press_en", "mfa_press_zh"}) {
        // Transcripts have no datelines: whatever is found there is a false positive.
        const Figures& mfa = figures[name];
        failures.check(mfa.places * 200 <= mfa.records,
                       name + ": <= 0.5% of transcripts give a (false) dateline place");
    }
    for (const std::string name : {"doj_press_releases", "mfa_press_en", "mfa_press_zh"}) {
        const Figures& f = figures[name];
        failures.check(f.lang_detected * 100 >= f.records * 99,
                       name + ": language detected for >= 99% of records");
    }
    if (!failures.messages.empty()) {
        std::printf("structure_check: %zu threshold(s) missed\n", failures.messages.size());
        return 1;
    }
    std::printf("structure_check: all thresholds met\n");
    return 0;
}
