// From input bytes to valid UTF-8 (utf8.hpp, encoding.hpp). The UTF-8 check is compared with a
// second, independently written decoder (code point arithmetic instead of the byte-range
// table); every conversion must give valid UTF-8; the streaming repair must give the same text
// however the bytes are cut into chunks.

#include <cstdint>
#include <iterator>
#include <string>

#include "encoding.hpp"
#include "fuzz_support.hpp"
#include "utf8.hpp"

namespace {

// Offset of the first ill-formed sequence, or text.size(): decode each sequence, then reject
// overlong forms, surrogates and code points above U+10FFFF.
std::size_t reference_first_invalid(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto lead = static_cast<unsigned char>(text[pos]);
        std::size_t length = 0;
        std::uint32_t cp = 0;
        std::uint32_t smallest = 0;
        if (lead < 0x80) {
            ++pos;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2, cp = lead & 0x1Fu, smallest = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3, cp = lead & 0x0Fu, smallest = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4, cp = lead & 0x07u, smallest = 0x10000;
        } else {
            return pos;
        }
        if (text.size() - pos < length) return pos;
        for (std::size_t i = 1; i < length; ++i) {
            const auto next = static_cast<unsigned char>(text[pos + i]);
            if ((next & 0xC0) != 0x80) return pos;
            cp = (cp << 6) | (next & 0x3Fu);
        }
        if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return pos;
        pos += length;
    }
    return text.size();
}

// Charsets a page may declare, picked by the input's first byte for convert_charset.
constexpr const char* charsets[] = {
    "gb2312",       "gbk",    "big5",     "shift_jis", "euc-jp", "euc-kr",           "iso-8859-2",
    "windows-1251", "koi8-r", "utf-16le", "utf-16be",  "utf-8",  "x-unknown-charset"};

void require_valid(const std::string& text, const char* what) {
    dateline::fuzz::require(dateline::utf8::is_valid(text), what);
}

// Utf8Repair over `text` cut into chunks whose sizes come from `cuts`; returns the output.
std::string repair_in_chunks(std::string_view text, std::string_view cuts,
                             dateline::encoding::Utf8Repair& repair) {
    std::string out;
    std::size_t pos = 0;
    std::size_t cut = 0;
    while (pos < text.size()) {
        const std::size_t length =
            cuts.empty() ? 1 : 1 + static_cast<unsigned char>(cuts[cut++ % cuts.size()]) % 7;
        const std::string_view chunk = text.substr(pos, length);
        pos += chunk.size();
        repair.feed(chunk, false, out);
    }
    repair.feed({}, true, out);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    using fuzz::require;
    const std::string_view text = fuzz::as_text(data, size);

    const std::size_t bad = utf8::first_invalid(text);
    require(bad == reference_first_invalid(text), "first_invalid disagrees with the reference");
    require(utf8::is_valid(text) == (bad == text.size()), "is_valid disagrees with first_invalid");

    const std::string repaired = utf8::from_windows1252(text);
    require_valid(repaired, "from_windows1252 produced invalid UTF-8");
    require(repaired.size() >= text.size(), "from_windows1252 lost bytes");

    const std::string_view stripped = utf8::strip_bom(text);
    const bool has_bom = text.substr(0, 3) == "\xEF\xBB\xBF";
    require(stripped.size() == text.size() - (has_bom ? 3 : 0),
            "strip_bom removed the wrong bytes");
    require(stripped.data() + stripped.size() == text.data() + text.size(),
            "strip_bom did not keep the end of the text");

    const encoding::Decoded as_text = encoding::text_to_utf8(text);
    require_valid(as_text.text, "text_to_utf8 produced invalid UTF-8");
    if (encoding::detect_utf16(text) == encoding::Utf16::none && utf8::is_valid(stripped)) {
        require(as_text.text == stripped && as_text.warning.empty(),
                "text_to_utf8 changed valid UTF-8");
    }
    require_valid(as_text.warning, "text_to_utf8 warning is not valid UTF-8");

    const encoding::Decoded as_html = encoding::html_to_utf8(text);
    require_valid(as_html.text, "html_to_utf8 produced invalid UTF-8");
    require_valid(as_html.warning, "html_to_utf8 warning is not valid UTF-8");
    (void)encoding::declared_html_charset(text);
    if (size > 0) {
        const char* charset = charsets[data[0] % std::size(charsets)];
        // Not checked for validity: glibc's iconv passes some ill-formed UTF-8 through, and
        // html_to_utf8 (checked above) validates what it gets.
        (void)encoding::convert_charset(text.substr(1), charset);
    }

    const std::string lines = encoding::normalize_line_ends(std::string(text));
    if (text.find('\r') == std::string_view::npos)
        require(lines == text, "normalize_line_ends without CR");
    if (text.find('\n') == std::string_view::npos) {
        require(lines.find('\r') == std::string::npos, "normalize_line_ends left a lone CR");
    }
    require(lines.size() <= text.size(), "normalize_line_ends added bytes");

    // The streaming repair: one chunk, then chunks cut where the input's own bytes say.
    encoding::Utf8Repair whole;
    std::string whole_out;
    whole.feed(text, true, whole_out);
    require_valid(whole_out, "Utf8Repair produced invalid UTF-8");
    if (bad == text.size()) require(whole_out == text, "Utf8Repair changed valid UTF-8");
    require((whole.repaired() == 0) == (bad == text.size()), "Utf8Repair miscounted repairs");
    encoding::Utf8Repair chunked;
    const std::string chunked_out = repair_in_chunks(text, text.substr(0, 8), chunked);
    require(chunked_out == whole_out, "Utf8Repair output depends on the chunk boundaries");
    require(chunked.repaired() == whole.repaired() && chunked.first_line() == whole.first_line() &&
                chunked.first_byte() == whole.first_byte(),
            "Utf8Repair's report depends on the chunk boundaries");
    if (whole.repaired() > 0) {
        require(whole.first_byte() == bad + 1, "Utf8Repair's first byte is not the first invalid");
        (void)encoding::describe_offset(text, bad);
    }
    return 0;
}
