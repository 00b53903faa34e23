#pragma once
// One indexer run: discover inputs, read records, write them, commit in batches, report.

#include <atomic>
#include <cstddef>
#include <ostream>

#include "options.hpp"

namespace dateline::indexer {

struct RunCounts {
    std::size_t records = 0;    // records read and parsed
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::size_t unchanged = 0;
    std::size_t skipped = 0;    // bad records and unusable files
    std::size_t deleted = 0;    // by --delete and --prune
    std::size_t ids_not_found = 0;  // --delete ids that matched no document
    std::size_t warnings = 0;
    std::size_t files = 0;      // input files read
    std::size_t documents = 0;  // documents in the database at the end
};

struct RunResult {
    RunCounts counts;
    int exit_code = 0;
};

// Runs the indexer. Located problems ("FILE:LINE: error: ...") and progress go to `err`; the
// summary goes to `err`, or as JSON to `out` with --json. `stop` is polled between records:
// when it becomes true the run commits what it has and returns exit code 130.
RunResult run_indexer(const IndexerOptions& options, const std::atomic<bool>& stop,
                      std::ostream& out, std::ostream& err);

}  // namespace dateline::indexer
