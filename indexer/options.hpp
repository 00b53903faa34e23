#pragma once
// The indexer's command line.

#include <cstddef>
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

// Parses the command line. Throws UsageError (exit 2) or HelpRequested (cli.hpp).
IndexerOptions parse_args(int argc, const char* const argv[]);

}  // namespace dateline::indexer
