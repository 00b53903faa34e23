#pragma once
// Reads lines from a file or standard input, gzip-compressed or not (detected from the bytes).

#include <cstddef>
#include <string>

namespace dateline {

class LineReader {
public:
    // `path` "-" means standard input. Throws std::runtime_error naming the path if it cannot
    // be opened.
    explicit LineReader(const std::string& path);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // Reads the next line without its "\n" (and without a trailing "\r"). Returns false at the
    // end. A line longer than `max_line_bytes` is consumed but returned truncated, and
    // `last_line_truncated()` says so. Throws std::runtime_error naming the path and line on a
    // read error or corrupt/truncated compressed data.
    bool next(std::string& line);
    std::size_t line_number() const { return line_number_; }
    bool last_line_truncated() const { return truncated_; }

    static constexpr std::size_t max_line_bytes = 64 * 1024 * 1024;

private:
    // Refills buffer_ from the stream; false at the end. Throws on a read error.
    bool fill();

    std::string path_;
    void* gz_ = nullptr;  // gzFile, kept opaque so that users need not include zlib.h
    std::string buffer_;  // decompressed bytes not yet returned, from buffer_pos_ on
    std::size_t buffer_pos_ = 0;
    std::size_t line_number_ = 0;
    bool truncated_ = false;
};

// Reads a whole file (or "-" for stdin), transparently gunzipping. Throws std::runtime_error
// naming the path on failure, or if it is larger than `max_bytes`.
std::string read_whole_file(const std::string& path, std::size_t max_bytes);

}  // namespace dateline
