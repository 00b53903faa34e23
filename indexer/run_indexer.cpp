#include "run_indexer.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "errors.hpp"
#include "exit_codes.hpp"
#include "input_discovery.hpp"
#include "maintenance.hpp"
#include "progress.hpp"
#include "record_source.hpp"
#include "run_summary.hpp"
#include "shard_layout.hpp"
#include "sharded_maintenance.hpp"
#include "sharded_writer.hpp"
#include "writer_lock.hpp"

namespace dateline::indexer {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

using Report = std::function<void(const std::string&)>;

// Reads the inputs and writes their records through one writer per shard (one for a plain
// database), committing in batches. The writers are closed on return, so that the databases
// can be opened again for maintenance.
void index_inputs(const IndexerOptions& options, const ShardLayout& layout,
                  const std::vector<InputFile>& inputs, const std::atomic<bool>& stop,
                  RunCounts& counts, Progress& progress, const Report& report) {
    WriterOptions writer_options;
    writer_options.threads = options.threads;
    writer_options.batch_size = options.batch_size;
    writer_options.memory_limit = options.memory_limit;
    ShardedWriter writer(layout, writer_options);
    std::string current_file;
    RecordHandlers handlers;
    handlers.stop_requested = [&] { return stop.load(); };
    handlers.on_skip = [&](const std::string& file, std::size_t line, const std::string& message) {
        ++counts.skipped;
        report(located_message(file, line, "error", message));
    };
    handlers.on_warning = [&](const std::string& file, std::size_t line,
                              const std::string& message) {
        ++counts.warnings;
        report(located_message(file, line, "warning", message));
    };
    handlers.on_record = [&](PressRelease&& release, const RecordOrigin& origin) {
        ++counts.records;
        switch (writer.write(std::move(release), origin.file)) {
            case WriteOutcome::added: ++counts.added; break;
            case WriteOutcome::replaced: ++counts.replaced; break;
            case WriteOutcome::unchanged: ++counts.unchanged; break;
        }
        progress.update(counts, current_file);
    };

    for (const InputFile& input : inputs) {
        if (stop) break;
        current_file = input.path;
        ++counts.files;
        read_records(input, handlers);
    }
    writer.commit();
    counts.documents = writer.document_count();
}

}  // namespace

RunResult run_indexer(const IndexerOptions& options, const std::atomic<bool>& stop,
                      std::ostream& out, std::ostream& err) {
    RunResult result;
    RunCounts& counts = result.counts;
    const auto start = Clock::now();
    Progress progress(err, progress_mode(err, options.quiet));

    const Report report = [&](const std::string& line) {
        progress.clear();
        err << line << "\n";
    };
    const auto stop_requested = [&] { return stop.load(); };

    // Held until the run returns: indexing, deletions and pruning are one writer's work.
    const bool creates_database = !options.inputs.empty();
    const WriterLock lock = lock_database(options.db_path, creates_database, options.wait_seconds,
                                          stop_requested, report);
    if (stop && !lock.held()) {  // interrupted while waiting for another indexer: nothing done
        print_summary(options, counts, seconds_since(start), true, out, err);
        result.exit_code = exit_code::interrupted;
        return result;
    }

    bool missing_input = false;
    auto inputs = discover_inputs(options.inputs, [&](const std::string& line) {
        report(line);
        missing_input = true;
    });
    apply_input_options(inputs, options.format, options.field_map);
    progress.set_inputs(inputs);

    // Under the lock: the shards found are the shards written. Throws ShardCountMismatch.
    const ShardLayout layout = plan_shard_layout(options.db_path, options.shards);
    if (!options.inputs.empty()) {
        index_inputs(options, layout, inputs, stop, counts, progress, report);
    }
    progress.clear();

    // After indexing, so that records of a moved file are found in their new place first.
    if (const auto request = maintenance_request(options); request && !stop) {
        const MaintenanceResult done = run_sharded_maintenance(layout, *request, stop_requested);
        for (const std::string& line : maintenance_messages(done, !options.quiet)) report(line);
        counts.deleted = done.deleted;
        counts.ids_not_found = done.ids_not_found.size();
        counts.documents = done.documents;
    }

    const bool interrupted = stop.load();
    print_summary(options, counts, seconds_since(start), interrupted, out, err);
    if (interrupted) {
        result.exit_code = exit_code::interrupted;
    } else if (missing_input || (options.strict && counts.skipped > 0)) {
        result.exit_code = exit_code::failure;
    } else {
        result.exit_code = exit_code::ok;
    }
    return result;
}

}  // namespace dateline::indexer
