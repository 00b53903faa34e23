#include "line_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <memory>
#include <stdexcept>

#include <unistd.h>
#include <zlib.h>

namespace dateline {

namespace {

constexpr unsigned chunk_bytes = 256 * 1024;

std::string display_name(const std::string& path) {
    return path == "-" ? std::string("standard input") : "'" + path + "'";
}

// zlib reads plain files transparently, so one code path serves .gz and plain bytes.
gzFile open_stream(const std::string& path) {
    gzFile gz = nullptr;
    errno = 0;
    if (path == "-") {
        const int fd = ::dup(STDIN_FILENO);  // gzclose closes it, stdin itself stays open
        if (fd >= 0) {
            gz = gzdopen(fd, "rb");
            if (gz == nullptr) ::close(fd);
        }
    } else {
        gz = gzopen(path.c_str(), "rb");
    }
    if (gz == nullptr) {
        const char* reason = errno != 0 ? std::strerror(errno) : "out of memory";
        throw std::runtime_error("cannot open " + display_name(path) + ": " + reason);
    }
    gzbuffer(gz, chunk_bytes);
    return gz;
}

// The stream's pending error, "" if none. zlib reports a truncated stream only here: gzread
// returns 0 for it, exactly as at a clean end.
std::string stream_error(gzFile gz) {
    int code = Z_OK;
    std::string_view message = gzerror(gz, &code);
    if (code == Z_OK) return {};
    if (code == Z_BUF_ERROR) return "unexpected end of file (truncated or corrupt gzip data)";
    // zlib prefixes its message with the path it was given; the caller names the path itself.
    if (const std::size_t colon = message.find(": "); colon != std::string_view::npos) {
        message.remove_prefix(colon + 2);
    }
    return std::string(message);
}

}  // namespace

FileStream::FileStream(const std::string& path) : path_(path), gz_(open_stream(path)) {}

FileStream::~FileStream() { gzclose(static_cast<gzFile>(gz_)); }

std::size_t FileStream::read(char* buffer, std::size_t capacity) {
    auto* gz = static_cast<gzFile>(gz_);
    const auto want = static_cast<unsigned>(std::min<std::size_t>(capacity, INT_MAX));
    const int got = gzread(gz, buffer, want);
    if (got > 0) return static_cast<std::size_t>(got);
    std::string error = stream_error(gz);
    if (got < 0 && error.empty()) error = "read error";
    if (!error.empty()) {
        throw StreamError("cannot read " + display_name(path_) + ": " + error, error);
    }
    return 0;
}

LineReader::LineReader(const std::string& path) : file_(std::make_unique<FileStream>(path)) {
    source_ = [file = file_.get()](char* buffer, std::size_t capacity) {
        return file->read(buffer, capacity);
    };
}

LineReader::LineReader(ChunkSource source) : source_(std::move(source)) {}

LineReader::~LineReader() = default;

bool LineReader::fill() {
    buffer_.resize(chunk_bytes);
    const std::size_t got = source_(buffer_.data(), chunk_bytes);
    buffer_.resize(got);
    buffer_pos_ = 0;
    return got > 0;
}

bool LineReader::next(std::string& line) {
    line.clear();
    truncated_ = false;
    std::size_t total = 0;  // bytes of the line, kept or not
    char last = '\0';
    bool found_newline = false;
    while (!found_newline) {
        if (buffer_pos_ == buffer_.size() && !fill()) {
            if (total == 0) return false;
            break;
        }
        const char* start = buffer_.data() + buffer_pos_;
        const std::size_t available = buffer_.size() - buffer_pos_;
        const auto* newline = static_cast<const char*>(std::memchr(start, '\n', available));
        const std::size_t take =
            newline != nullptr ? static_cast<std::size_t>(newline - start) : available;
        found_newline = newline != nullptr;
        if (line.size() < max_line_bytes) {
            line.append(start, std::min(take, max_line_bytes - line.size()));
        }
        if (take > 0) last = start[take - 1];
        total += take;
        buffer_pos_ += take + (found_newline ? 1 : 0);
    }
    if (last == '\r') {
        --total;
        if (line.size() > total) line.pop_back();
    }
    truncated_ = total > max_line_bytes;
    ++line_number_;
    return true;
}

std::string read_whole_file(const std::string& path, std::size_t max_bytes) {
    FileStream stream(path);
    std::string text;
    std::string chunk(chunk_bytes, '\0');
    while (const std::size_t got = stream.read(chunk.data(), chunk.size())) {
        if (text.size() + got > max_bytes) {
            throw std::runtime_error(display_name(path) + " is larger than " +
                                     std::to_string(max_bytes) + " bytes");
        }
        text.append(chunk.data(), got);
    }
    return text;
}

}  // namespace dateline
