#pragma once
// Counters for /metrics, rendered in the Prometheus text format. Routes are a fixed set of
// names, never raw paths, so what clients request cannot grow the label space.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace dateline::server {

enum class Route { search, document, stats, health, openapi, metrics, page, other };

// The route a request path (with the base path already removed) belongs to.
Route route_of(std::string_view relative_path);

// What the index looks like now, for the gauges; taken when /metrics is asked for.
struct IndexFigures {
    bool available = false;
    std::uint64_t documents = 0;
    std::uint64_t revision = 0;  // 0 for several shards, which have no single revision
    std::uint64_t reopens = 0;   // handles brought up to the latest commit
    std::uint64_t opens = 0;     // handles opened: first use, or after the index was swapped
    std::uint64_t facet_column_loads = 0;  // FacetColumnStore::Figures
    std::uint64_t facet_column_load_failures = 0;
    std::uint64_t facet_column_documents = 0;
    std::uint64_t facet_column_bytes = 0;
    std::uint64_t facet_passes_beside = 0;  // SearchService::facet_passes_beside
};

class Metrics {
public:
    void request_started() { ++in_flight_; }
    void request_finished(Route route, int status, double seconds);

    std::string render(const IndexFigures& index) const;

private:
    static constexpr std::array<double, 12> bucket_bounds{
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0};
    struct Latency {
        std::array<std::uint64_t, bucket_bounds.size()> buckets{};  // cumulative at render
        std::uint64_t count = 0;
        double sum = 0;
    };

    std::atomic<std::int64_t> in_flight_{0};
    mutable std::mutex mutex_;
    std::map<std::pair<Route, int>, std::uint64_t> requests_;
    std::map<Route, Latency> latency_;
};

}  // namespace dateline::server
