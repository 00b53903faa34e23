#include "progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <sys/ioctl.h>
#include <unistd.h>

namespace dateline::indexer {

namespace {

constexpr std::size_t default_width = 80;
const std::string reading_marker = "; reading ";

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string two_digits(long n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The first `bytes` bytes of `text`, not cutting a UTF-8 sequence.
std::string utf8_prefix(const std::string& text, std::size_t bytes) {
    if (bytes >= text.size()) return text;
    while (bytes > 0 && is_continuation_byte(text[bytes])) --bytes;
    return text.substr(0, bytes);
}

// The last `bytes` bytes of `text` (or fewer), not cutting a UTF-8 sequence.
std::string utf8_suffix(const std::string& text, std::size_t bytes) {
    if (bytes >= text.size()) return text;
    std::size_t start = text.size() - bytes;
    while (start < text.size() && is_continuation_byte(text[start])) ++start;
    return text.substr(start);
}

// Fits a progress line into `width` columns (counted in bytes, which is close enough for a
// status line): the file path loses its beginning first, so that its name stays readable.
std::string fit_to_width(const std::string& line, std::size_t width) {
    const std::size_t limit = width > 1 ? width - 1 : width;  // the last column makes some
                                                              // terminals wrap
    if (line.size() <= limit) return line;
    const std::size_t marker = line.find(reading_marker);
    if (marker != std::string::npos) {
        const std::string head = line.substr(0, marker + reading_marker.size());
        constexpr std::size_t min_path = 12;
        if (head.size() + min_path <= limit) {
            const std::string path = line.substr(head.size());
            return head + "..." + utf8_suffix(path, limit - head.size() - 3);
        }
        return utf8_prefix(line.substr(0, marker), limit);
    }
    return utf8_prefix(line, limit);
}

std::size_t terminal_width() {
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return default_width;
}

}  // namespace

std::string format_duration(double seconds) {
    const long total = std::lround(std::max(seconds, 0.0));
    if (total < 60) return std::to_string(total) + " s";
    if (total < 3600) return std::to_string(total / 60) + " min " + two_digits(total % 60) + " s";
    return std::to_string(total / 3600) + " h " + two_digits(total % 3600 / 60) + " min";
}

std::string progress_line(const ProgressState& state, double elapsed_seconds) {
    std::string line;
    if (state.files_total > 0) {
        line += std::to_string(state.files_started) + " of " +
                plural(state.files_total, "file", "files") + ", ";
    }
    line += plural(state.documents, "document", "documents");
    if (elapsed_seconds > 0) {
        const double rate = static_cast<double>(state.documents) / elapsed_seconds;
        line += " (" + std::to_string(std::lround(rate)) + "/s)";
    }
    if (state.skipped > 0) line += ", " + std::to_string(state.skipped) + " skipped";
    if (state.bytes_total > 0 && state.bytes_done > 0 && state.bytes_done < state.bytes_total &&
        state.bytes_done_at > 0) {
        // The whole files read so far set the pace for the rest.
        const double run_seconds = state.bytes_done_at * static_cast<double>(state.bytes_total) /
                                   static_cast<double>(state.bytes_done);
        const double left = std::max(run_seconds - elapsed_seconds, 1.0);
        line += ", about " + format_duration(left) + " left";
    }
    if (!state.current_file.empty()) {
        line += reading_marker + (state.current_file == "-" ? "<stdin>" : state.current_file);
    }
    return line;
}

ProgressMode progress_mode(const std::ostream& err, bool quiet) {
    if (quiet) return ProgressMode::off;
    const char* term = std::getenv("TERM");
    const bool terminal = &err == &std::cerr && ::isatty(STDERR_FILENO) == 1 && term != nullptr &&
                          std::strcmp(term, "dumb") != 0;
    return terminal ? ProgressMode::live : ProgressMode::plain;
}

Progress::Progress(std::ostream& err, ProgressMode mode)
    : Progress(err, mode,
               mode == ProgressMode::live ? std::chrono::milliseconds(200)
                                          : std::chrono::milliseconds(5000)) {}

Progress::Progress(std::ostream& err, ProgressMode mode, std::chrono::milliseconds interval)
    : err_(err),
      mode_(mode),
      interval_(interval),
      width_(mode == ProgressMode::live ? terminal_width() : default_width) {}

void Progress::set_inputs(const std::vector<InputFile>& inputs) {
    state_.files_total = inputs.size();
    state_.bytes_total = 0;
    bool all_known = true;
    for (const InputFile& input : inputs) {
        std::error_code ec;
        const std::uintmax_t size =
            input.path == "-" ? 0 : std::filesystem::file_size(input.path, ec);
        if (input.path == "-" || ec) {
            all_known = false;
            continue;
        }
        sizes_[input.path] = size;
        state_.bytes_total += size;
    }
    // Without the size of every input the time left would be a guess.
    if (!all_known) state_.bytes_total = 0;
}

void Progress::update(const RunCounts& counts, const std::string& current_file) {
    if (mode_ == ProgressMode::off) return;
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    if (current_file != state_.current_file) {
        const auto finished = sizes_.find(state_.current_file);
        if (finished != sizes_.end()) {
            state_.bytes_done += finished->second;
            state_.bytes_done_at = elapsed;
        }
        state_.current_file = current_file;
    }
    if (now - last_ < interval_) return;
    last_ = now;
    state_.files_started = counts.files;
    state_.documents = counts.records;
    state_.skipped = counts.skipped;
    const std::string line = "indexer: " + progress_line(state_, elapsed);
    if (mode_ == ProgressMode::live) {
        err_ << "\r\033[K" << fit_to_width(line, width_) << std::flush;
        drawn_ = true;
    } else {
        err_ << line << "\n";
    }
}

void Progress::clear() {
    if (drawn_) err_ << "\r\033[K" << std::flush;
    drawn_ = false;
}

}  // namespace dateline::indexer
