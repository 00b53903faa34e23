#pragma once
// The last thing a run prints: its counts as one sentence on stderr, or as one JSON object on
// stdout with --json (and then nothing else goes to stdout).

#include <ostream>

#include "options.hpp"
#include "run_indexer.hpp"

namespace dateline::indexer {

void print_summary(const IndexerOptions& options, const RunCounts& counts, double elapsed_seconds,
                   bool interrupted, std::ostream& out, std::ostream& err);

}  // namespace dateline::indexer
