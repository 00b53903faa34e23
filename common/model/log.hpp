#pragma once
// One line per event on stderr: "LEVEL program: message". Only programs log; the pure parsers
// in common/ return or throw instead.

#include <string_view>

namespace dateline::log {

enum class Level { error = 0, warn = 1, info = 2, debug = 3 };

// Set once at start-up, before threads start.
void configure(std::string_view program, Level threshold, bool timestamps);
// Parses "error", "warn", "info" or "debug"; returns false for anything else.
bool parse_level(std::string_view name, Level& out);
bool enabled(Level level);

void write(Level level, std::string_view message);
inline void error(std::string_view m) { write(Level::error, m); }
inline void warn(std::string_view m) { write(Level::warn, m); }
inline void info(std::string_view m) { write(Level::info, m); }
inline void debug(std::string_view m) { write(Level::debug, m); }

}  // namespace dateline::log
