#pragma once
// Small helpers shared by the bench tools: the query list and latency statistics.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace dateline::bench {

// One query per line; blank lines and lines starting with '#' are skipped.
inline std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);) {
        line.erase(0, line.find_first_not_of(" \t"));
        line.erase(line.find_last_not_of(" \t\r") + 1);
        if (!line.empty() && line[0] != '#') queries.push_back(line);
    }
    if (queries.empty()) throw std::runtime_error("no queries in " + path);
    return queries;
}

// Nearest-rank percentile of sorted values.
inline double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

inline double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return percentile(values, 50);
}

inline double round3(double x) { return std::round(x * 1000) / 1000; }

}  // namespace dateline::bench
