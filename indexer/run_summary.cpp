#include "run_summary.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace dateline::indexer {

void print_summary(const IndexerOptions& options, const RunCounts& c, double elapsed,
                   bool interrupted, std::ostream& out, std::ostream& err) {
    const double rate = elapsed > 0 ? static_cast<double>(c.records) / elapsed : 0.0;
    if (options.json_summary) {
        out << nlohmann::json{{"records", c.records},
                              {"added", c.added},
                              {"replaced", c.replaced},
                              {"unchanged", c.unchanged},
                              {"skipped", c.skipped},
                              {"deleted", c.deleted},
                              {"ids_not_found", c.ids_not_found},
                              {"warnings", c.warnings},
                              {"files", c.files},
                              {"documents", c.documents},
                              {"seconds", elapsed},
                              {"interrupted", interrupted}}
                   .dump()
            << "\n"
            << std::flush;
        return;
    }
    char timing[64];
    std::snprintf(timing, sizeof timing, "%.1f s (%.0f records/s)", elapsed, rate);
    err << "indexer: " << (interrupted ? "interrupted after " : "") << c.records << " records from "
        << c.files << (c.files == 1 ? " file: " : " files: ") << c.added << " added, " << c.replaced
        << " replaced, " << c.unchanged << " unchanged, " << c.skipped << " skipped, " << c.deleted
        << " deleted in " << timing << "; the database holds " << c.documents << " documents\n";
}

}  // namespace dateline::indexer
