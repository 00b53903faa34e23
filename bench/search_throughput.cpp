// dateline-bench-throughput: how many plain results pages the search service itself delivers
// per second with N threads at once, in one process, with no HTTP in between.
//
//   dateline-bench-throughput --db DB --queries FILE [--threads 2] [--seconds 20]
//                             [--warmup-seconds 3] [--json-text] [--in-flight N]
//
// Each thread asks SearchService::search() for the plain page (top 10 with highlighted title
// and snippet, and the total; no facets), cycling through the queries from its own starting
// point, until the time is up. The threads share one service and one database pool, as the
// server's workers do. --json-text also turns each page into JSON text, as the server does
// before sending it.
//
// --in-flight N models N clients that each send their next request as soon as the last is
// answered (wrk with N connections) against a server with no HTTP cost that serves requests
// first come, first served on --threads threads: a page's latency then counts from when its
// request joined the queue. That is what a server that added nothing to the search would
// give that load on this machine (bench/run-http's queueing floor).
//
// This is the reference for bench/run-http: 2 × 1000 / p50 of one thread assumes that two
// threads get twice the work done, which a 2-vCPU virtual machine need not give; this tool
// measures what two threads really get, so that HTTP's own cost can be told apart from the
// machine's. Prints one JSON object on stdout. Exit status: 0 measured, 1 failure, 2 usage.

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_util.hpp"
#include "database_pool.hpp"
#include "search_service.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using dateline::bench::percentile;
using dateline::bench::round3;

struct Options {
    std::string db;
    std::string queries_file;
    int threads = 2;
    double seconds = 20;
    double warmup_seconds = 3;
    bool json_text = false;
    int in_flight = 0;  // 0: each thread asks for its next page at once (no queue)
};

const char* const usage =
    "usage: dateline-bench-throughput --db DB --queries FILE [--threads 2] [--seconds 20]\n"
    "                                 [--warmup-seconds 3] [--json-text] [--in-flight N]\n";

double to_number(const std::string& option, const std::string& value, double min) {
    char* end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !(number >= min)) {
        throw std::invalid_argument(option + " needs a number of at least " + std::to_string(min) +
                                    ", not '" + value + "'");
    }
    return number;
}

Options parse_args(int argc, char* argv[]) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json-text") {
            o.json_text = true;
            continue;
        }
        if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
        const std::string value = argv[++i];
        if (arg == "--db") o.db = value;
        else if (arg == "--queries") o.queries_file = value;
        else if (arg == "--threads") o.threads = static_cast<int>(to_number(arg, value, 1));
        else if (arg == "--seconds") o.seconds = to_number(arg, value, 1);
        else if (arg == "--warmup-seconds") o.warmup_seconds = to_number(arg, value, 0);
        else if (arg == "--in-flight") o.in_flight = static_cast<int>(to_number(arg, value, 1));
        else throw std::invalid_argument("unknown option " + arg);
    }
    if (o.db.empty() || o.queries_file.empty()) throw std::invalid_argument("--db and --queries are required");
    return o;
}

double cpu_seconds() {
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(self.ru_utime) + seconds(self.ru_stime);
}

// A request waiting to be served: which query, and since when.
struct Ticket {
    std::size_t query;
    Clock::time_point queued;
};

// The requests of --in-flight clients, served first come, first served. An answered client
// asks again at once, at the back of the queue, for its next query.
class ClientQueue {
public:
    ClientQueue(int clients, std::size_t queries) : queries_(queries) {
        const auto now = Clock::now();
        for (int c = 0; c < clients; ++c) {
            waiting_.push_back({queries * static_cast<std::size_t>(c) / static_cast<std::size_t>(clients), now});
        }
    }

    // False once the deadline has passed.
    bool take(Ticket& ticket, Clock::time_point deadline) {
        if (Clock::now() >= deadline) return false;
        std::unique_lock<std::mutex> lock(mutex_);
        if (!ready_.wait_until(lock, deadline, [this] { return !waiting_.empty(); })) return false;
        ticket = waiting_.front();
        waiting_.pop_front();
        return true;
    }

    void answered(const Ticket& ticket) {
        std::lock_guard<std::mutex> lock(mutex_);
        waiting_.push_back({(ticket.query + 1) % queries_, Clock::now()});
        ready_.notify_one();
    }

private:
    std::size_t queries_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Ticket> waiting_;
};

// Runs `threads` loops over the queries for `seconds`; returns each page's latency in ms
// (with --in-flight, counted from when the request was queued).
std::vector<double> run(dateline::server::SearchService& service,
                        const std::vector<std::string>& queries, const Options& o, double seconds,
                        std::atomic<long>& failures) {
    std::vector<double> latencies;
    std::mutex mutex;
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(seconds));
    ClientQueue clients(o.in_flight, queries.size());
    std::vector<std::thread> threads;
    for (int t = 0; t < o.threads; ++t) {
        threads.emplace_back([&, t] {
            std::vector<double> mine;
            // Without --in-flight, each thread is its own client, asking again at once.
            Ticket own{queries.size() * static_cast<std::size_t>(t) / static_cast<std::size_t>(o.threads), {}};
            for (;;) {
                Ticket ticket;
                if (o.in_flight > 0) {
                    if (!clients.take(ticket, deadline)) break;
                } else {
                    if (Clock::now() >= deadline) break;
                    own.queued = Clock::now();
                    ticket = own;
                    own.query = (own.query + 1) % queries.size();
                }
                dateline::server::SearchRequest request;
                request.query = queries[ticket.query];
                request.size = 10;
                try {
                    const nlohmann::json page = service.search(request);
                    if (o.json_text) {
                        const std::string text = page.dump();
                        if (text.empty()) ++failures;
                    }
                } catch (...) {
                    ++failures;
                }
                mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - ticket.queued).count());
                if (o.in_flight > 0) clients.answered(ticket);
            }
            std::lock_guard<std::mutex> lock(mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    }
    for (auto& thread : threads) thread.join();
    return latencies;
}

}  // namespace

int main(int argc, char* argv[]) {
    Options o;
    std::vector<std::string> queries;
    try {
        o = parse_args(argc, argv);
        queries = dateline::bench::read_queries(o.queries_file);
    } catch (const std::exception& e) {
        std::cerr << "dateline-bench-throughput: " << e.what() << "\n" << usage;
        return 2;
    }
    try {
        dateline::server::DatabasePool pool({o.db});
        dateline::server::FacetColumnStore columns(pool);  // loaded in the warm-up, as in the server
        dateline::server::SearchService service(pool, &columns);
        std::atomic<long> failures{0};
        if (o.warmup_seconds > 0) run(service, queries, o, o.warmup_seconds, failures);
        failures = 0;

        const double cpu_before = cpu_seconds();
        const auto start = Clock::now();
        std::vector<double> latencies = run(service, queries, o, o.seconds, failures);
        const double wall = std::chrono::duration<double>(Clock::now() - start).count();
        const double cpu = cpu_seconds() - cpu_before;
        std::sort(latencies.begin(), latencies.end());

        const nlohmann::ordered_json out = {
            {"threads", o.threads},
            {"in_flight", o.in_flight},
            {"seconds", round3(wall)},
            {"json_text", o.json_text},
            {"queries", queries.size()},
            {"pages", latencies.size()},
            {"failures", failures.load()},
            {"pages_per_second", round3(static_cast<double>(latencies.size()) / wall)},
            {"cpu_seconds", round3(cpu)},
            {"cpu_ms_per_page", latencies.empty() ? 0.0 : round3(cpu * 1000 / static_cast<double>(latencies.size()))},
            {"latency_ms", {{"p50", round3(percentile(latencies, 50))},
                            {"p90", round3(percentile(latencies, 90))},
                            {"p99", round3(percentile(latencies, 99))},
                            {"max", latencies.empty() ? 0.0 : round3(latencies.back())}}},
        };
        std::cout << out.dump(2) << "\n";
        return failures.load() == static_cast<long>(latencies.size()) ? 1 : 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "dateline-bench-throughput: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "dateline-bench-throughput: " << e.what() << "\n";
    }
    return 1;
}
