// dateline-bench-expand: the document sets of bench/run, made from the corpus files by a fixed,
// deterministic rule, so that every run at a scale indexes the same bytes.
//
//   dateline-bench-expand --documents N --out DIR [--dump DIR] [--per-file N]
//                         [--change-percent P] INPUT.jsonl[.gz]...
//
// The records of the inputs, in the order given, form the corpus (C records).
// - N <= C: N records spread evenly over the corpus (record i is taken when
//   floor((i + 1) * N / C) > floor(i * N / C)).
// - N > C: every record, then synthetic copies: copy k = 1, 2, ... of every record in turn,
//   until there are N. Copy k of a record
//     - has the id "<id>~syn<k>" and, when it has a url, the url "<url>#syn<k>";
//     - is dated k * 1000 days earlier (the time of day, if any, is kept);
//     - has its body's paragraphs (blank-line separated; else lines; else sentences)
//       shuffled by a Fisher-Yates shuffle driven by std::mt19937_64 seeded from a hash of
//       the id and k (both defined exactly by the C++ standard, so the bytes do not depend on
//       the machine or the library);
//     - keeps its title, issuer and language;
//     - carries "synthetic": k, which the indexer ignores.
// --change-percent P: the records whose id hashes into the first P percent get a corrected
// title (" (updated)" appended), for the "1% changed" re-indexing measurement. Run again with the
// same N and P = 0 to get the unchanged set back.
// Output: DIR/part-0000.jsonl, ... with --per-file records each (default 50000); with --dump,
// the same records in scriptindex's dump format (bench/scriptindex.script) in DIR/part-0000.dump,
// .... Existing part files in those folders are replaced.
// Prints one JSON object on stdout: records, originals, synthetic, changed, bytes, files.
// Exit status: 0 written, 1 failure (a message names the file and line), 2 usage.

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "line_reader.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Options {
    long long documents = 0;
    std::string out;
    std::string dump;
    long long per_file = 50000;
    double change_percent = 0;
    std::vector<std::string> inputs;
};

constexpr const char* usage =
    "usage: dateline-bench-expand --documents N --out DIR [--dump DIR] [--per-file N]\n"
    "                             [--change-percent P] INPUT.jsonl[.gz]...\n";

long long to_count(const std::string& option, const std::string& value) {
    std::size_t used = 0;
    long long n = -1;
    try {
        n = std::stoll(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || n < 1) throw std::invalid_argument(option + " needs a positive number, not '" + value + "'");
    return n;
}

Options parse_args(int argc, char* argv[]) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-h" || arg == "--help") { std::cout << usage; std::exit(0); }
        if (arg == "--documents" || arg == "--out" || arg == "--dump" || arg == "--per-file" ||
            arg == "--change-percent") {
            if (i + 1 >= argc) throw std::invalid_argument("missing value for " + arg);
            const std::string value = argv[++i];
            if (arg == "--documents") o.documents = to_count(arg, value);
            else if (arg == "--per-file") o.per_file = to_count(arg, value);
            else if (arg == "--out") o.out = value;
            else if (arg == "--dump") o.dump = value;
            else {
                std::size_t used = 0;
                try { o.change_percent = std::stod(value, &used); } catch (const std::exception&) { used = 0; }
                if (used != value.size() || o.change_percent < 0 || o.change_percent > 100) {
                    throw std::invalid_argument("--change-percent needs a number from 0 to 100, not '" + value + "'");
                }
            }
            continue;
        }
        if (!arg.empty() && arg[0] == '-') throw std::invalid_argument("unknown option " + arg);
        o.inputs.push_back(arg);
    }
    if (o.documents == 0 || o.out.empty() || o.inputs.empty()) {
        throw std::invalid_argument("--documents, --out and at least one input are required");
    }
    return o;
}

// FNV-1a, 64 bits: a fixed hash (std::hash may differ between libraries).
std::uint64_t fnv1a(std::string_view text, std::uint64_t seed = 0xcbf29ce484222325ULL) {
    std::uint64_t h = seed;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// Days since 1970-01-01 from a civil date and back (H. Hinnant's algorithms), so that shifted
// dates are exact whatever the time zone.
long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

std::array<long long, 3> civil_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<long long>(yoe) + era * 400 + (m <= 2), m, d};
}

bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

// "YYYY-MM-DD..." moved `days` earlier; anything else is returned unchanged.
std::string shift_date(const std::string& date, long long days) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-') return date;
    const std::string_view v(date);
    if (!all_digits(v.substr(0, 4)) || !all_digits(v.substr(5, 2)) || !all_digits(v.substr(8, 2))) return date;
    const auto [y, m, d] = civil_from_days(
        days_from_civil(std::stoll(date.substr(0, 4)), static_cast<unsigned>(std::stoul(date.substr(5, 2))),
                        static_cast<unsigned>(std::stoul(date.substr(8, 2)))) - days);
    if (y < 1000) return date;  // keep four-digit years
    char head[64];
    std::snprintf(head, sizeof head, "%04lld-%02lld-%02lld", y, m, d);
    return head + date.substr(10);
}

// Splits `body` into the units that are shuffled: paragraphs separated by blank lines; if
// there is only one, lines; if there is only one, sentences (cut after ". ").
std::vector<std::string> split_units(const std::string& body, std::string& glue) {
    for (const std::string separator : {"\n\n", "\n", ". "}) {
        std::vector<std::string> units;
        std::size_t start = 0;
        for (std::size_t at; (at = body.find(separator, start)) != std::string::npos; start = at + separator.size()) {
            units.push_back(body.substr(start, at - start) + (separator == ". " ? "." : ""));
        }
        units.push_back(body.substr(start));
        if (units.size() > 1) {
            glue = separator == ". " ? " " : separator;
            return units;
        }
    }
    glue.clear();
    return {body};
}

std::string shuffle_body(const std::string& body, std::uint64_t seed) {
    std::string glue;
    auto units = split_units(body, glue);
    std::mt19937_64 random(seed);
    // Fisher-Yates with a plain modulo: std::shuffle's use of the engine is not specified.
    for (std::size_t i = units.size(); i > 1; --i) std::swap(units[i - 1], units[random() % i]);
    std::string out;
    for (std::size_t i = 0; i < units.size(); ++i) out += (i ? glue : "") + units[i];
    return out;
}

std::string text_of(const json& record, const char* field) {
    const auto it = record.find(field);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json synthetic_copy(json record, int k) {
    const std::string id = text_of(record, "id");
    const std::string suffix = "~syn" + std::to_string(k);
    record["id"] = id + suffix;
    if (const std::string url = text_of(record, "url"); !url.empty()) record["url"] = url + "#syn" + std::to_string(k);
    if (const std::string date = text_of(record, "date"); !date.empty()) record["date"] = shift_date(date, 1000LL * k);
    record["body"] = shuffle_body(text_of(record, "body"), fnv1a(id + suffix));
    record["synthetic"] = k;
    return record;
}

bool chosen_for_change(const std::string& id, double percent) {
    return static_cast<double>(fnv1a(id, 0x9e3779b97f4a7c15ULL) % 10000) < percent * 100;
}

// One record in scriptindex's dump format: field=value lines; a newline inside a value is
// followed by "="; a blank line ends the record. Dates become YYYYMMDD.
std::string dump_value(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\r') continue;
        out += c;
        if (c == '\n') out += '=';
    }
    return out;
}

void write_dump(std::ostream& out, const json& record) {
    std::string day = text_of(record, "date").substr(0, 10);
    day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
    out << "id=" << dump_value(text_of(record, "id")) << '\n'
        << "title=" << dump_value(text_of(record, "title")) << '\n'
        << "source=" << dump_value(text_of(record, "source")) << '\n'
        << "lang=" << dump_value(text_of(record, "lang")) << '\n';
    if (day.size() == 8 && all_digits(day)) out << "date=" << day << '\n';
    out << "url=" << dump_value(text_of(record, "url")) << '\n'
        << "body=" << dump_value(text_of(record, "body")) << "\n\n";
}

// Writes records to numbered part files, --per-file at a time.
class PartWriter {
public:
    PartWriter(std::string folder, std::string extension, long long per_file)
        : folder_(std::move(folder)), extension_(std::move(extension)), per_file_(per_file) {
        fs::create_directories(folder_);
        for (const auto& entry : fs::directory_iterator(folder_)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind("part-", 0) == 0 && entry.path().extension() == extension_) fs::remove(entry.path());
        }
    }
    std::ostream& next() {
        if (count_ % per_file_ == 0) {
            if (out_.is_open()) close();
            char name[32];
            std::snprintf(name, sizeof name, "part-%04lld", count_ / per_file_);
            path_ = (fs::path(folder_) / (name + extension_)).string();
            out_.open(path_, std::ios::binary | std::ios::trunc);
            if (!out_) throw std::runtime_error("cannot write " + path_);
            ++files_;
        }
        ++count_;
        return out_;
    }
    void close() {
        out_.close();
        if (!out_) throw std::runtime_error("cannot write " + path_ + " (disk full?)");
    }
    long long files() const { return files_; }

private:
    std::string folder_, extension_, path_;
    long long per_file_, count_ = 0, files_ = 0;
    std::ofstream out_;
};

// The corpus, parsed once (about 5 times its size in memory: 2 GB for the shared corpus).
std::vector<json> read_corpus(const std::vector<std::string>& inputs) {
    std::vector<json> records;
    for (const auto& path : inputs) {
        dateline::LineReader reader(path);
        for (std::string line; reader.next(line);) {
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            json record = json::parse(line, nullptr, false);
            if (!record.is_object() || text_of(record, "id").empty()) {
                throw std::runtime_error(path + ":" + std::to_string(reader.line_number()) +
                                         ": not a JSON object with an id");
            }
            records.push_back(std::move(record));
        }
    }
    if (records.empty()) throw std::runtime_error("no records in the inputs");
    return records;
}

}  // namespace

int main(int argc, char* argv[]) {
    Options o;
    try {
        o = parse_args(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "dateline-bench-expand: " << e.what() << "\n" << usage;
        return 2;
    }
    try {
        const std::vector<json> corpus = read_corpus(o.inputs);
        const auto size = static_cast<long long>(corpus.size());
        PartWriter jsonl(o.out, ".jsonl", o.per_file);
        std::optional<PartWriter> dump;
        if (!o.dump.empty()) dump.emplace(o.dump, ".dump", o.per_file);

        long long written = 0, synthetic = 0, changed = 0, bytes = 0;
        auto emit = [&](json record) {
            if (o.change_percent > 0 && chosen_for_change(text_of(record, "id"), o.change_percent)) {
                // The title, not the body's end: the indexer drops what follows an end mark ("###").
                record["title"] = text_of(record, "title") + " (updated)";
                ++changed;
            }
            const std::string line = record.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
            jsonl.next() << line;
            bytes += static_cast<long long>(line.size());
            if (dump) write_dump(dump->next(), record);
            ++written;
        };
        if (o.documents <= size) {
            for (long long i = 0; i < size; ++i) {
                if ((i + 1) * o.documents / size > i * o.documents / size) emit(corpus[static_cast<std::size_t>(i)]);
            }
        } else {
            for (const auto& record : corpus) emit(record);
            for (int k = 1; written < o.documents; ++k) {
                for (long long i = 0; i < size && written < o.documents; ++i, ++synthetic) {
                    emit(synthetic_copy(corpus[static_cast<std::size_t>(i)], k));
                }
            }
        }
        jsonl.close();
        if (dump) dump->close();
        std::cout << json{{"records", written},        {"originals", written - synthetic},
                          {"synthetic", synthetic},    {"changed", changed},
                          {"jsonl_bytes", bytes},      {"files", jsonl.files()},
                          {"corpus_records", size}}.dump()
                  << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "dateline-bench-expand: " << e.what() << "\n";
        return 1;
    }
}
