// How often read_html_page agrees with the records that were extracted from the same pages by
// their publishers' own structure (the corpus JSONL files), per archive.
//
//   html_agreement NAME PAGES_DIR RECORDS.jsonl[.gz] [NAME PAGES_DIR RECORDS ...]
//
// A page is matched to its record by the last part of the record's URL (MFA pages are saved as
// "t1558711.shtml", the name the URL ends with), else by the page's <link rel="canonical">,
// found by a plain text search so that the join does not depend on the reader under test.
// Pages with no record (the corpus withholds some DOJ releases) are counted and left out.
//
//   title agrees   same text after collapsing whitespace and ASCII case. Some old
//                  mfa_press_zh records hold only the first line of a heading broken by <br>
//                  ("...人民大会党<br>宣布成立...答记者问"); where the page's bytes show exactly
//                  that and the page's title starts with the record's, the difference is the
//                  record's, and it is counted and printed apart, and not held against the page
//   date agrees    same day (the first ten characters), or both without a date
//
// A matched page that the reader skips disagrees on both. Prints the rates, a few
// disagreements of each kind, how closely the bodies agree (for information; the records'
// bodies follow each site's own markup), and the reading speed. Exits 1 when the title or the
// date agrees on fewer than 98% of the matched pages of any archive.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "html_content.hpp"
#include "html_dom.hpp"
#include "html_page.hpp"
#include "line_reader.hpp"

namespace fs = std::filesystem;
using dateline::PressRelease;

namespace {

constexpr double required_rate = 0.98;
// Disagreements printed per kind; HTML_AGREEMENT_EXAMPLES=N shows more.
const int examples_shown = [] {
    const char* value = std::getenv("HTML_AGREEMENT_EXAMPLES");
    return value ? std::atoi(value) : 6;
}();

struct Record {
    std::string title;
    std::string date;
    std::string url;
    std::string body;
};

struct Page {
    std::string name;
    std::string bytes;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string url_stem(const std::string& url) {
    std::string last = url.substr(url.find_last_of('/') + 1);
    return last.substr(0, last.find('.'));
}

// <link rel="canonical" href="..."> by plain search, as the page's own bytes have it.
std::string canonical_href(const std::string& page) {
    const std::size_t rel = page.find("rel=\"canonical\"");
    if (rel == std::string::npos) return "";
    const std::size_t tag_start = page.rfind('<', rel);
    const std::size_t tag_end = page.find('>', rel);
    if (tag_start == std::string::npos || tag_end == std::string::npos) return "";
    const std::string tag = page.substr(tag_start, tag_end - tag_start);
    const std::size_t href = tag.find("href=\"");
    if (href == std::string::npos) return "";
    const std::size_t end = tag.find('"', href + 6);
    return end == std::string::npos ? "" : tag.substr(href + 6, end - href - 6);
}

std::string normalized_title(const std::string& title) {
    std::string out = dateline::html::collapse_whitespace(title);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// True when the page's bytes continue `title` with a <br>: the heading went on past a line
// break that the record's converter took for its end (old mfa_press_zh pages).
bool cut_at_line_break(const std::string& page, const std::string& title) {
    for (std::size_t at = page.find(title); at != std::string::npos;
         at = page.find(title, at + 1)) {
        std::string next = page.substr(at + title.size(), 3);
        for (char& c : next) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        if (next == "<br") return true;
    }
    return false;
}

std::string day_of(const std::string& date) {
    return date.substr(0, 10);
}

// Share of the words of the longer body that the other one has too (as multisets). Outside
// ASCII every character counts as a word, so that Chinese text, written without spaces, is
// compared character by character.
double body_overlap(const std::string& a, const std::string& b) {
    auto words = [](const std::string& text) {
        std::map<std::string, int> counts;
        std::size_t total = 0;
        std::string word;
        auto flush = [&]() {
            if (word.empty()) return;
            ++counts[word];
            ++total;
            word.clear();
        };
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte < 0x80) {
                if (byte <= ' ') {
                    flush();
                } else {
                    word += text[i];
                }
                continue;
            }
            flush();
            std::size_t length = 1;
            while (i + length < text.size() &&
                   (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) {
                ++length;
            }
            word = text.substr(i, length);
            flush();
            i += length - 1;
        }
        flush();
        return std::make_pair(counts, total);
    };
    const auto [counts_a, total_a] = words(a);
    const auto [counts_b, total_b] = words(b);
    if (total_a == 0 && total_b == 0) return 1.0;
    std::size_t common = 0;
    for (const auto& [word, count] : counts_a) {
        const auto found = counts_b.find(word);
        if (found != counts_b.end())
            common += static_cast<std::size_t>(std::min(count, found->second));
    }
    return static_cast<double>(common) / static_cast<double>(std::max(total_a, total_b));
}

std::string shorten(const std::string& text, std::size_t bytes = 110) {
    if (text.size() <= bytes) return text;
    std::size_t cut = bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "...";
}

struct Outcome {
    bool read = false;
    PressRelease release;
    std::string skip_reason;
};

Outcome read_page(const std::string& bytes) {
    Outcome outcome;
    dateline::ReaderEvents events;
    events.on_record = [&outcome](PressRelease&& release, std::size_t) {
        outcome.read = true;
        outcome.release = std::move(release);
    };
    events.on_skip = [&outcome](std::size_t, const std::string& message) {
        outcome.skip_reason = message;
    };
    dateline::read_html_page(bytes, events);
    return outcome;
}

// The body found by structure and text density alone, without the known containers.
std::string density_body(const std::string& bytes) {
    const dateline::html::Document document(bytes);
    dateline::html::ContentOptions options;
    options.use_known_containers = false;
    return dateline::html::find_main_content(document, options).text;
}

double rate(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// Checks one archive; returns whether both rates reach the requirement.
bool check_archive(const std::string& name, const fs::path& pages_dir,
                   const std::string& records_path) {
    std::unordered_map<std::string, Record> by_url;
    std::unordered_map<std::string, std::string> url_by_stem;
    dateline::LineReader lines(records_path);
    std::string line;
    while (lines.next(line)) {
        if (line.empty()) continue;
        const nlohmann::json json = nlohmann::json::parse(line);
        Record record{json.value("title", ""), json.value("date", ""), json.value("url", ""),
                      json.value("body", "")};
        url_by_stem[url_stem(record.url)] = record.url;
        by_url[record.url] = std::move(record);
    }

    std::vector<Page> pages;
    for (const auto& entry : fs::recursive_directory_iterator(pages_dir)) {
        if (entry.is_regular_file()) {
            pages.push_back(Page{entry.path().filename().string(), read_file(entry.path())});
        }
    }
    std::sort(pages.begin(), pages.end(),
              [](const Page& a, const Page& b) { return a.name < b.name; });

    std::size_t bytes_total = 0;
    std::vector<Outcome> outcomes;
    outcomes.reserve(pages.size());
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    for (const Page& page : pages) {
        outcomes.push_back(read_page(page.bytes));
        bytes_total += page.bytes.size();
    }
    const double cpu_seconds =
        static_cast<double>(std::clock() - cpu_start) / static_cast<double>(CLOCKS_PER_SEC);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::size_t matched = 0, unmatched = 0, skipped = 0, titles = 0, dates = 0, urls = 0;
    std::size_t titles_cut = 0;
    std::size_t bodies_close = 0, density_close = 0;
    double overlap_sum = 0.0, density_sum = 0.0;
    std::vector<std::string> title_misses, date_misses, skip_notes;
    std::vector<std::pair<double, std::string>> body_gaps;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const Page& page = pages[i];
        const Outcome& outcome = outcomes[i];
        std::string url;
        const auto by_stem = url_by_stem.find(url_stem(page.name));
        if (by_stem != url_by_stem.end()) {
            url = by_stem->second;
        } else {
            url = canonical_href(page.bytes);
        }
        const auto found = by_url.find(url);
        if (found == by_url.end()) {
            ++unmatched;
            continue;
        }
        ++matched;
        const Record& record = found->second;
        if (!outcome.read) {
            ++skipped;
            if (static_cast<int>(skip_notes.size()) < examples_shown) {
                skip_notes.push_back(page.name + ": " + outcome.skip_reason);
            }
            continue;
        }
        const PressRelease& release = outcome.release;
        const std::string page_title = normalized_title(release.title);
        const std::string record_title = normalized_title(record.title);
        if (page_title == record_title) {
            ++titles;
        } else if (!record_title.empty() && page_title.rfind(record_title, 0) == 0 &&
                   cut_at_line_break(page.bytes, record.title)) {
            ++titles_cut;
        } else if (static_cast<int>(title_misses.size()) < examples_shown) {
            title_misses.push_back(page.name + ":\n      page:   \"" + shorten(release.title) +
                                   "\"\n      record: \"" + shorten(record.title) + "\"");
        }
        if (day_of(release.date) == day_of(record.date)) {
            ++dates;
        } else if (static_cast<int>(date_misses.size()) < examples_shown) {
            date_misses.push_back(page.name + ": page \"" + release.date + "\", record \"" +
                                  record.date + "\" (title \"" + shorten(record.title, 80) + "\")");
        }
        if (release.url == record.url) ++urls;
        const double overlap = body_overlap(release.body, record.body);
        overlap_sum += overlap;
        body_gaps.push_back({overlap, page.name + ": body " + std::to_string(release.body.size()) +
                                          " bytes, record's " +
                                          std::to_string(record.body.size())});
        if (overlap >= 0.9) ++bodies_close;
        const double fallback = body_overlap(density_body(page.bytes), record.body);
        density_sum += fallback;
        if (fallback >= 0.9) ++density_close;
    }

    const std::size_t judged = matched;
    std::printf(
        "%s: %zu pages, %zu matched to a record, %zu without one (withheld), "
        "%zu of the matched skipped\n",
        name.c_str(), pages.size(), matched, unmatched, skipped);
    std::printf("  title agrees: %zu/%zu = %.2f%%\n", titles, judged, 100.0 * rate(titles, judged));
    if (titles_cut > 0) {
        std::printf(
            "  title is longer than the record's because the record stops at a <br> of the "
            "page's heading: %zu\n"
            "  title agrees apart from those records: %zu/%zu = %.2f%%\n",
            titles_cut, titles + titles_cut, judged, 100.0 * rate(titles + titles_cut, judged));
    }
    std::printf("  date agrees:  %zu/%zu = %.2f%%\n", dates, judged, 100.0 * rate(dates, judged));
    std::printf("  url agrees:   %zu/%zu = %.2f%% (information)\n", urls, judged,
                100.0 * rate(urls, judged));
    const std::size_t read = judged - skipped;
    std::printf("  body: mean word overlap %.3f, %zu/%zu pages >= 0.9 (information)\n",
                read ? overlap_sum / static_cast<double>(read) : 0.0, bodies_close, read);
    std::printf(
        "  body without known containers (text density only): mean %.3f, "
        "%zu/%zu pages >= 0.9 (information)\n",
        read ? density_sum / static_cast<double>(read) : 0.0, density_close, read);
    std::printf(
        "  speed: %.0f pages/s, %.1f MB/s of CPU time (%zu pages, %.1f MB in %.2f s "
        "CPU, %.2f s elapsed)\n",
        static_cast<double>(pages.size()) / cpu_seconds,
        static_cast<double>(bytes_total) / 1e6 / cpu_seconds, pages.size(),
        static_cast<double>(bytes_total) / 1e6, cpu_seconds, seconds);
    std::sort(body_gaps.begin(), body_gaps.end());
    for (std::size_t i = 0; i < body_gaps.size() && static_cast<int>(i) < examples_shown; ++i) {
        std::printf("  body overlap %.2f %s\n", body_gaps[i].first, body_gaps[i].second.c_str());
    }
    for (const std::string& note : skip_notes) std::printf("  skipped %s\n", note.c_str());
    for (const std::string& miss : title_misses) std::printf("  title differs %s\n", miss.c_str());
    for (const std::string& miss : date_misses) std::printf("  date differs %s\n", miss.c_str());

    const bool passed = judged > 0 && rate(titles + titles_cut, judged) >= required_rate &&
                        rate(dates, judged) >= required_rate;
    std::printf("  %s\n", passed ? "PASS (>= 98% for title and date)"
                                 : "FAIL: title or date agrees on fewer than 98% of pages");
    return passed;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4 || (argc - 1) % 3 != 0) {
        std::fprintf(stderr, "usage: html_agreement NAME PAGES_DIR RECORDS.jsonl[.gz] ...\n");
        return 2;
    }
    try {
        bool passed = true;
        for (int i = 1; i + 2 < argc; i += 3) {
            passed = check_archive(argv[i], argv[i + 1], argv[i + 2]) && passed;
        }
        return passed ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "html_agreement: error: %s\n", error.what());
        return 1;
    }
}
