#include "log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace dateline::log {

namespace {
// Logging configuration is process-wide by nature (stderr is); it is written once at start-up.
std::string program_name = "dateline";
std::atomic<int> threshold_level{static_cast<int>(Level::info)};
bool with_timestamps = false;
std::mutex write_mutex;

const char* level_name(Level level) {
    switch (level) {
        case Level::error: return "ERROR";
        case Level::warn: return "WARN";
        case Level::info: return "INFO";
        case Level::debug: return "DEBUG";
    }
    return "?";
}
}  // namespace

void configure(std::string_view program, Level threshold, bool timestamps) {
    program_name = std::string(program);
    threshold_level = static_cast<int>(threshold);
    with_timestamps = timestamps;
}

bool parse_level(std::string_view name, Level& out) {
    if (name == "error") out = Level::error;
    else if (name == "warn") out = Level::warn;
    else if (name == "info") out = Level::info;
    else if (name == "debug") out = Level::debug;
    else return false;
    return true;
}

bool enabled(Level level) { return static_cast<int>(level) <= threshold_level.load(); }

void write(Level level, std::string_view message) {
    if (!enabled(level)) return;
    std::string line;
    if (with_timestamps) {
        const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
        std::tm utc{};
        gmtime_r(&now, &utc);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ ", &utc);
        line += stamp;
    }
    line += level_name(level);
    line += ' ';
    line += program_name;
    line += ": ";
    line += message;
    line += '\n';
    std::lock_guard<std::mutex> lock(write_mutex);
    std::fputs(line.c_str(), stderr);
}

}  // namespace dateline::log
