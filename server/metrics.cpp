#include "metrics.hpp"

#include <algorithm>
#include <cstdio>

namespace dateline::server {

namespace {

const char* route_name(Route route) {
    switch (route) {
        case Route::search: return "search";
        case Route::document: return "document";
        case Route::stats: return "stats";
        case Route::health: return "health";
        case Route::openapi: return "openapi";
        case Route::metrics: return "metrics";
        case Route::page: return "page";
        case Route::other: return "other";
    }
    return "other";
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

}  // namespace

Route route_of(std::string_view path) {
    if (path == "api/search") return Route::search;
    if (path.substr(0, 8) == "api/doc/") return Route::document;
    if (path == "api/stats") return Route::stats;
    if (path == "api/health") return Route::health;
    if (path == "api/openapi.json") return Route::openapi;
    if (path == "metrics") return Route::metrics;
    if (path.substr(0, 4) == "api/" || path == "api") return Route::other;
    return Route::page;
}

void Metrics::request_finished(Route route, int status, double seconds) {
    --in_flight_;
    std::lock_guard<std::mutex> lock(mutex_);
    ++requests_[{route, status}];
    Latency& latency = latency_[route];
    ++latency.count;
    latency.sum += seconds;
    for (std::size_t i = 0; i < bucket_bounds.size(); ++i) {
        if (seconds <= bucket_bounds[i]) {
            ++latency.buckets[i];
            break;
        }
    }
}

std::string Metrics::render(const IndexFigures& index) const {
    std::string out;
    out += "# HELP dateline_http_requests_total HTTP requests answered, by route and status.\n";
    out += "# TYPE dateline_http_requests_total counter\n";
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [key, count] : requests_) {
        out += "dateline_http_requests_total{route=\"" + std::string(route_name(key.first)) +
               "\",status=\"" + std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
    }
    out += "# HELP dateline_http_request_duration_seconds Time from request head to response.\n";
    out += "# TYPE dateline_http_request_duration_seconds histogram\n";
    for (const auto& [route, latency] : latency_) {
        const std::string label = "route=\"" + std::string(route_name(route)) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < bucket_bounds.size(); ++i) {
            cumulative += latency.buckets[i];
            out += "dateline_http_request_duration_seconds_bucket{" + label + ",le=\"" +
                   number(bucket_bounds[i]) + "\"} " + std::to_string(cumulative) + "\n";
        }
        out += "dateline_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
               std::to_string(latency.count) + "\n";
        out += "dateline_http_request_duration_seconds_sum{" + label + "} " + number(latency.sum) + "\n";
        out += "dateline_http_request_duration_seconds_count{" + label + "} " +
               std::to_string(latency.count) + "\n";
    }
    // One unlabelled value each: counters (names ending in _total) and gauges.
    const auto single = [&out](const char* name, const char* help, std::uint64_t value) {
        const std::string_view n(name);
        const bool counter = n.size() > 6 && n.substr(n.size() - 6) == "_total";
        out += std::string("# HELP ") + name + " " + help + "\n";
        out += std::string("# TYPE ") + name + (counter ? " counter\n" : " gauge\n");
        out += std::string(name) + " " + std::to_string(value) + "\n";
    };
    single("dateline_http_requests_in_flight", "Requests being answered now.",
           static_cast<std::uint64_t>(std::max<std::int64_t>(in_flight_.load(), 0)));
    single("dateline_index_available", "1 when the database can be opened.", index.available ? 1 : 0);
    single("dateline_index_documents", "Documents in the index.", index.documents);
    single("dateline_index_revision", "Revision of the database (0 for several shards).",
           index.revision);
    single("dateline_database_reopens_total",
           "Database handles brought up to the latest commit.", index.reopens);
    single("dateline_database_opens_total",
           "Database handles opened (first use or a swapped index).", index.opens);
    single("dateline_facet_columns_loads_total",
           "Facet columns read into memory (after each change of a local index).",
           index.facet_column_loads);
    single("dateline_facet_columns_load_failures_total",
           "Facet column loads that failed (facets were counted without them).",
           index.facet_column_load_failures);
    single("dateline_facet_columns_documents",
           "Documents in the facet columns in memory (0: none loaded).",
           index.facet_column_documents);
    single("dateline_facet_columns_bytes", "Memory held by the facet columns.",
           index.facet_column_bytes);
    single("dateline_facet_passes_beside_total",
           "Facet counts made on a second thread beside the ranked pass (cores were idle).",
           index.facet_passes_beside);
    return out;
}

}  // namespace dateline::server
