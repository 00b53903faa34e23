#pragma once
// Records everything a format reader reports, for tests that check what it read and skipped.

#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "document.hpp"
#include "reader_events.hpp"

namespace dateline::testing {

struct Located {
    std::size_t line;
    std::string message;
};

struct CollectedEvents {
    std::vector<PressRelease> records;
    std::vector<std::size_t> record_lines;
    std::vector<Located> skips;
    std::vector<Located> warnings;

    ReaderEvents events() {
        ReaderEvents events;
        events.on_record = [this](PressRelease&& release, std::size_t line) {
            records.push_back(std::move(release));
            record_lines.push_back(line);
        };
        events.on_skip = [this](std::size_t line, const std::string& message) {
            skips.push_back({line, message});
        };
        events.on_warning = [this](std::size_t line, const std::string& message) {
            warnings.push_back({line, message});
        };
        return events;
    }
};

// Runs `reader` (one of the read_* functions) over `bytes`.
template <typename Reader>
CollectedEvents read_with(Reader reader, std::string_view bytes) {
    CollectedEvents collected;
    reader(bytes, collected.events());
    return collected;
}

inline std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open fixture " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace dateline::testing
