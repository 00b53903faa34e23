#pragma once
// What an input holds, told from its first bytes (and, where the bytes leave it open, from its
// name). Pure: bytes in, a format out.

#include <cstddef>
#include <optional>
#include <string_view>

namespace dateline {

enum class DocumentFormat {
    empty,         // no bytes, or only white space
    binary,        // NUL bytes or control characters: not text
    container,     // gzip, xz, bzip2, zstd, lz4, compress, zip or tar data
    jsonl,         // JSON Lines / NDJSON: one object per line
    json,          // one JSON document: an array of release objects, or one object
    wire_text,     // agency-wire plain text: title line, optional time line, body
    front_matter,  // text after a YAML front matter block ("---" first line)
    html,          // an HTML page
    feed,          // RSS 2.0 or Atom
    reuters_sgml,  // Reuters-21578 SGML (<!DOCTYPE lewis>, <REUTERS ...>)
    other_xml,     // XML that is neither a feed nor XHTML
};

// How many leading bytes detect_format needs to see.
inline constexpr std::size_t detect_head_bytes = 64 * 1024;

// The format of an input whose first bytes are `head` (at most detect_head_bytes of it).
// `complete` says that `head` is the whole input. The content decides: a file called .html
// that holds JSON Lines is JSON Lines. UTF-16 must be converted before calling (see
// encoding::detect_utf16); a UTF-8 byte-order mark is allowed.
DocumentFormat detect_format(std::string_view head, bool complete);

// The format a file name suggests, ignoring compression suffixes (".jsonl.gz" is JSON Lines):
// nullopt when the name says nothing. Used to break ties, never against clear content.
std::optional<DocumentFormat> format_from_name(std::string_view file_name);

// The format to read: `detected` from the content, except that plain text in a file named as
// HTML or SGML is read as that markup (a fragment that opens with text).
DocumentFormat choose_format(DocumentFormat detected, std::optional<DocumentFormat> named);

// True when the name ends in a container suffix: .gz .xz .bz2 .zst .lz4 .Z .zip .tar .tgz .tbz2
// .txz (case-insensitive).
bool has_container_suffix(std::string_view file_name);

// Short names used in messages and by --format: "jsonl", "json", "text", "frontmatter",
// "html", "feed", "sgml"; and "empty", "binary", "container", "xml" for the others.
std::string_view format_name(DocumentFormat format);

}  // namespace dateline
