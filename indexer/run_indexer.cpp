#include "run_indexer.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "errors.hpp"
#include "exit_codes.hpp"
#include "index_writer.hpp"
#include "input_discovery.hpp"
#include "record_source.hpp"

namespace dateline::indexer {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Progress on stderr: one redrawn line on a terminal, a plain line every few seconds otherwise.
class Progress {
public:
    Progress(std::ostream& err, bool enabled)
        : err_(err), enabled_(enabled), interactive_(enabled && is_terminal(err)) {}

    void update(const RunCounts& counts, const std::string& current_file) {
        if (!enabled_) return;
        const auto now = Clock::now();
        const auto interval = interactive_ ? std::chrono::milliseconds(200) : std::chrono::seconds(5);
        if (now - last_ < interval) return;
        last_ = now;
        const double elapsed = seconds_since(start_);
        const auto rate = elapsed > 0 ? static_cast<long>(static_cast<double>(counts.records) / elapsed) : 0L;
        std::string line = "indexer: " + std::to_string(counts.records) + " records (" +
                           std::to_string(rate) + "/s), " + std::to_string(counts.skipped) +
                           " skipped; reading " + current_file;
        if (interactive_) {
            if (line.size() > 100) line = line.substr(0, 97) + "...";
            err_ << "\r\033[K" << line << std::flush;
            drawn_ = true;
        } else {
            err_ << line << "\n";
        }
    }

    // Clears a redrawn line before other output goes to the terminal.
    void clear() {
        if (drawn_) err_ << "\r\033[K" << std::flush;
        drawn_ = false;
    }

private:
    static bool is_terminal(const std::ostream& err) {
        const char* term = std::getenv("TERM");
        return &err == &std::cerr && ::isatty(STDERR_FILENO) == 1 && term != nullptr &&
               std::strcmp(term, "dumb") != 0;
    }

    std::ostream& err_;
    bool enabled_;
    bool interactive_;
    bool drawn_ = false;
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_ = Clock::now();
};

void print_summary(const IndexerOptions& options, const RunCounts& c, double elapsed,
                   bool interrupted, std::ostream& out, std::ostream& err) {
    const double rate = elapsed > 0 ? static_cast<double>(c.records) / elapsed : 0.0;
    if (options.json_summary) {
        out << nlohmann::json{{"records", c.records},     {"added", c.added},
                              {"replaced", c.replaced},   {"unchanged", c.unchanged},
                              {"skipped", c.skipped},     {"warnings", c.warnings},
                              {"files", c.files},         {"documents", c.documents},
                              {"seconds", elapsed},       {"interrupted", interrupted}}
                   .dump()
            << "\n";
        return;
    }
    char timing[64];
    std::snprintf(timing, sizeof timing, "%.1f s (%.0f records/s)", elapsed, rate);
    err << "indexer: " << (interrupted ? "interrupted after " : "") << c.records << " records from "
        << c.files << " files: " << c.added << " added, " << c.replaced << " replaced, "
        << c.unchanged << " unchanged, " << c.skipped << " skipped in " << timing
        << "; the database holds " << c.documents << " documents\n";
}

}  // namespace

RunResult run_indexer(const IndexerOptions& options, const std::atomic<bool>& stop,
                      std::ostream& out, std::ostream& err) {
    RunResult result;
    RunCounts& counts = result.counts;
    const auto start = Clock::now();
    Progress progress(err, !options.quiet);

    auto report = [&](const std::string& line) {
        progress.clear();
        err << line << "\n";
    };

    bool missing_input = false;
    auto inputs = discover_inputs(options.inputs, [&](const std::string& line) {
        report(line);
        missing_input = true;
    });
    if (options.format != "auto") {
        const InputFormat forced = options.format == "jsonl" ? InputFormat::jsonl : InputFormat::text;
        for (InputFile& input : inputs) input.format = forced;
    }

    IndexWriter writer(options.db_path);
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
        switch (writer.write(release, origin.file)) {
            case WriteOutcome::added: ++counts.added; break;
            case WriteOutcome::replaced: ++counts.replaced; break;
            case WriteOutcome::unchanged: ++counts.unchanged; break;
        }
        if (writer.pending() >= options.batch_size) writer.commit();
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
    progress.clear();

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
