#pragma once
// The progress of a run on stderr: one redrawn line on a terminal, a plain line every few
// seconds otherwise (a log file, a pipe, CI), nothing with --quiet.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "input_discovery.hpp"
#include "run_indexer.hpp"

namespace dateline::indexer {

// What the progress line shows.
struct ProgressState {
    std::size_t files_started = 0;
    std::size_t files_total = 0;
    std::size_t documents = 0;  // records read so far
    std::size_t skipped = 0;
    std::uintmax_t bytes_done = 0;   // input bytes of the files read to the end
    double bytes_done_at = 0;        // seconds into the run when they were
    std::uintmax_t bytes_total = 0;  // 0 when unknown (standard input among the inputs)
    std::string current_file;
};

// "3 of 16 files, 1542 documents (154/s), about 12 s left; reading wires/x.txt". The time left
// is estimated from the input bytes read, so it appears once a file has been read to the end.
std::string progress_line(const ProgressState& state, double elapsed_seconds);

// "8 s", "3 min 05 s", "1 h 02 min".
std::string format_duration(double seconds);

enum class ProgressMode { off, plain, live };

// `live` when `err` is this process's stderr, a terminal, and TERM is set and not "dumb";
// `off` with --quiet; `plain` otherwise.
ProgressMode progress_mode(const std::ostream& err, bool quiet);

class Progress {
public:
    // Redraws at most every 200 ms (live) or writes a line every 5 s (plain).
    Progress(std::ostream& err, ProgressMode mode);
    Progress(std::ostream& err, ProgressMode mode, std::chrono::milliseconds interval);

    // The files the run will read: their number and total size make the ETA possible.
    void set_inputs(const std::vector<InputFile>& inputs);

    // Shows the progress if the interval has passed. `current_file` is the input being read;
    // when it changes, the previous one counts as read to the end.
    void update(const RunCounts& counts, const std::string& current_file);

    // Clears a redrawn line before other output goes to the terminal.
    void clear();

    ProgressMode mode() const { return mode_; }

private:
    using Clock = std::chrono::steady_clock;

    std::ostream& err_;
    ProgressMode mode_;
    std::chrono::milliseconds interval_;
    std::size_t width_;  // terminal columns (live mode)
    bool drawn_ = false;
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_ = Clock::now();
    ProgressState state_;
    std::map<std::string, std::uintmax_t> sizes_;  // input path -> bytes
};

}  // namespace dateline::indexer
