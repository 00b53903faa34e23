#pragma once
// The indexer's command line.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "memory_budget.hpp"

namespace dateline::indexer {

struct IndexerOptions {
    std::string db_path;
    std::vector<std::string> inputs;  // files, folders (recursive) or "-" for stdin
    std::string format = "auto";      // auto, or one of input_format_names() (input_discovery)
    // --map: "FIELD=NAME[,FIELD=NAME...]" specs, the input's names for release fields (JSON)
    std::vector<std::string> field_map;
    std::size_t batch_size = 1000;    // documents per commit
    bool quiet = false;               // no progress lines
    bool strict = false;              // any skipped record or file makes the run fail
    bool json_summary = false;        // the final summary as JSON on stdout
    std::vector<std::string> delete_ids;  // --delete: documents to remove, by id
    bool prune = false;  // --prune: remove documents whose source file under a folder is gone
    // --wait: seconds to queue behind another indexer writing the database (infinity: as long
    // as it takes); nullopt fails at once.
    std::optional<double> wait_seconds;
    // --threads: threads that analyse and write a bulk load into an empty database (1: one
    // writer throughout; a database with documents always has one writer)
    unsigned threads = 2;
    // --memory: approximate limit for the memory of the run, in bytes
    std::size_t memory_limit = default_memory_limit;
    // --shards: the number of shard databases of a new database (shard_layout.hpp); 0 when
    // not given (an existing database keeps its own, a new one is a single database)
    unsigned shards = 0;
};

// Parses the command line. Throws UsageError (exit 2) or HelpRequested (cli.hpp).
IndexerOptions parse_args(int argc, const char* const argv[]);

}  // namespace dateline::indexer
