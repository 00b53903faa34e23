#pragma once
// Small pieces for reading SGML that is not well-formed XML (the Reuters-21578 files): finding
// elements by name and decoding character data.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::sgml {

struct Element {
    std::string_view attributes;  // the text between the tag name and '>' of the start tag
    std::string_view content;     // between the start tag and the end tag (or the end of text)
    std::size_t begin = 0;        // offset of '<' of the start tag
    std::size_t end = 0;          // offset just past the end tag (or the end of text)
    bool closed = false;          // false when the end tag is missing
};

// The first <NAME ...>...</NAME> in `text` at or after `from`; tag names match without regard to
// case. A missing end tag makes the element run to the end of `text`.
std::optional<Element> find_element(std::string_view text, std::string_view name,
                                    std::size_t from = 0);

// Offset of the first start tag <NAME (followed by '>' or white space) at or after `from`, or
// npos.
std::size_t find_start_tag(std::string_view text, std::string_view name, std::size_t from = 0);

// Offset of the first end tag </NAME> at or after `from`, or npos.
std::size_t find_end_tag(std::string_view text, std::string_view name, std::size_t from = 0);

// The value of NAME="value" (or NAME=value) in a start tag's attribute text; nullopt if absent.
std::optional<std::string> attribute(std::string_view attributes, std::string_view name);

// Character data to UTF-8 text: bytes that are not valid UTF-8 are read as Windows-1252 (which
// covers Latin-1's printable characters); the references &lt; &gt; &amp; &quot; &apos; &#N; and
// &#xN; are decoded (unknown ones are kept as written); control characters other than newline
// and tab are dropped, whether raw or written as references (the wire's &#2;/&#3; start and end
// marks), and so is a carriage return.
std::string decode_text(std::string_view raw);

}  // namespace dateline::sgml
