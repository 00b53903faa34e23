#pragma once
// Reads the press releases in one input file, in whichever format it holds.

#include <cstddef>
#include <functional>
#include <string>

#include "document.hpp"
#include "input_discovery.hpp"

namespace dateline::indexer {

// Where a record was read from.
struct RecordOrigin {
    std::string file;    // the file on disk, absolute; empty for standard input
    std::string member;  // the path inside an archive; empty for a plain file
};

struct RecordHandlers {
    // A parsed release with its id assigned.
    std::function<void(PressRelease&&, const RecordOrigin&)> on_record;
    // A record or file that was skipped; `line` is 0 when the whole file is concerned.
    std::function<void(const std::string& file, std::size_t line, const std::string& message)>
        on_skip;
    // Something was repaired or guessed, and the record was still used.
    std::function<void(const std::string& file, std::size_t line, const std::string& message)>
        on_warning;
    // Polled between records: true stops reading early.
    std::function<bool()> stop_requested;
};

// The largest single-article text file accepted.
inline constexpr std::size_t max_text_article_bytes = 16 * 1024 * 1024;

// Reads `input`, calling the handlers for each record. Never throws for bad input: every
// problem goes to on_skip or on_warning with its location.
void read_records(const InputFile& input, const RecordHandlers& handlers);

}  // namespace dateline::indexer
