// dateline-bench-fts5-load: loads corpus files into an SQLite FTS5 table, the baseline that
// dateline-bench-search compares Dateline's search with.
//
//   dateline-bench-fts5-load --fts FILE [--limit N] [--no-optimize] INPUT.jsonl[.gz]...
//
// FILE is created afresh (an existing file is replaced). The table is
//
//   CREATE VIRTUAL TABLE releases USING fts5(id UNINDEXED, title, body, source UNINDEXED,
//       date UNINDEXED, month UNINDEXED, tokenize='porter unicode61')
//
// Records are read with the project's own reader (dateline::LineReader, gzip or not, and
// dateline::parse_jsonl_record), and the id is assigned as the indexer does
// (schema::assign_id), so both engines see the same records. month = the first 7 characters of
// the date ("YYYY-MM"; empty when the record has no date). Records the parser rejects are
// skipped and counted, as the indexer does. All rows are inserted in one transaction; then,
// unless --no-optimize, the FTS5 'optimize' command merges the index into one b-tree (what one
// would do before serving a static archive; timed separately).
// --limit N: only the first N lines of each input file.
// Prints one JSON object on stdout: rows, skipped, per-phase seconds, file size.
// Exit status: 0 loaded, 1 failure, 2 usage.

#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "errors.hpp"
#include "jsonl_reader.hpp"
#include "line_reader.hpp"
#include "schema.hpp"

namespace {

struct Options {
    std::string fts;
    std::vector<std::string> inputs;
    long long limit = 0;  // lines per file; 0 = all
    bool optimize = true;
};

constexpr const char* usage =
    "usage: dateline-bench-fts5-load --fts FILE [--limit N] [--no-optimize] INPUT...\n";

Options parse_args(int argc, char* argv[]) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-h" || arg == "--help") { std::cout << usage; std::exit(0); }
        if (arg == "--no-optimize") { o.optimize = false; continue; }
        if (arg == "--fts" || arg == "--limit") {
            if (i + 1 >= argc) throw std::invalid_argument("missing value for " + arg);
            const std::string value = argv[++i];
            if (arg == "--fts") {
                o.fts = value;
            } else {
                std::size_t used = 0;
                o.limit = std::stoll(value, &used);
                if (used != value.size() || o.limit < 0) throw std::invalid_argument("bad --limit");
            }
            continue;
        }
        if (!arg.empty() && arg[0] == '-' && arg != "-") throw std::invalid_argument("unknown option " + arg);
        o.inputs.push_back(arg);
    }
    if (o.fts.empty() || o.inputs.empty()) throw std::invalid_argument("--fts and at least one input are required");
    return o;
}

void check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
    }
}

void exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw std::runtime_error(std::string(sql).substr(0, 60) + ": " + message);
    }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void bind_text(sqlite3_stmt* stmt, int index, const std::string& text) {
    sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

}  // namespace

int main(int argc, char* argv[]) {
    Options o;
    try {
        o = parse_args(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "dateline-bench-fts5-load: " << e.what() << "\n" << usage;
        return 2;
    }

    sqlite3* db = nullptr;
    try {
        std::filesystem::remove(o.fts);
        std::filesystem::remove(o.fts + "-journal");
        if (sqlite3_open(o.fts.c_str(), &db) != SQLITE_OK) {
            throw std::runtime_error("cannot open " + o.fts + ": " + sqlite3_errmsg(db));
        }
        // A throw-away baseline file: no journal and no fsync while loading.
        exec(db, "PRAGMA journal_mode=OFF");
        exec(db, "PRAGMA synchronous=OFF");
        exec(db,
             "CREATE VIRTUAL TABLE releases USING fts5(id UNINDEXED, title, body, "
             "source UNINDEXED, date UNINDEXED, month UNINDEXED, "
             "tokenize='porter unicode61')");

        sqlite3_stmt* insert = nullptr;
        check(db,
              sqlite3_prepare_v2(db,
                                 "INSERT INTO releases(id, title, body, source, date, month) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                 -1, &insert, nullptr),
              "prepare insert");

        const auto load_start = std::chrono::steady_clock::now();
        exec(db, "BEGIN");
        long long rows = 0, skipped = 0, lines = 0, duplicate_ids = 0;
        std::uint64_t input_bytes = 0;
        std::unordered_set<std::string> ids;
        for (const auto& path : o.inputs) {
            dateline::LineReader reader(path);
            std::string line;
            long long file_lines = 0;
            while ((o.limit == 0 || file_lines < o.limit) && reader.next(line)) {
                ++file_lines;
                ++lines;
                input_bytes += line.size() + 1;
                if (line.find_first_not_of(" \t\r\f\v") == std::string::npos) continue;
                if (reader.last_line_truncated()) { ++skipped; continue; }
                dateline::PressRelease release;
                try {
                    release = dateline::parse_jsonl_record(line);
                } catch (const dateline::ParseError& e) {
                    ++skipped;
                    std::cerr << path << ":" << reader.line_number() << ": skipped: " << e.what() << "\n";
                    continue;
                }
                dateline::schema::assign_id(release);
                // The indexer replaces a document with the same id; here a repeated id is
                // only counted (the corpora have none), so the row counts can be compared.
                if (!ids.insert(release.id).second) ++duplicate_ids;
                const std::string month = release.date.size() >= 7 ? release.date.substr(0, 7) : "";
                bind_text(insert, 1, release.id);
                bind_text(insert, 2, release.title);
                bind_text(insert, 3, release.body);
                bind_text(insert, 4, release.source);
                bind_text(insert, 5, release.date);
                bind_text(insert, 6, month);
                check(db, sqlite3_step(insert), "insert");
                sqlite3_reset(insert);
                ++rows;
            }
        }
        exec(db, "COMMIT");
        sqlite3_finalize(insert);
        const double load_s = seconds_since(load_start);

        double optimize_s = 0;
        if (o.optimize) {
            const auto start = std::chrono::steady_clock::now();
            exec(db, "INSERT INTO releases(releases) VALUES('optimize')");
            optimize_s = seconds_since(start);
        }
        sqlite3_close(db);
        db = nullptr;

        nlohmann::ordered_json out = {
            {"file", o.fts},
            {"sqlite_version", sqlite3_libversion()},
            {"inputs", o.inputs.size()},
            {"limit_per_file", o.limit},
            {"lines", lines},
            {"input_bytes", input_bytes},
            {"rows", rows},
            {"skipped", skipped},
            {"duplicate_ids", duplicate_ids},
            {"load_s", std::round(load_s * 1000) / 1000},
            {"rows_per_s", std::round(static_cast<double>(rows) / load_s * 10) / 10},
            {"optimized", o.optimize},
            {"optimize_s", std::round(optimize_s * 1000) / 1000},
            {"size_bytes", std::filesystem::file_size(o.fts)},
        };
        std::cout << out.dump(2) << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "dateline-bench-fts5-load: " << e.what() << "\n";
        if (db != nullptr) sqlite3_close(db);
        return 1;
    }
}
