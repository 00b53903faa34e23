// dateline-bench-http: client-side latency of GET /api/search over a list of queries.
//
//   dateline-bench-http --host 127.0.0.1 --port P --queries FILE
//                       [--rounds 5] [--warmup 1] [--size 10] [--connections 1] [--per-query]
//                       [--no-keep-alive] [--extra 'facets=source,lang,year,month'] [--samples]
//
// Each query (one per line; blank lines and '#' comments skipped) is sent as
// /api/search?q=<url-encoded line>&size=N, followed by &EXTRA when --extra is given (EXTRA is
// appended as written: it must already be a valid query string, e.g. 'facets=source,month'). --warmup rounds are sent first and not measured,
// then --rounds rounds are timed (wall time per request, std::chrono::steady_clock). With
// --connections N, N threads each with its own keep-alive httplib::Client take requests from
// one shared list (--no-keep-alive: a new TCP connection per request). A request fails unless
// the status is 200 and the body is a JSON object with a numeric took_ms.
// --samples adds every successful request's client time ("samples_ms", in request order), so
// that several runs can be pooled before taking percentiles.
// Prints one JSON object on stdout; failures are described on stderr.
// Exit status: 0 measured (failures are counted in the output), 1 every request failed, 2 usage.

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_util.hpp"

namespace {

using dateline::bench::median;
using dateline::bench::percentile;
using dateline::bench::read_queries;
using dateline::bench::round3;

struct Options {
    std::string host = "127.0.0.1";
    int port = 0;
    std::string queries_file;
    int rounds = 5;
    int warmup = 1;
    int size = 10;
    int connections = 1;
    bool per_query = false;
    bool keep_alive = true;
    std::string extra;  // appended to every request's query string
    bool samples = false;
};

struct Sample {
    std::size_t query = 0;   // index into the query list
    double ms = 0;           // client-side wall time
    double took_ms = -1;     // the server's own figure (-1 if the request failed)
    long long total = -1;    // the server's hit count
    bool ok = false;
};

constexpr const char* usage =
    "usage: dateline-bench-http --port P --queries FILE [--host 127.0.0.1] [--rounds 5]\n"
    "                           [--warmup 1] [--size 10] [--connections 1] [--per-query]\n"
    "                           [--no-keep-alive] [--extra QUERY_STRING] [--samples]\n";

Options parse_args(int argc, char* argv[]) {
    Options o;
    auto to_int = [](const std::string& name, const std::string& value, int min) {
        std::size_t used = 0;
        int n = std::stoi(value, &used);
        if (used != value.size() || n < min) throw std::invalid_argument("bad value for " + name);
        return n;
    };
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--per-query") { o.per_query = true; continue; }
        if (arg == "--no-keep-alive") { o.keep_alive = false; continue; }
        if (arg == "--samples") { o.samples = true; continue; }
        if (arg == "-h" || arg == "--help") { std::cout << usage; std::exit(0); }
        if (i + 1 >= argc) throw std::invalid_argument("missing value for " + arg);
        const std::string value = argv[++i];
        if (arg == "--host") o.host = value;
        else if (arg == "--port") o.port = to_int(arg, value, 1);
        else if (arg == "--queries") o.queries_file = value;
        else if (arg == "--rounds") o.rounds = to_int(arg, value, 1);
        else if (arg == "--warmup") o.warmup = to_int(arg, value, 0);
        else if (arg == "--size") o.size = to_int(arg, value, 1);
        else if (arg == "--connections") o.connections = to_int(arg, value, 1);
        else if (arg == "--extra") o.extra = value.substr(std::min(value.size(), value.find_first_not_of("?&")));
        else throw std::invalid_argument("unknown option " + arg);
    }
    if (o.port == 0 || o.queries_file.empty()) throw std::invalid_argument("--port and --queries are required");
    return o;
}

// RFC 3986 percent-encoding: everything but unreserved characters is escaped (UTF-8 bytes too).
std::string url_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// Sends `order` (query indexes) over `connections` clients; returns one sample per request.
std::vector<Sample> run(const Options& o, const std::vector<std::string>& paths,
                        const std::vector<std::size_t>& order, std::mutex& err_mutex) {
    std::vector<Sample> samples(order.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        httplib::Client client(o.host, o.port);
        client.set_keep_alive(o.keep_alive);
        client.set_connection_timeout(5);
        client.set_read_timeout(60);
        for (std::size_t i; (i = next++) < order.size();) {
            Sample& s = samples[i];
            s.query = order[i];
            const auto start = std::chrono::steady_clock::now();
            auto res = client.Get(paths[s.query]);
            s.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            std::string problem;
            if (!res) {
                problem = "transport error: " + httplib::to_string(res.error());
            } else if (res->status != 200) {
                problem = "HTTP " + std::to_string(res->status) + ": " + res->body.substr(0, 200);
            } else {
                auto body = nlohmann::json::parse(res->body, nullptr, false);
                if (body.is_discarded() || !body.is_object() || !body.contains("took_ms") ||
                    !body["took_ms"].is_number()) {
                    problem = "response is not the expected JSON: " + res->body.substr(0, 200);
                } else {
                    s.ok = true;
                    s.took_ms = body["took_ms"].get<double>();
                    if (body.contains("total") && body["total"].is_number()) s.total = body["total"].get<long long>();
                }
            }
            if (!problem.empty()) {
                std::lock_guard<std::mutex> lock(err_mutex);
                std::cerr << "dateline-bench-http: " << paths[s.query] << ": " << problem << "\n";
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < o.connections; ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
    return samples;
}

}  // namespace

int main(int argc, char* argv[]) {
    Options o;
    std::vector<std::string> queries;
    try {
        o = parse_args(argc, argv);
        queries = read_queries(o.queries_file);
    } catch (const std::exception& e) {
        std::cerr << "dateline-bench-http: " << e.what() << "\n" << usage;
        return 2;
    }

    std::vector<std::string> paths;
    for (const auto& q : queries)
        paths.push_back("/api/search?q=" + url_encode(q) + "&size=" + std::to_string(o.size) +
                        (o.extra.empty() ? "" : "&" + o.extra));

    auto rounds_of = [&](int rounds) {
        std::vector<std::size_t> order;
        for (int r = 0; r < rounds; ++r)
            for (std::size_t q = 0; q < queries.size(); ++q) order.push_back(q);
        return order;
    };

    std::mutex err_mutex;
    if (o.warmup > 0) run(o, paths, rounds_of(o.warmup), err_mutex);

    const auto start = std::chrono::steady_clock::now();
    const auto samples = run(o, paths, rounds_of(o.rounds), err_mutex);
    const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::vector<double> ms, took;
    for (const auto& s : samples) {
        if (!s.ok) continue;
        ms.push_back(s.ms);
        took.push_back(s.took_ms);
    }
    std::sort(ms.begin(), ms.end());
    const auto failures = samples.size() - ms.size();

    nlohmann::ordered_json out = {
        {"requests", samples.size()},
        {"failures", failures},
        {"queries", queries.size()},
        {"rounds", o.rounds},
        {"warmup_rounds", o.warmup},
        {"connections", o.connections},
        {"keep_alive", o.keep_alive},
        {"size", o.size},
        {"extra", o.extra},
        {"p50_ms", round3(percentile(ms, 50))},
        {"p95_ms", round3(percentile(ms, 95))},
        {"p99_ms", round3(percentile(ms, 99))},
        {"mean_ms", round3(ms.empty() ? 0 : std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size()))},
        {"max_ms", round3(ms.empty() ? 0 : ms.back())},
        {"server_took_ms_p50", round3(median(took))},
        {"wall_s", round3(wall_s)},
        {"requests_per_s", round3(static_cast<double>(ms.size()) / wall_s)},  // successful ones
    };

    if (o.samples) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& s : samples)
            if (s.ok) list.push_back(round3(s.ms));
        out["samples_ms"] = list;
    }

    if (o.per_query) {
        // Per query: median and max client time, median server time, hit count; slowest first.
        std::map<std::size_t, std::vector<const Sample*>> by_query;
        for (const auto& s : samples) by_query[s.query].push_back(&s);
        auto rows = nlohmann::ordered_json::array();
        for (const auto& [q, list] : by_query) {
            std::vector<double> q_ms, q_took;
            long long total = -1;
            std::size_t q_failures = 0;
            for (const Sample* s : list) {
                if (!s->ok) { ++q_failures; continue; }
                q_ms.push_back(s->ms);
                q_took.push_back(s->took_ms);
                total = s->total;
            }
            rows.push_back({{"query", queries[q]},
                            {"median_ms", round3(median(q_ms))},
                            {"max_ms", round3(q_ms.empty() ? 0 : *std::max_element(q_ms.begin(), q_ms.end()))},
                            {"server_took_ms", round3(median(q_took))},
                            {"total", total},
                            {"failures", q_failures}});
        }
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
            return a["median_ms"].template get<double>() > b["median_ms"].template get<double>();
        });
        out["per_query"] = rows;
    }

    std::cout << out.dump(2) << "\n";
    return (!samples.empty() && ms.empty()) ? 1 : 0;
}
