#include "format_detect.hpp"

#include <array>

namespace dateline {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool starts_with_nocase(std::string_view text, std::string_view lower_prefix) {
    if (text.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
        if (lower_ascii(text[i]) != lower_prefix[i]) return false;
    }
    return true;
}

bool ends_with_nocase(std::string_view text, std::string_view lower_suffix) {
    return text.size() >= lower_suffix.size() &&
           starts_with_nocase(text.substr(text.size() - lower_suffix.size()), lower_suffix);
}

std::size_t find_nocase(std::string_view text, std::string_view lower_needle) {
    if (lower_needle.empty() || text.size() < lower_needle.size()) return std::string_view::npos;
    for (std::size_t i = 0; i + lower_needle.size() <= text.size(); ++i) {
        if (lower_ascii(text[i]) == lower_needle[0] &&
            starts_with_nocase(text.substr(i), lower_needle)) {
            return i;
        }
    }
    return std::string_view::npos;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view skip_space(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    return text;
}

bool is_container(std::string_view head) {
    auto at = [&head](std::size_t offset, std::string_view magic) {
        return head.size() >= offset + magic.size() && head.substr(offset, magic.size()) == magic;
    };
    if (at(0, "\x1F\x8B") || at(0, "\x1F\x9D")) return true;  // gzip, compress
    if (at(0, std::string_view("\xFD" "7zXZ\0", 6))) return true;
    if (at(0, "\x28\xB5\x2F\xFD") || at(0, "\x04\x22\x4D\x18")) return true;  // zstd, lz4
    if (at(0, "BZh") && head.size() >= 4 && head[3] >= '1' && head[3] <= '9' &&
        (at(4, "1AY&SY") || at(4, "\x17" "rE8P\x90"))) {
        return true;
    }
    if (at(0, "PK\x03\x04") || at(0, "PK\x05\x06") || at(0, "PK\x07\x08")) return true;
    return at(257, std::string_view("ustar\0", 6)) || at(257, "ustar  ");
}

// NUL bytes or many other control characters: not a text in any encoding we read.
bool looks_binary(std::string_view head) {
    std::size_t controls = 0;
    for (const char c : head) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0) return true;
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' &&
             byte != 0x1B) ||
            byte == 0x7F) {
            ++controls;
        }
    }
    return controls * 50 > head.size();
}

// `text` starts with '{'. True when that object ends on its first line (JSON Lines), false
// when it goes on past a line end (one pretty-printed JSON document). A first line longer than
// `text` counts as JSON Lines: such lines are records, not indented documents.
bool first_object_ends_on_first_line(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '\n') return false;
        if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth <= 0) return true;
        }
    }
    return true;
}

// Markup after comments, processing instructions and an XML declaration.
DocumentFormat detect_markup(std::string_view text) {
    bool xml_declaration = false;
    while (true) {
        text = skip_space(text);
        if (starts_with(text, "<!--")) {
            const std::size_t end = text.find("-->");
            if (end == std::string_view::npos) return DocumentFormat::wire_text;
            text.remove_prefix(end + 3);
        } else if (starts_with(text, "<?")) {
            xml_declaration = xml_declaration || starts_with_nocase(text, "<?xml");
            const std::size_t end = text.find("?>");
            if (end == std::string_view::npos) return DocumentFormat::wire_text;
            text.remove_prefix(end + 2);
        } else {
            break;
        }
    }
    if (starts_with_nocase(text, "<!doctype")) {
        std::string_view name = skip_space(text.substr(9));
        if (starts_with_nocase(name, "html")) return DocumentFormat::html;
        if (starts_with_nocase(name, "lewis")) return DocumentFormat::reuters_sgml;
        if (starts_with_nocase(name, "rss")) return DocumentFormat::feed;
        const std::size_t end = text.find('>');
        if (end == std::string_view::npos) return DocumentFormat::wire_text;
        return detect_markup(text.substr(end + 1));
    }
    for (const char* feed_root : {"<rss", "<feed", "<rdf:rdf"}) {
        if (starts_with_nocase(text, feed_root)) return DocumentFormat::feed;
    }
    if (starts_with_nocase(text, "<reuters")) return DocumentFormat::reuters_sgml;
    static constexpr std::array<std::string_view, 24> html_tags = {
        "html", "head", "body", "meta", "title", "link", "script", "style",
        "div", "p", "table", "h1", "h2", "h3", "span", "a", "br", "article",
        "section", "header", "nav", "main", "img", "ul"};
    if (starts_with(text, "<")) {
        const std::string_view tag = text.substr(1);
        for (const std::string_view name : html_tags) {
            if (!starts_with_nocase(tag, name)) continue;
            const char after = tag.size() > name.size() ? tag[name.size()] : '>';
            if (after == '>' || after == '/' || is_space(after)) return DocumentFormat::html;
        }
        if (find_nocase(text, "<reuters ") != std::string_view::npos) {
            return DocumentFormat::reuters_sgml;
        }
        if (xml_declaration) return DocumentFormat::other_xml;
    }
    return DocumentFormat::wire_text;
}

bool is_front_matter_start(std::string_view text) {
    if (!starts_with(text, "---")) return false;
    std::string_view rest = text.substr(3);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\r')) {
        rest.remove_prefix(1);
    }
    return rest.empty() || rest.front() == '\n';
}

// The name without compression suffixes: "a.jsonl.gz" gives "a.jsonl".
std::string_view strip_compression_suffix(std::string_view name) {
    for (bool again = true; again;) {
        again = false;
        for (const char* suffix : {".gz", ".xz", ".bz2", ".zst", ".lz4", ".z"}) {
            if (ends_with_nocase(name, suffix)) {
                name.remove_suffix(std::string_view(suffix).size());
                again = true;
            }
        }
    }
    return name;
}

}  // namespace

DocumentFormat detect_format(std::string_view head, bool complete) {
    if (head.empty()) return DocumentFormat::empty;
    if (is_container(head)) return DocumentFormat::container;
    if (starts_with(head, utf8_bom)) head.remove_prefix(utf8_bom.size());
    if (looks_binary(head)) return DocumentFormat::binary;
    const std::string_view text = skip_space(head);
    if (text.empty()) return complete ? DocumentFormat::empty : DocumentFormat::wire_text;
    switch (text.front()) {
        case '{':
            return first_object_ends_on_first_line(text) ? DocumentFormat::jsonl
                                                         : DocumentFormat::json;
        case '[': return DocumentFormat::json;
        case '<': return detect_markup(text);
        default: break;
    }
    // Front matter must open the file: leading blank lines would make it body text.
    if (is_front_matter_start(head)) return DocumentFormat::front_matter;
    return DocumentFormat::wire_text;
}

std::optional<DocumentFormat> format_from_name(std::string_view file_name) {
    if (const std::size_t slash = file_name.find_last_of('/'); slash != std::string_view::npos) {
        file_name.remove_prefix(slash + 1);
    }
    const std::string_view name = strip_compression_suffix(file_name);
    struct Suffix {
        const char* suffix;
        DocumentFormat format;
    };
    static constexpr std::array<Suffix, 17> suffixes = {{
        {".jsonl", DocumentFormat::jsonl},
        {".ndjson", DocumentFormat::jsonl},
        {".jsonlines", DocumentFormat::jsonl},
        {".json", DocumentFormat::json},
        {".txt", DocumentFormat::wire_text},
        {".text", DocumentFormat::wire_text},
        {".md", DocumentFormat::front_matter},
        {".markdown", DocumentFormat::front_matter},
        {".html", DocumentFormat::html},
        {".htm", DocumentFormat::html},
        {".shtml", DocumentFormat::html},
        {".xhtml", DocumentFormat::html},
        {".xml", DocumentFormat::feed},
        {".rss", DocumentFormat::feed},
        {".atom", DocumentFormat::feed},
        {".sgm", DocumentFormat::reuters_sgml},
        {".sgml", DocumentFormat::reuters_sgml},
    }};
    for (const Suffix& entry : suffixes) {
        if (ends_with_nocase(name, entry.suffix)) return entry.format;
    }
    return std::nullopt;
}

DocumentFormat choose_format(DocumentFormat detected, std::optional<DocumentFormat> named) {
    // Plain text is what detection falls back to; a markup name then says more. An HTML
    // fragment without any tag up front is still a page, and an SGML file may open with text.
    if (detected == DocumentFormat::wire_text && named &&
        (*named == DocumentFormat::html || *named == DocumentFormat::reuters_sgml)) {
        return *named;
    }
    return detected;
}

bool has_container_suffix(std::string_view file_name) {
    for (const char* suffix : {".gz", ".xz", ".bz2", ".zst", ".lz4", ".z", ".zip", ".tar", ".tgz",
                               ".tbz", ".tbz2", ".txz", ".tzst"}) {
        if (ends_with_nocase(file_name, suffix)) return true;
    }
    return false;
}

std::string_view format_name(DocumentFormat format) {
    switch (format) {
        case DocumentFormat::empty: return "empty";
        case DocumentFormat::binary: return "binary";
        case DocumentFormat::container: return "container";
        case DocumentFormat::jsonl: return "jsonl";
        case DocumentFormat::json: return "json";
        case DocumentFormat::wire_text: return "text";
        case DocumentFormat::front_matter: return "frontmatter";
        case DocumentFormat::html: return "html";
        case DocumentFormat::feed: return "feed";
        case DocumentFormat::reuters_sgml: return "sgml";
        case DocumentFormat::other_xml: return "xml";
    }
    return "unknown";
}

}  // namespace dateline
