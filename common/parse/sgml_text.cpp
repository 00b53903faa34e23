#include "sgml_text.hpp"

#include "utf8.hpp"

namespace dateline::sgml {

namespace {

char to_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool equal_nocase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (to_lower(a[i]) != to_lower(b[i])) return false;
    }
    return true;
}

// Offset of `opening` + NAME (any case) followed by a character `ends` accepts, or npos.
template <typename EndTest>
std::size_t find_tag(std::string_view text, std::string_view opening, std::string_view name,
                     std::size_t from, EndTest ends) {
    std::size_t pos = from;
    while ((pos = text.find(opening, pos)) != std::string_view::npos) {
        const std::size_t name_start = pos + opening.size();
        const std::size_t after = name_start + name.size();
        if (after < text.size() && equal_nocase(text.substr(name_start, name.size()), name) &&
            ends(text[after])) {
            return pos;
        }
        ++pos;
    }
    return std::string_view::npos;
}

// Characters that carry no text: C0 controls but newline and tab, DEL and the C1 controls,
// surrogates and anything beyond Unicode.
bool is_text_character(char32_t cp) {
    if (cp == '\n' || cp == '\t') return true;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    return cp <= 0x10FFFF;
}

// "&#65;", "&#x41;" → 'A'; nullopt if `ref` (without '&' and ';') is not a character number.
std::optional<char32_t> numeric_reference(std::string_view ref) {
    if (ref.size() < 2 || ref[0] != '#') return std::nullopt;
    const bool hex = ref[1] == 'x' || ref[1] == 'X';
    const std::string_view digits = ref.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return std::nullopt;
    char32_t value = 0;
    for (const char c : digits) {
        unsigned digit = 0;
        if (c >= '0' && c <= '9') {
            digit = static_cast<unsigned>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
            digit = static_cast<unsigned>(c - 'a' + 10);
        } else if (hex && c >= 'A' && c <= 'F') {
            digit = static_cast<unsigned>(c - 'A' + 10);
        } else {
            return std::nullopt;
        }
        value = value * (hex ? 16u : 10u) + digit;
    }
    return value;
}

std::optional<char> named_reference(std::string_view ref) {
    if (ref == "lt") return '<';
    if (ref == "gt") return '>';
    if (ref == "amp") return '&';
    if (ref == "quot") return '"';
    if (ref == "apos") return '\'';
    return std::nullopt;
}

// Longest reference name looked at; longer runs after '&' are plain text.
constexpr std::size_t max_reference_bytes = 10;

}  // namespace

std::size_t find_start_tag(std::string_view text, std::string_view name, std::size_t from) {
    return find_tag(text, "<", name, from, [](char c) { return c == '>' || is_space(c); });
}

std::size_t find_end_tag(std::string_view text, std::string_view name, std::size_t from) {
    return find_tag(text, "</", name, from, [](char c) { return c == '>'; });
}

std::optional<Element> find_element(std::string_view text, std::string_view name,
                                    std::size_t from) {
    const std::size_t start = find_start_tag(text, name, from);
    if (start == std::string_view::npos) return std::nullopt;
    const std::size_t name_end = start + 1 + name.size();
    const std::size_t tag_end = text.find('>', name_end);
    Element element;
    element.begin = start;
    if (tag_end == std::string_view::npos) {  // a start tag cut off by the end of the text
        element.attributes = text.substr(name_end);
        element.end = text.size();
        return element;
    }
    element.attributes = text.substr(name_end, tag_end - name_end);
    const std::size_t close = find_end_tag(text, name, tag_end + 1);
    if (close == std::string_view::npos) {
        element.content = text.substr(tag_end + 1);
        element.end = text.size();
    } else {
        element.content = text.substr(tag_end + 1, close - tag_end - 1);
        element.end = close + name.size() + 3;
        element.closed = true;
    }
    return element;
}

std::optional<std::string> attribute(std::string_view attributes, std::string_view name) {
    std::size_t pos = 0;
    while (pos < attributes.size()) {
        while (pos < attributes.size() && is_space(attributes[pos])) ++pos;
        const std::size_t name_start = pos;
        while (pos < attributes.size() && !is_space(attributes[pos]) && attributes[pos] != '=') {
            ++pos;
        }
        const std::string_view found = attributes.substr(name_start, pos - name_start);
        while (pos < attributes.size() && is_space(attributes[pos])) ++pos;
        std::string_view value;
        if (pos < attributes.size() && attributes[pos] == '=') {
            ++pos;
            while (pos < attributes.size() && is_space(attributes[pos])) ++pos;
            if (pos < attributes.size() && (attributes[pos] == '"' || attributes[pos] == '\'')) {
                const char quote = attributes[pos++];
                std::size_t close = attributes.find(quote, pos);
                if (close == std::string_view::npos) close = attributes.size();
                value = attributes.substr(pos, close - pos);
                pos = close + 1;
            } else {
                const std::size_t value_start = pos;
                while (pos < attributes.size() && !is_space(attributes[pos])) ++pos;
                value = attributes.substr(value_start, pos - value_start);
            }
        }
        if (!found.empty() && equal_nocase(found, name)) return decode_text(value);
        if (found.empty()) ++pos;
    }
    return std::nullopt;
}

std::string decode_text(std::string_view raw) {
    std::string converted;
    if (!utf8::is_valid(raw)) {
        converted = utf8::from_windows1252(raw);
        raw = converted;
    }
    std::string out;
    out.reserve(raw.size());
    std::size_t pos = 0;
    while (pos < raw.size()) {
        const char c = raw[pos];
        const auto byte = static_cast<unsigned char>(c);
        if (c == '&') {
            const std::size_t semicolon = raw.find(';', pos + 1);
            if (semicolon != std::string_view::npos && semicolon - pos - 1 <= max_reference_bytes) {
                const std::string_view ref = raw.substr(pos + 1, semicolon - pos - 1);
                if (const auto cp = numeric_reference(ref)) {
                    if (is_text_character(*cp)) utf8::append_code_point(out, *cp);
                    pos = semicolon + 1;
                    continue;
                }
                if (const auto named = named_reference(ref)) {
                    out += *named;
                    pos = semicolon + 1;
                    continue;
                }
            }
            out += c;
            ++pos;
        } else if (byte < 0x80) {
            if (is_text_character(byte)) out += c;
            ++pos;
        } else {
            // A valid UTF-8 sequence (checked or produced above): C1 controls (U+0080-U+009F,
            // "\xC2\x80".."\xC2\x9F") are dropped, everything else copied.
            std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
            if (pos + length > raw.size()) length = raw.size() - pos;
            const bool c1_control =
                byte == 0xC2 && length == 2 && static_cast<unsigned char>(raw[pos + 1]) < 0xA0;
            if (!c1_control) out.append(raw.substr(pos, length));
            pos += length;
        }
    }
    return out;
}

}  // namespace dateline::sgml
