#pragma once
// Reads the bytes of a file or standard input (gzip-compressed or not, detected from the
// bytes), and splits a byte stream into lines.

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

#include "chunk_source.hpp"

namespace dateline {

// A read error or damaged compressed data: what() names the path, `reason` does not.
struct StreamError : std::runtime_error {
    StreamError(const std::string& message, std::string why)
        : std::runtime_error(message), reason(std::move(why)) {}
    std::string reason;
};

// The bytes of a file, or of standard input for "-", gunzipped when they are gzip data
// (concatenated gzip members are read in turn).
class FileStream {
public:
    // Throws std::runtime_error naming the path if it cannot be opened.
    explicit FileStream(const std::string& path);
    ~FileStream();
    FileStream(const FileStream&) = delete;
    FileStream& operator=(const FileStream&) = delete;

    // Reads up to `capacity` bytes; 0 at the end. On a read error or truncated or corrupt
    // gzip data, throws StreamError, after every byte before the damage was returned.
    std::size_t read(char* buffer, std::size_t capacity);

private:
    std::string path_;
    void* gz_ = nullptr;  // gzFile, kept opaque so that users need not include zlib.h
};

class LineReader {
public:
    // Lines of a file ("-" is standard input), through a FileStream.
    explicit LineReader(const std::string& path);
    // Lines of any byte stream; an exception from `source` propagates out of next().
    explicit LineReader(ChunkSource source);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // Reads the next line without its "\n" (and without a trailing "\r"). Returns false at the
    // end. A line longer than `max_line_bytes` is consumed but returned truncated, and
    // `last_line_truncated()` says so. Throws std::runtime_error on a read error or
    // corrupt/truncated compressed data (for a file: naming the path).
    bool next(std::string& line);
    std::size_t line_number() const { return line_number_; }
    bool last_line_truncated() const { return truncated_; }

    static constexpr std::size_t max_line_bytes = 64 * 1024 * 1024;

private:
    // Refills buffer_ from the source; false at the end.
    bool fill();

    std::unique_ptr<FileStream> file_;  // null when reading from a ChunkSource
    ChunkSource source_;
    std::string buffer_;  // bytes not yet returned, from buffer_pos_ on
    std::size_t buffer_pos_ = 0;
    std::size_t line_number_ = 0;
    bool truncated_ = false;
};

// Reads a whole file (or "-" for stdin), transparently gunzipping. Throws std::runtime_error
// naming the path on failure, or if it is larger than `max_bytes`.
std::string read_whole_file(const std::string& path, std::size_t max_bytes);

}  // namespace dateline
