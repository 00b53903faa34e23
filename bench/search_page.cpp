// dateline-bench-search: in-process latency of a search results page, Dateline against an
// SQLite FTS5 baseline, the same queries in the same run.
//
//   dateline-bench-search --db XAPIAN_DB --fts FTS_SQLITE_FILE --queries FILE
//                         [--rounds 5] [--warmup 1] [--per-query] [--breakdown]
//                         [--fts-sql rank|bm25] [--fts-mmap BYTES] [--exact-counts-up-to N]
//                         [--no-facet-columns] [--facets-in-turn]
//
// Pages measured (each query, each round, wall time with std::chrono::steady_clock):
//
//   full page   Dateline: SearchService::search() with size 10 and facets source, lang, year
//               and month (top 10 with highlighted title and snippet, total, issuer,
//               language, year and month counts, the month timeline, and the total: the
//               counts come from a second, unranked pass over every match, or over a
//               sample of them beyond --exact-counts-up-to matches).
//               FTS5: (a) top 10 by bm25 with snippet(), (b) count(*), (c) matches per source
//               (top 20), (d) matches per month (years are summed from the months).
//   plain page  Dateline: the same without facets (total exact up to 1000 matches, estimated
//               beyond). FTS5: (a) and (b).
//
// Both sides build the page as an nlohmann::json object (Dateline's search() returns one),
// so neither side is timed without its result shaping. FTS5 statements are prepared once and
// reused; Dateline's pool hands out the same handles each time (reopened per search, as in the
// server; a second one counts the facets beside the ranked pass while a core is free).
//
// Result caches: every query is measured several times, so an engine that remembers results
// would be timed on its cache from the second round on. Each measured Dateline page therefore
// runs on a new SearchService (created outside the timed region; the DatabasePool and its open
// handles are shared and stay warm), so that the service's own caches (the facet cache) start
// empty: the figures are those of a query the service has not seen. If a cache moves out of
// SearchService (into the pool, say), this must follow it. The breakdown variant
// full_page_repeated_query measures the other case: one long-lived service, i.e. the same query
// asked again. FTS5 has no result cache (SQLite's page cache only, warm on both sides). Each round runs every page variant over every query in turn, rotating the order of
// the variants from round to round, after --warmup unmeasured rounds.
//
// --fts-sql chooses the SQL of (a):
//   rank (default)  ... WHERE releases MATCH ?1 AND rank MATCH 'bm25(0.0, 3.0, 1.0)'
//                   ORDER BY rank LIMIT 10: FTS5 sorts by its rank column itself, and
//                   snippet() runs on the 10 rows returned only.
//   bm25            ... WHERE releases MATCH ?1 ORDER BY bm25(releases, 0.0, 3.0, 1.0)
//                   LIMIT 10: SQLite's sorter orders the rows; the result columns, snippet()
//                   included, are computed for every matching row before the sort.
// Either way, title weight 3, body 1 (the weights follow the columns, id first).
// --breakdown adds variants that show where the time goes (see the JSON's "breakdown").
// --fts-mmap BYTES sets PRAGMA mmap_size on the FTS5 connection (default: SQLite's, none).
//
// Queries are read like dateline-bench-http's (one per line, '#' comments and blank lines
// skipped) and translated to FTS5 syntax by to_fts5() below; a query that cannot be translated,
// or that FTS5 rejects, is left out for both engines and listed under "skipped".
// Prints one JSON object on stdout. Exit status: 0 measured, 1 failure, 2 usage.

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "database_pool.hpp"
#include "request_params.hpp"
#include "search_service.hpp"

#include "bench_util.hpp"

namespace {

using dateline::bench::median;
using dateline::bench::percentile;
using dateline::bench::read_queries;
using dateline::bench::round3;

using dateline::server::SearchRequest;

struct Options {
    std::string db;
    std::string fts;
    std::string queries_file;
    int rounds = 5;
    int warmup = 1;
    bool per_query = false;
    bool breakdown = false;
    std::string fts_sql = "rank";
    long long fts_mmap = -1;  // -1: leave SQLite's default
    // The server's --exact-counts-up-to (SearchService).
    long long exact_counts_up_to = dateline::server::default_exact_counts_up_to;
    // Count facets with Xapian's match spies, as the server does for remote shards, instead
    // of the facet columns it loads for a local index (loaded before the first round here).
    bool facet_columns = true;
    // Count facets after the ranked pass on the same thread, as the server does when its cores
    // are busy, instead of beside it on a second thread (SearchService's `cores`).
    bool facets_in_turn = false;
};

constexpr const char* usage =
    "usage: dateline-bench-search --db XAPIAN_DB --fts FTS_SQLITE_FILE --queries FILE\n"
    "                             [--rounds 5] [--warmup 1] [--per-query] [--breakdown]\n"
    "                             [--fts-sql rank|bm25] [--fts-mmap BYTES]\n"
    "                             [--exact-counts-up-to N] [--no-facet-columns]\n"
    "                             [--facets-in-turn]\n";

Options parse_args(int argc, char* argv[]) {
    Options o;
    auto to_int = [](const std::string& name, const std::string& value, long long min) {
        std::size_t used = 0;
        long long n = std::stoll(value, &used);
        if (used != value.size() || n < min) throw std::invalid_argument("bad value for " + name);
        return n;
    };
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--per-query") { o.per_query = true; continue; }
        if (arg == "--breakdown") { o.breakdown = true; continue; }
        if (arg == "--no-facet-columns") { o.facet_columns = false; continue; }
        if (arg == "--facets-in-turn") { o.facets_in_turn = true; continue; }
        if (arg == "-h" || arg == "--help") { std::cout << usage; std::exit(0); }
        if (i + 1 >= argc) throw std::invalid_argument("missing value for " + arg);
        const std::string value = argv[++i];
        if (arg == "--db") o.db = value;
        else if (arg == "--fts") o.fts = value;
        else if (arg == "--queries") o.queries_file = value;
        else if (arg == "--rounds") o.rounds = static_cast<int>(to_int(arg, value, 1));
        else if (arg == "--warmup") o.warmup = static_cast<int>(to_int(arg, value, 0));
        else if (arg == "--fts-mmap") o.fts_mmap = to_int(arg, value, 0);
        else if (arg == "--exact-counts-up-to") o.exact_counts_up_to = to_int(arg, value, 0);
        else if (arg == "--fts-sql") {
            if (value != "rank" && value != "bm25") throw std::invalid_argument("--fts-sql takes rank or bm25");
            o.fts_sql = value;
        } else throw std::invalid_argument("unknown option " + arg);
    }
    if (o.db.empty() || o.fts.empty() || o.queries_file.empty())
        throw std::invalid_argument("--db, --fts and --queries are required");
    return o;
}

// ---------------------------------------------------------------------------------------------
// Dateline query syntax → FTS5 MATCH expression.
//
//   "quoted text"      stays a phrase: "quoted text"
//   high-quality       a hyphenated word becomes a phrase: "high quality"
//   word               a bare word is quoted ("word", so that FTS5 never reads it as a keyword)
//                      and ANDed with its neighbours (FTS5's implicit AND, like Dateline's
//                      default for bare words)
//   OR NOT AND         (upper case, as Dateline's parser needs) kept as operators
//   other punctuation  dropped: letters either side are joined ("U.S." → "US"), a token of
//                      punctuation only disappears; '+word' is taken as 'word'
// Not translatable (reported, and the query is left out for both engines): field prefixes
// (title:, date:...), '-word' exclusions, wildcards (word*), brackets, XOR/NEAR/ADJ, an
// operator at either end or two in a row, and a query with nothing searchable left.
// Non-ASCII characters are kept inside the quoted strings; FTS5's unicode61 tokenizer splits
// and folds them as it did at load time.
struct Translation {
    std::string match;    // the FTS5 expression, when translatable
    std::string problem;  // why not, otherwise
};

Translation to_fts5(std::string_view query) {
    struct Token {
        bool op;
        std::string text;
    };
    std::vector<Token> tokens;
    auto is_word_byte = [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c >= 0x80;
    };
    auto quoted = [](const std::string& text) { return "\"" + text + "\""; };

    std::size_t i = 0;
    while (i < query.size()) {
        const char c = query[i];
        if (c == ' ' || c == '\t') { ++i; continue; }
        if (c == '"') {
            // A phrase runs to the closing quote (or to the end, as Xapian's parser allows).
            const std::size_t end = query.find('"', i + 1);
            std::string inner(query.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1));
            i = end == std::string_view::npos ? query.size() : end + 1;
            if (std::any_of(inner.begin(), inner.end(), [&](char ch) { return is_word_byte(static_cast<unsigned char>(ch)); }))
                tokens.push_back({false, quoted(inner)});
            continue;
        }
        std::size_t end = i;
        while (end < query.size() && query[end] != ' ' && query[end] != '\t' && query[end] != '"') ++end;
        std::string word(query.substr(i, end - i));
        i = end;
        if (word == "OR" || word == "AND" || word == "NOT") { tokens.push_back({true, word}); continue; }
        if (word == "XOR" || word == "NEAR" || word == "ADJ") return {"", "operator " + word};
        if (word.find(':') != std::string::npos) return {"", "field prefix in '" + word + "'"};
        if (word.size() > 1 && word[0] == '-') return {"", "exclusion '" + word + "'"};
        if (word.find('*') != std::string::npos) return {"", "wildcard '" + word + "'"};
        if (word.find_first_of("()") != std::string::npos) return {"", "brackets"};
        // Split at hyphens; drop every other punctuation character.
        std::vector<std::string> parts(1);
        for (char ch : word) {
            if (ch == '-') {
                if (!parts.back().empty()) parts.emplace_back();
            } else if (is_word_byte(static_cast<unsigned char>(ch))) {
                parts.back() += ch;
            }
        }
        if (parts.back().empty()) parts.pop_back();
        if (parts.empty()) continue;
        std::string phrase;
        for (const auto& part : parts) phrase += (phrase.empty() ? "" : " ") + part;
        tokens.push_back({false, quoted(phrase)});
    }

    if (tokens.empty()) return {"", "nothing searchable"};
    if (tokens.front().op || tokens.back().op) return {"", "operator at an end"};
    std::string match;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        if (t > 0 && tokens[t].op && tokens[t - 1].op) return {"", "two operators in a row"};
        match += (t == 0 ? "" : " ") + tokens[t].text;
    }
    return {match, ""};
}

// ---------------------------------------------------------------------------------------------
// The FTS5 side.

struct Statement {
    sqlite3_stmt* stmt = nullptr;
    std::string sql;
};

class Fts5Baseline {
public:
    Fts5Baseline(const std::string& path, const std::string& top_sql_kind, long long mmap) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            throw std::runtime_error("cannot open " + path + ": " + sqlite3_errmsg(db_));
        }
        if (mmap >= 0) {
            const std::string pragma = "PRAGMA mmap_size=" + std::to_string(mmap);
            sqlite3_exec(db_, pragma.c_str(), nullptr, nullptr, nullptr);
        }
        const std::string columns =
            "SELECT id, title, snippet(releases, 2, '<mark>', '</mark>', '\u2026', 32), ";
        top_rank_ = prepare(columns +
                            "rank FROM releases WHERE releases MATCH ?1 "
                            "AND rank MATCH 'bm25(0.0, 3.0, 1.0)' ORDER BY rank LIMIT 10");
        top_bm25_ = prepare(columns +
                            "bm25(releases, 0.0, 3.0, 1.0) FROM releases WHERE releases MATCH ?1 "
                            "ORDER BY bm25(releases, 0.0, 3.0, 1.0) LIMIT 10");
        top_ = top_sql_kind == "bm25" ? &top_bm25_ : &top_rank_;
        count_ = prepare("SELECT count(*) FROM releases WHERE releases MATCH ?1");
        by_source_ = prepare(
            "SELECT source, count(*) FROM releases WHERE releases MATCH ?1 "
            "GROUP BY source ORDER BY 2 DESC LIMIT 20");
        by_month_ = prepare(
            "SELECT month, count(*) FROM releases WHERE releases MATCH ?1 GROUP BY month");
        by_source_month_ = prepare(
            "SELECT source, month, count(*) FROM releases WHERE releases MATCH ?1 "
            "GROUP BY source, month");
    }
    ~Fts5Baseline() {
        for (auto* s : {&top_rank_, &top_bm25_, &count_, &by_source_, &by_month_, &by_source_month_})
            sqlite3_finalize(s->stmt);
        sqlite3_close(db_);
    }
    Fts5Baseline(const Fts5Baseline&) = delete;
    Fts5Baseline& operator=(const Fts5Baseline&) = delete;

    long long rows() {
        Statement s = prepare("SELECT count(*) FROM releases");
        sqlite3_step(s.stmt);
        const long long n = sqlite3_column_int64(s.stmt, 0);
        sqlite3_finalize(s.stmt);
        return n;
    }

    // The parts of a page; `top` chooses the SQL of the top 10 (the configured one by default).
    // one_pass: total and facets from one GROUP BY source, month statement instead of three
    // statements (a breakdown variant: one pass over the matches instead of three).
    enum Part : unsigned { hits = 1, total = 2, facets = 4, one_pass = 8 };
    nlohmann::json page(const std::string& match, unsigned parts, const Statement* top = nullptr) {
        nlohmann::json out = nlohmann::json::object();
        if (parts & hits) {
            nlohmann::json list = nlohmann::json::array();
            run(top ? *top : *top_, match, [&](sqlite3_stmt* s) {
                list.push_back({{"id", text(s, 0)},
                                {"title", text(s, 1)},
                                {"snippet_html", text(s, 2)},
                                {"score", -sqlite3_column_double(s, 3)}});
            });
            out["hits"] = std::move(list);
        }
        if (parts & total) {
            run(count_, match, [&](sqlite3_stmt* s) { out["total"] = sqlite3_column_int64(s, 0); });
        }
        if (parts & facets) {
            nlohmann::json sources = nlohmann::json::array();
            run(by_source_, match, [&](sqlite3_stmt* s) {
                sources.push_back({{"value", text(s, 0)}, {"count", sqlite3_column_int64(s, 1)}});
            });
            nlohmann::json months = nlohmann::json::array();
            std::map<std::string, long long> years;
            run(by_month_, match, [&](sqlite3_stmt* s) {
                std::string month = text(s, 0);
                const long long n = sqlite3_column_int64(s, 1);
                years[month.substr(0, 4)] += n;
                months.push_back({{"value", std::move(month)}, {"count", n}});
            });
            nlohmann::json year_list = nlohmann::json::array();
            for (const auto& [year, n] : years) year_list.push_back({{"value", year}, {"count", n}});
            out["facets"] = {{"source", std::move(sources)}, {"year", std::move(year_list)},
                             {"month", std::move(months)}};
        }
        if (parts & one_pass) {
            std::map<std::string, long long> sources, months, years;
            long long n_total = 0;
            run(by_source_month_, match, [&](sqlite3_stmt* s) {
                const long long n = sqlite3_column_int64(s, 2);
                const std::string month = text(s, 1);
                sources[text(s, 0)] += n;
                months[month] += n;
                years[month.substr(0, 4)] += n;
                n_total += n;
            });
            std::vector<std::pair<std::string, long long>> ranked(sources.begin(), sources.end());
            std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
            if (ranked.size() > 20) ranked.resize(20);
            auto list = [](const auto& pairs) {
                nlohmann::json l = nlohmann::json::array();
                for (const auto& [value, n] : pairs) l.push_back({{"value", value}, {"count", n}});
                return l;
            };
            out["total"] = n_total;
            out["facets"] = {{"source", list(ranked)}, {"year", list(years)}, {"month", list(months)}};
        }
        return out;
    }

    const Statement& top_rank() const { return top_rank_; }
    const Statement& top_bm25() const { return top_bm25_; }
    nlohmann::json sql() const {
        return {{"top10", top_->sql}, {"count", count_.sql}, {"by_source", by_source_.sql},
                {"by_month", by_month_.sql}};
    }

private:
    Statement prepare(const std::string& sql) {
        Statement s;
        s.sql = sql;
        if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s.stmt, nullptr) != SQLITE_OK) {
            throw std::runtime_error("cannot prepare '" + sql + "': " + sqlite3_errmsg(db_));
        }
        return s;
    }

    static std::string text(sqlite3_stmt* s, int column) {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, column))) : std::string();
    }

    template <class Row>
    void run(const Statement& statement, const std::string& match, Row row) {
        sqlite3_stmt* s = statement.stmt;
        sqlite3_bind_text(s, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) row(s);
        const std::string error = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db_);
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        if (!error.empty()) throw std::runtime_error("FTS5: " + error);
    }

    sqlite3* db_ = nullptr;
    Statement top_rank_, top_bm25_, count_, by_source_, by_month_, by_source_month_;
    const Statement* top_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Figures.

nlohmann::ordered_json summary(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    const double mean = ms.empty() ? 0 : std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    return {{"samples", ms.size()},
            {"p50_ms", round3(percentile(ms, 50))},
            {"p95_ms", round3(percentile(ms, 95))},
            {"p99_ms", round3(percentile(ms, 99))},
            {"mean_ms", round3(mean)},
            {"max_ms", round3(ms.empty() ? 0 : ms.back())}};
}

struct Variant {
    std::string engine;  // "dateline" or "fts5"
    std::string name;    // "full_page", "plain_page", or a breakdown name
    bool breakdown;
    std::function<nlohmann::json(std::size_t)> run;  // query index → page (timed)
    std::function<void()> prepare;                   // before each run, not timed (may be empty)
    std::vector<std::vector<double>> ms;             // [query][round]
    std::vector<long long> totals;                   // [query], from the last run
    std::vector<bool> estimated;                     // [query]: total_is_estimate (Dateline)
};

long long total_of(const nlohmann::json& page) {
    return page.contains("total") && page["total"].is_number() ? page["total"].get<long long>() : -1;
}

}  // namespace

int main(int argc, char* argv[]) {
    Options o;
    std::vector<std::string> all_queries;
    try {
        o = parse_args(argc, argv);
        all_queries = read_queries(o.queries_file);
    } catch (const std::exception& e) {
        std::cerr << "dateline-bench-search: " << e.what() << "\n" << usage;
        return 2;
    }

    try {
        dateline::server::DatabasePool pool({o.db});
        const auto exact_counts_up_to = static_cast<Xapian::doccount>(o.exact_counts_up_to);
        dateline::server::FacetColumnStore columns(pool);
        double columns_load_ms = 0;
        // Shards count with spies in the server too (FacetColumnStore).
        const bool columns_apply = o.facet_columns && dateline::server::single_local_database({o.db});
        if (columns_apply) {
            const auto start = std::chrono::steady_clock::now();
            auto lease = pool.acquire();
            if (!columns.preload(*lease)) throw std::runtime_error("the facet columns did not load");
            columns_load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        }
        dateline::server::FacetColumnStore* columns_in_use = o.facet_columns ? &columns : nullptr;
        const unsigned cores = o.facets_in_turn ? 1 : std::thread::hardware_concurrency();
        dateline::server::SearchService service(pool, columns_in_use, {}, exact_counts_up_to, cores);
        Fts5Baseline fts(o.fts, o.fts_sql, o.fts_mmap);
        const long long dateline_documents =
            service.health().value("documents", static_cast<long long>(-1));
        const long long fts5_rows = fts.rows();

        // Translate, and try each query once on both engines; keep those that work on both.
        std::vector<std::string> queries, matches;
        auto skipped = nlohmann::ordered_json::array();
        for (const auto& q : all_queries) {
            Translation t = to_fts5(q);
            if (t.match.empty()) {
                skipped.push_back({{"query", q}, {"reason", "not translatable to FTS5: " + t.problem}});
                continue;
            }
            try {
                fts.page(t.match, Fts5Baseline::total);
            } catch (const std::exception& e) {
                skipped.push_back({{"query", q}, {"fts5", t.match}, {"reason", e.what()}});
                continue;
            }
            queries.push_back(q);
            matches.push_back(t.match);
        }
        if (queries.empty()) throw std::runtime_error("no query could be run on both engines");

        auto dateline_request = [&](std::size_t q, bool facets, int size, int snippet_length) {
            SearchRequest r;
            r.query = queries[q];
            r.size = size;
            r.snippet_length = snippet_length;
            if (facets) r.facets = {true, true, true, true};
            return r;
        };
        const int default_snippet = dateline::server::limits::default_snippet_length;
        const int min_snippet = dateline::server::limits::min_snippet_length;

        // A new service for each measured Dateline page (see "Result caches" at the top).
        std::optional<dateline::server::SearchService> fresh;
        auto new_service = [&] {
            fresh.emplace(pool, columns_in_use, dateline::server::SnippetSettings{}, exact_counts_up_to, cores);
        };
        std::vector<Variant> variants;
        auto add = [&](std::string engine, std::string name, bool breakdown,
                       std::function<nlohmann::json(std::size_t)> fn,
                       std::function<void()> prepare = {}) {
            variants.push_back({std::move(engine), std::move(name), breakdown, std::move(fn),
                                std::move(prepare), {}, {}, {}});
        };
        using P = Fts5Baseline;
        add("dateline", "full_page", false, [&](std::size_t q) {
            return fresh->search(dateline_request(q, true, 10, default_snippet));
        }, new_service);
        add("dateline", "plain_page", false, [&](std::size_t q) {
            return fresh->search(dateline_request(q, false, 10, default_snippet));
        }, new_service);
        add("fts5", "full_page", false, [&](std::size_t q) {
            return fts.page(matches[q], P::hits | P::total | P::facets);
        });
        add("fts5", "plain_page", false, [&](std::size_t q) {
            return fts.page(matches[q], P::hits | P::total);
        });
        if (o.breakdown) {
            // Dateline: size 0 computes no hits (no documents read, no snippets); with facets
            // every match is still visited and counted.
            add("dateline", "facets_no_hits", true, [&](std::size_t q) {
                return fresh->search(dateline_request(q, true, 0, default_snippet));
            }, new_service);
            add("dateline", "count_no_hits", true, [&](std::size_t q) {
                return fresh->search(dateline_request(q, false, 0, default_snippet));
            }, new_service);
            add("dateline", "full_page_snippet_40", true, [&](std::size_t q) {
                return fresh->search(dateline_request(q, true, 10, min_snippet));
            }, new_service);
            add("dateline", "plain_page_snippet_40", true, [&](std::size_t q) {
                return fresh->search(dateline_request(q, false, 10, min_snippet));
            }, new_service);
            // The same service throughout: from the second round on, the query has been seen.
            add("dateline", "full_page_repeated_query", true, [&](std::size_t q) {
                return service.search(dateline_request(q, true, 10, default_snippet));
            });
            add("fts5", "top10_only", true, [&](std::size_t q) { return fts.page(matches[q], P::hits); });
            add("fts5", "count_only", true, [&](std::size_t q) { return fts.page(matches[q], P::total); });
            add("fts5", "facets_only", true, [&](std::size_t q) { return fts.page(matches[q], P::facets); });
            add("fts5", "full_page_one_pass", true, [&](std::size_t q) {
                return fts.page(matches[q], P::hits | P::one_pass);
            });
            const Statement& other = o.fts_sql == "rank" ? fts.top_bm25() : fts.top_rank();
            add("fts5", o.fts_sql == "rank" ? "top10_only_order_by_bm25" : "top10_only_order_by_rank", true,
                [&, stmt = &other](std::size_t q) { return fts.page(matches[q], P::hits, stmt); });
        }
        for (auto& v : variants) {
            v.ms.assign(queries.size(), {});
            v.totals.assign(queries.size(), -1);
            v.estimated.assign(queries.size(), false);
        }

        // Rounds: warm-up rounds first (not recorded), then the measured ones; the order of
        // the variants rotates so that no variant always runs right after the same other one.
        const auto run_start = std::chrono::steady_clock::now();
        for (int round = 0; round < o.warmup + o.rounds; ++round) {
            const bool measured = round >= o.warmup;
            for (std::size_t k = 0; k < variants.size(); ++k) {
                Variant& v = variants[(k + static_cast<std::size_t>(round)) % variants.size()];
                for (std::size_t q = 0; q < queries.size(); ++q) {
                    if (v.prepare) v.prepare();
                    const auto start = std::chrono::steady_clock::now();
                    const nlohmann::json page = v.run(q);
                    const double ms =
                        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
                    if (measured) {
                        v.ms[q].push_back(ms);
                        v.totals[q] = total_of(page);
                        v.estimated[q] = page.value("total_is_estimate", false);
                    }
                }
            }
        }
        const double run_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - run_start).count();

        auto find = [&](const std::string& engine, const std::string& name) -> Variant& {
            for (auto& v : variants)
                if (v.engine == engine && v.name == name) return v;
            throw std::logic_error("no variant " + engine + "/" + name);
        };
        auto flat = [](const Variant& v) {
            std::vector<double> all;
            for (const auto& q : v.ms) all.insert(all.end(), q.begin(), q.end());
            return all;
        };

        nlohmann::ordered_json engines = {{"dateline", nlohmann::ordered_json::object()},
                                          {"fts5", nlohmann::ordered_json::object()}};
        nlohmann::ordered_json breakdown = nlohmann::ordered_json::object();
        for (const auto& v : variants) {
            if (v.breakdown) breakdown[v.engine][v.name] = summary(flat(v));
            else engines[v.engine][v.name] = summary(flat(v));
        }
        nlohmann::ordered_json ratios = nlohmann::ordered_json::object();
        for (const char* name : {"full_page", "plain_page"}) {
            const auto& d = engines["dateline"][name];
            const auto& f = engines["fts5"][name];
            auto ratio = [&](const char* key) {
                const double den = f[key].get<double>();
                return den > 0 ? std::round(d[key].get<double>() / den * 100) / 100 : 0.0;
            };
            ratios[name] = {{"p50", ratio("p50_ms")}, {"p95", ratio("p95_ms")}, {"p99", ratio("p99_ms")},
                            {"mean", ratio("mean_ms")}};
        }

        nlohmann::ordered_json out = {
            {"queries", {{"in_file", all_queries.size()}, {"measured", queries.size()}, {"skipped", skipped}}},
            {"rounds", o.rounds},
            {"warmup_rounds", o.warmup},
            {"run_s", round3(run_s)},
            {"documents", {{"dateline", dateline_documents}, {"fts5", fts5_rows}}},
            {"facet_columns", {{"used", columns_apply}, {"load_ms", round3(columns_load_ms)}}},
            {"facets_beside_ranked_pass", !o.facets_in_turn && cores > 1},
            {"fts5_settings", {{"sqlite_version", sqlite3_libversion()},
                               {"compiled_with_fts5", sqlite3_compileoption_used("ENABLE_FTS5") != 0},
                               {"top10_sql_kind", o.fts_sql},
                               {"mmap_size", o.fts_mmap},
                               {"sql", fts.sql()}}},
            {"dateline", engines["dateline"]},
            {"fts5", engines["fts5"]},
            {"ratio_dateline_over_fts5", ratios},
        };
        if (o.breakdown) out["breakdown"] = breakdown;

        if (o.per_query) {
            // Per query: the medians over the rounds; slowest Dateline full page first.
            Variant& df = find("dateline", "full_page");
            Variant& dp = find("dateline", "plain_page");
            Variant& ff = find("fts5", "full_page");
            Variant& fp = find("fts5", "plain_page");
            auto rows = nlohmann::ordered_json::array();
            for (std::size_t q = 0; q < queries.size(); ++q) {
                nlohmann::ordered_json row = {
                    {"query", queries[q]},
                    {"fts5_match", matches[q]},
                    {"dateline_full_ms", round3(median(df.ms[q]))},
                    {"dateline_plain_ms", round3(median(dp.ms[q]))},
                    {"fts5_full_ms", round3(median(ff.ms[q]))},
                    {"fts5_plain_ms", round3(median(fp.ms[q]))},
                    {"dateline_total", df.totals[q]},
                    {"dateline_total_is_estimate", df.estimated[q]},
                    {"fts5_total", ff.totals[q]},
                };
                if (o.breakdown) {
                    for (const auto& v : variants)
                        if (v.breakdown) row[v.engine + "_" + v.name + "_ms"] = round3(median(v.ms[q]));
                }
                rows.push_back(std::move(row));
            }
            std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
                return a["dateline_full_ms"].template get<double>() > b["dateline_full_ms"].template get<double>();
            });
            out["per_query"] = rows;
        }

        std::cout << out.dump(2) << "\n";
        return 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "dateline-bench-search: " << e.get_description() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "dateline-bench-search: " << e.what() << "\n";
        return 1;
    }
}
