#pragma once
// The files inside one input. A plain or compressed file (.gz, .xz, .bz2, .zst, .lz4, .Z) is
// one file; a tar or zip archive (compressed or not) holds many. The container is recognised
// from the bytes, never from the name. gzip is undone by FileStream (zlib), which keeps every
// byte before a truncation; libarchive does the rest, with only the tar, zip and raw formats
// enabled (its catch-all would let formats such as mtree claim plain text).

#include <memory>
#include <stdexcept>
#include <string>

#include "chunk_source.hpp"

struct archive;

namespace dateline::indexer {

// Damaged input. `fatal`: nothing after it can be read; otherwise only the current member is
// lost and the next one may be read.
struct ArchiveError : std::runtime_error {
    ArchiveError(const std::string& message, bool is_fatal)
        : std::runtime_error(message), fatal(is_fatal) {}
    bool fatal;
};

class ArchiveInput {
public:
    // Opens a file, or standard input for "-". Throws std::runtime_error naming the path when
    // it cannot be opened.
    static std::unique_ptr<ArchiveInput> open_file(const std::string& path);
    // Opens the rest of `parent`'s current entry as an input of its own (an archive inside an
    // archive); `head` holds the bytes of that entry already read from `parent`.
    static std::unique_ptr<ArchiveInput> open_nested(ArchiveInput& parent, std::string head);

    ~ArchiveInput();
    ArchiveInput(const ArchiveInput&) = delete;
    ArchiveInput& operator=(const ArchiveInput&) = delete;

    // Moves to the next regular file (directories, links and devices are passed over);
    // false at the end, and after damage that was already reported through a fatal
    // ArchiveError. Throws ArchiveError when the archive is damaged.
    bool next_entry();
    // True for tar and zip archives, whose entries are named members; false for a single
    // file, whose one entry is the input itself.
    bool has_members() const;
    // The current member's path inside the archive; "" without members.
    const std::string& member_name() const { return member_; }

    // Reads the current entry: up to `capacity` bytes, 0 at its end. Throws ArchiveError when
    // the data is damaged, after every byte before the damage was returned.
    std::size_t read(char* buffer, std::size_t capacity);

    struct Source;  // the bytes below libarchive

private:
    ArchiveInput();
    void open(ChunkSource read, std::string head);
    // Why the last call failed: the underlying stream's reason when it stopped early (a
    // truncated gzip file), else libarchive's.
    std::string failure() const;

    std::unique_ptr<Source> source_;
    ::archive* archive_ = nullptr;
    // Throws `error`, remembering when nothing after it can be read.
    [[noreturn]] void fail(const ArchiveError& error);

    std::string member_;
    bool has_members_ = false;
    bool broken_ = false;  // a fatal error was thrown: the reader knows, nothing follows
    int failed_headers_ = 0;  // non-fatal header failures in a row
};

}  // namespace dateline::indexer
