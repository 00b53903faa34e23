#pragma once
// Reads the press releases in one input file, whatever container and format it is in.
//
// Every input goes one way: the bytes of the file (gunzipped by FileStream when they are gzip)
// go through ArchiveInput (libarchive: tar, zip, xz, bzip2, zstd, lz4, compress; archives in
// archives too), and each file found there, or the input itself, has its format detected from
// its first bytes (format_detect.hpp) unless --format says it, then goes to its reader. JSON
// Lines and JSON documents are streamed; the other formats are read whole, up to a limit.

#include <cstddef>
#include <functional>
#include <string>

#include "document.hpp"
#include "input_discovery.hpp"

namespace dateline::indexer {

// Where a record was read from.
struct RecordOrigin {
    std::string file;    // the file on disk, absolute (the archive, for a member); empty for stdin
    std::string member;  // the path inside the archive ("inner.zip!a.txt" when nested); empty
                         // for a plain or compressed file
};

struct RecordHandlers {
    // A parsed release with its id assigned.
    std::function<void(PressRelease&&, const RecordOrigin&)> on_record;
    // A record or file that was skipped; `line` is 0 when the whole file is concerned. `file`
    // names an archive member as "archive.zip!path/inside".
    std::function<void(const std::string& file, std::size_t line, const std::string& message)>
        on_skip;
    // Something was repaired or guessed, and the record was still used.
    std::function<void(const std::string& file, std::size_t line, const std::string& message)>
        on_warning;
    // Polled between records: true stops reading early. May be empty.
    std::function<bool()> stop_requested;
};

// The largest input read whole as one article (wire text, front matter text, an HTML page).
inline constexpr std::size_t max_text_article_bytes = 16 * 1024 * 1024;
// The largest feed or SGML file (their readers need all of it at once).
inline constexpr std::size_t max_collection_bytes = 128 * 1024 * 1024;
// The largest UTF-16 input (converted whole before it is read; UTF-8 takes up to 1.5 times
// the room).
inline constexpr std::size_t max_utf16_bytes = 64 * 1024 * 1024;
// Archives inside archives are opened down to this depth.
inline constexpr int max_archive_depth = 3;

// Reads `input`, calling the handlers for each record. Never throws for bad input: every
// problem goes to on_skip or on_warning with its location.
void read_records(const InputFile& input, const RecordHandlers& handlers);

}  // namespace dateline::indexer
