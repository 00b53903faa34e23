#pragma once
// The indexer's command line.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace dateline::indexer {

struct IndexerOptions {
    std::string db_path;
    std::vector<std::string> inputs;  // files, folders (recursive) or "-" for stdin
    std::string format = "auto";      // auto | jsonl | text
    std::size_t batch_size = 1000;    // documents per commit
    bool quiet = false;               // no progress lines
    bool strict = false;              // any skipped record or file makes the run fail
    bool json_summary = false;        // the final summary as JSON on stdout
};

// Thrown for --help and --version: the text goes to stdout and the program exits 0.
struct HelpRequested : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parses the command line. Throws UsageError (exit 2) or HelpRequested.
IndexerOptions parse_args(int argc, const char* const argv[]);

}  // namespace dateline::indexer
