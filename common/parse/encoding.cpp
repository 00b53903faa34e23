#include "encoding.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include <iconv.h>

#include "utf8.hpp"

namespace dateline::encoding {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view utf16le_bom = "\xFF\xFE";
constexpr std::string_view utf16be_bom = "\xFE\xFF";
constexpr std::uint32_t replacement_character = 0xFFFD;

// How far into a page its charset declaration is looked for (the HTML standard's prescan
// reads 1 KiB; real pages put long comments and scripts first).
constexpr std::size_t charset_scan_bytes = 8 * 1024;

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), lower_ascii);
    return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

struct Utf16Result {
    std::string text;
    std::size_t bad_units = 0;  // unpaired surrogates and a dangling odd byte, replaced
};

Utf16Result utf16_to_utf8(std::string_view bytes, bool little_endian) {
    Utf16Result result;
    result.text.reserve(bytes.size());
    auto unit_at = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return little_endian ? (static_cast<std::uint32_t>(b) << 8) | a
                             : (static_cast<std::uint32_t>(a) << 8) | b;
    };
    std::size_t i = 0;
    while (i + 1 < bytes.size()) {
        const std::uint32_t unit = unit_at(i);
        i += 2;
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < bytes.size()) {
            const std::uint32_t low = unit_at(i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                i += 2;
                utf8::append_code_point(result.text,
                                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                continue;
            }
        }
        if (unit >= 0xD800 && unit <= 0xDFFF) {
            utf8::append_code_point(result.text, replacement_character);
            ++result.bad_units;
        } else {
            utf8::append_code_point(result.text, unit);
        }
    }
    if (i < bytes.size()) {
        utf8::append_code_point(result.text, replacement_character);
        ++result.bad_units;
    }
    return result;
}

// Valid UTF-8 stays; anything else is read as Windows-1252, with `warning` saying so.
Decoded utf8_or_windows1252(std::string_view bytes, const std::string& why) {
    Decoded decoded;
    const std::size_t bad = utf8::first_invalid(bytes);
    if (bad == bytes.size()) {
        decoded.text = std::string(bytes);
        return decoded;
    }
    decoded.text = utf8::from_windows1252(bytes);
    decoded.warning = why + " (" + describe_offset(bytes, bad) + "); read as Windows-1252";
    return decoded;
}

// The charsets whose pages are read with the built-in Windows-1252 table: browsers treat
// Latin-1 and ASCII labels as Windows-1252 too (WHATWG Encoding Standard).
bool is_windows1252_label(const std::string& charset) {
    for (const char* label : {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
                              "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}) {
        if (charset == label) return true;
    }
    return false;
}

// Labels whose bytes in practice are those of a superset: GB2312 pages are GBK.
std::string iconv_name(const std::string& charset) {
    if (charset == "gb2312" || charset == "gb_2312-80" || charset == "x-gbk") return "GBK";
    return charset;
}

}  // namespace

Utf16 detect_utf16(std::string_view head) {
    if (starts_with(head, utf16le_bom)) return Utf16::little_endian;
    if (starts_with(head, utf16be_bom)) return Utf16::big_endian;
    // Without a mark: mostly-ASCII UTF-16 has a NUL in every other byte, on one side only.
    const std::size_t sample = std::min<std::size_t>(head.size(), 512) & ~std::size_t{1};
    if (sample < 8) return Utf16::none;
    std::size_t even_nuls = 0;
    std::size_t odd_nuls = 0;
    for (std::size_t i = 0; i < sample; i += 2) {
        if (head[i] == '\0') ++even_nuls;
        if (head[i + 1] == '\0') ++odd_nuls;
    }
    const std::size_t pairs = sample / 2;
    if (odd_nuls * 10 >= pairs * 7 && even_nuls * 20 <= pairs) return Utf16::little_endian;
    if (even_nuls * 10 >= pairs * 7 && odd_nuls * 20 <= pairs) return Utf16::big_endian;
    return Utf16::none;
}

Decoded text_to_utf8(std::string_view bytes) {
    if (const Utf16 order = detect_utf16(bytes); order != Utf16::none) {
        const bool has_bom = starts_with(bytes, utf16le_bom) || starts_with(bytes, utf16be_bom);
        const bool little = order == Utf16::little_endian;
        Utf16Result converted = utf16_to_utf8(bytes.substr(has_bom ? 2 : 0), little);
        Decoded decoded;
        decoded.text = std::move(converted.text);
        const std::string name = little ? "UTF-16LE" : "UTF-16BE";
        if (!has_bom) decoded.warning = "no byte-order mark, but the bytes are " + name;
        if (converted.bad_units > 0) {
            if (!decoded.warning.empty()) decoded.warning += "; ";
            decoded.warning += std::to_string(converted.bad_units) + " invalid " + name +
                               " code unit(s) replaced with U+FFFD";
        }
        if (!decoded.warning.empty()) decoded.warning += "; converted to UTF-8";
        return decoded;
    }
    return utf8_or_windows1252(utf8::strip_bom(bytes), "not valid UTF-8");
}

Decoded html_to_utf8(std::string_view bytes) {
    if (starts_with(bytes, utf8_bom) || detect_utf16(bytes) != Utf16::none ||
        utf8::is_valid(bytes)) {
        return text_to_utf8(bytes);
    }
    const std::string charset = declared_html_charset(bytes);
    if (charset.empty() || charset == "utf-8" || charset == "utf8") {
        return utf8_or_windows1252(bytes, charset.empty()
                                              ? "not valid UTF-8 and no charset declared"
                                              : "declared UTF-8 but not valid UTF-8");
    }
    if (is_windows1252_label(charset)) return {utf8::from_windows1252(bytes), ""};
    if (auto converted = convert_charset(bytes, iconv_name(charset))) {
        if (utf8::is_valid(*converted)) return {std::move(*converted), ""};
    }
    return utf8_or_windows1252(bytes, "not valid in its declared charset \"" + charset + "\"");
}

std::string declared_html_charset(std::string_view page) {
    const std::string head = lower(page.substr(0, charset_scan_bytes));
    std::size_t pos = 0;
    while ((pos = head.find("<meta", pos)) != std::string::npos) {
        const std::size_t end = head.find('>', pos);
        const std::string_view tag =
            std::string_view(head).substr(pos, end == std::string::npos ? end : end - pos);
        pos += 5;
        std::size_t at = tag.find("charset");
        if (at == std::string_view::npos) continue;
        at += 7;
        while (at < tag.size() && (tag[at] == ' ' || tag[at] == '\t')) ++at;
        if (at >= tag.size() || tag[at] != '=') continue;
        ++at;
        while (at < tag.size() && (tag[at] == ' ' || tag[at] == '"' || tag[at] == '\'')) ++at;
        // Charset labels are ASCII letters, digits and . _ : - (anything else ends the label,
        // so bytes of another encoding never reach a message).
        const auto label_char = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   std::string_view("._:-").find(c) != std::string_view::npos;
        };
        std::size_t stop = at;
        while (stop < tag.size() && label_char(tag[stop])) ++stop;
        if (stop > at) return std::string(tag.substr(at, stop - at));
    }
    return {};
}

std::optional<std::string> convert_charset(std::string_view bytes, const std::string& charset) {
    iconv_t cd = ::iconv_open("UTF-8", charset.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out;
    out.resize(bytes.size() * 2 + 16);
    std::string input(bytes);  // iconv takes a non-const input pointer
    char* in_ptr = input.data();
    std::size_t in_left = input.size();
    std::size_t written = 0;
    bool ok = true;
    while (in_left > 0) {
        char* out_ptr = out.data() + written;
        std::size_t out_left = out.size() - written;
        const std::size_t result = ::iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
        written = out.size() - out_left;
        if (result != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        ok = false;  // EILSEQ or EINVAL: not valid in this charset
        break;
    }
    if (ok) {
        // Stateful charsets (ISO-2022-JP) may owe a final shift sequence.
        out.resize(written + 16);
        char* out_ptr = out.data() + written;
        std::size_t out_left = out.size() - written;
        ok = ::iconv(cd, nullptr, nullptr, &out_ptr, &out_left) != static_cast<std::size_t>(-1);
        written = out.size() - out_left;
    }
    ::iconv_close(cd);
    if (!ok) return std::nullopt;
    out.resize(written);
    return out;
}

std::string normalize_line_ends(std::string text) {
    const bool has_lf = text.find('\n') != std::string::npos;
    if (text.find('\r') == std::string::npos) return text;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
        } else if (i + 1 < text.size() && text[i + 1] == '\n') {
            // CRLF: the LF follows.
        } else {
            out += has_lf ? '\r' : '\n';  // a lone CR ends lines only in files without LF
        }
    }
    return out;
}

namespace {

// True when `tail` (shorter than a full sequence) can still become valid UTF-8.
bool is_cut_sequence(std::string_view tail) {
    const auto lead = static_cast<unsigned char>(tail.front());
    const std::size_t needed = lead >= 0xC2 && lead <= 0xDF   ? 2
                               : lead >= 0xE0 && lead <= 0xEF ? 3
                               : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                              : 0;
    if (needed == 0 || tail.size() >= needed) return false;
    for (std::size_t i = 1; i < tail.size(); ++i) {
        if ((static_cast<unsigned char>(tail[i]) & 0xC0) != 0x80) return false;
    }
    return true;
}

}  // namespace

void Utf8Repair::feed(std::string_view chunk, bool final, std::string& out) {
    std::string data = std::move(carry_);
    carry_.clear();
    data.append(chunk);
    const std::string_view text = data;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t bad = pos + utf8::first_invalid(text.substr(pos));
        out.append(text.substr(pos, bad - pos));
        if (bad == text.size()) {
            pos = bad;
            break;
        }
        if (!final && text.size() - bad < 4 && is_cut_sequence(text.substr(bad))) {
            carry_ = std::string(text.substr(bad));
            pos = bad;
            break;
        }
        if (repaired_++ == 0) {
            const std::string_view before = text.substr(0, bad);
            first_line_ = newlines_ + 1 +
                          static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
            first_byte_ = consumed_ + bad + 1;
        }
        out += utf8::from_windows1252(text.substr(bad, 1));
        pos = bad + 1;
    }
    const std::string_view used = text.substr(0, pos);
    newlines_ += static_cast<std::size_t>(std::count(used.begin(), used.end(), '\n'));
    consumed_ += pos;
}

std::string describe_offset(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const std::size_t line = 1 + static_cast<std::size_t>(
                                     std::count(before.begin(), before.end(), '\n'));
    return "line " + std::to_string(line) + ", byte " + std::to_string(offset + 1);
}

}  // namespace dateline::encoding
