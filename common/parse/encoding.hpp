#pragma once
// From the bytes of an input file to valid UTF-8: byte-order marks, UTF-16, Windows-1252 and
// the charset an HTML page declares. Pure functions: bytes in, text and a note out.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::encoding {

enum class Utf16 { none, little_endian, big_endian };

// The UTF-16 byte order of a text that starts with `head`: from its byte-order mark, or without
// one from the NUL bytes that ASCII characters have in every other position in UTF-16.
Utf16 detect_utf16(std::string_view head);

struct Decoded {
    std::string text;     // valid UTF-8, without a byte-order mark
    std::string warning;  // what was guessed or repaired, for the user; "" when nothing was
};

// A text file: a UTF-8 byte-order mark is dropped, UTF-16 is converted, valid UTF-8 is kept,
// and anything else is read as Windows-1252 (a superset of printable Latin-1) with a warning
// that names the line and byte of the first invalid sequence.
Decoded text_to_utf8(std::string_view bytes);

// An HTML page: like text_to_utf8, except that a page which is not valid UTF-8 is converted
// from the charset its <meta> declares (any charset iconv knows: GB2312, Shift_JIS,
// ISO-8859-2, ...); Latin-1 and Windows-1252 pages need no warning, unknown ones get one.
Decoded html_to_utf8(std::string_view bytes);

// The charset a <meta charset=...> or <meta http-equiv="Content-Type" content="...;
// charset=..."> names in the page's first 8 KiB, lower-cased; "" when there is none.
std::string declared_html_charset(std::string_view page);

// Converts `bytes` from `charset` to UTF-8 with iconv; nullopt when iconv does not know the
// charset or the bytes are not valid in it.
std::optional<std::string> convert_charset(std::string_view bytes, const std::string& charset);

// Replaces CRLF (and, in a file without any LF, a lone CR) line ends with LF.
std::string normalize_line_ends(std::string text);

// Repairs a stream of text that should be UTF-8, chunk by chunk: every byte that is not part of
// a valid UTF-8 sequence is read as Windows-1252. A sequence cut at the end of a chunk waits
// for the next chunk.
class Utf8Repair {
public:
    // Appends the repaired `chunk` to `out`; `final` says no chunk follows.
    void feed(std::string_view chunk, bool final, std::string& out);
    // Bytes read as Windows-1252 so far, and where the first was (1-based line and byte).
    std::size_t repaired() const { return repaired_; }
    std::size_t first_line() const { return first_line_; }
    std::size_t first_byte() const { return first_byte_; }

private:
    std::string carry_;         // the start of a sequence cut at the end of the last chunk
    std::size_t consumed_ = 0;  // input bytes before carry_
    std::size_t newlines_ = 0;  // line ends in them
    std::size_t repaired_ = 0;
    std::size_t first_line_ = 0;
    std::size_t first_byte_ = 0;
};

// "line 3, byte 33": where the 0-based `offset` of `text` is, 1-based, for messages.
std::string describe_offset(std::string_view text, std::size_t offset);

}  // namespace dateline::encoding
