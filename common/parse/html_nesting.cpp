#include "html_nesting.hpp"

#include <array>
#include <vector>

namespace dateline::html {

namespace {

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_name_char(char c) {
    return is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

template <std::size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
    for (std::string_view candidate : names) {
        if (candidate == name) return true;
    }
    return false;
}

// Elements whose content is raw text up to their end tag.
bool has_raw_text(std::string_view name) {
    static constexpr std::array<std::string_view, 8> names = {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};
    return is_one_of(name, names);
}

// Elements that never contain other elements, and elements a browser closes by itself when a
// sibling starts (so that they never pile up): none of them adds to the depth.
bool adds_no_depth(std::string_view name) {
    static constexpr std::array<std::string_view, 38> names = {
        "area",    "base",   "br",       "col",      "embed",    "hr",  "img",    "input",
        "link",    "meta",   "param",    "source",   "track",    "wbr", "keygen", "basefont",
        "bgsound", "frame",  "image",    "isindex",  "menuitem", "p",   "li",     "dt",
        "dd",      "option", "optgroup", "tr",       "td",       "th",  "thead",  "tbody",
        "tfoot",   "rp",     "rt",       "colgroup", "caption",  "html"};
    return is_one_of(name, names) || name == "head" || name == "body" || has_raw_text(name);
}

// Position of "</name" (case-insensitive) at or after `from`, or markup.size().
std::size_t find_end_tag(std::string_view markup, std::string_view name, std::size_t from) {
    for (std::size_t at = markup.find("</", from); at != std::string_view::npos;
         at = markup.find("</", at + 2)) {
        if (markup.size() - at - 2 < name.size()) break;
        bool same = true;
        for (std::size_t k = 0; k < name.size() && same; ++k) {
            same = ascii_lower(markup[at + 2 + k]) == name[k];
        }
        if (same) return at;
    }
    return markup.size();
}

// Offset just past the '>' closing a tag whose attributes start at `from` (quoted attribute
// values may contain '>'), or markup.size() when the tag is not closed.
std::size_t find_tag_close(std::string_view markup, std::size_t from) {
    std::size_t at = from;
    while (at < markup.size()) {
        const char c = markup[at];
        if (c == '>') return at + 1;
        if (c == '=') {
            ++at;
            while (at < markup.size() && (markup[at] == ' ' || markup[at] == '\t' ||
                                          markup[at] == '\n' || markup[at] == '\r')) {
                ++at;
            }
            if (at < markup.size() && (markup[at] == '"' || markup[at] == '\'')) {
                const std::size_t quote = markup.find(markup[at], at + 1);
                if (quote == std::string_view::npos) return markup.size();
                at = quote + 1;
            }
            continue;
        }
        ++at;
    }
    return markup.size();
}

// Walks the tags, keeping a stack of open elements that end tags unwind as a browser would.
// Without `out`, stops at the first start tag beyond `max_depth` and returns true. With `out`,
// copies the markup there without such start tags and without end tags that match no open
// element, and returns whether anything was removed.
bool scan(std::string_view markup, std::size_t max_depth, std::string* out) {
    std::vector<std::string> open;
    std::size_t copied = 0;  // markup before this offset is already in `out`
    bool removed = false;
    auto drop = [&](std::size_t begin, std::size_t end) {
        removed = true;
        if (!out) return;
        out->append(markup.substr(copied, begin - copied));
        copied = end;
    };
    auto read_name = [&](std::size_t from) {
        std::string name;
        while (from + name.size() < markup.size() && is_name_char(markup[from + name.size()])) {
            name += ascii_lower(markup[from + name.size()]);
        }
        return name;
    };

    std::size_t at = 0;
    while (at < markup.size()) {
        const std::size_t lt = markup.find('<', at);
        if (lt == std::string_view::npos || lt + 1 >= markup.size()) break;
        const char next = markup[lt + 1];
        if (markup.compare(lt, 4, "<!--") == 0) {
            const std::size_t close = markup.find("-->", lt + 4);
            at = close == std::string_view::npos ? markup.size() : close + 3;
        } else if (next == '!' || next == '?') {
            const std::size_t close = markup.find('>', lt + 2);
            at = close == std::string_view::npos ? markup.size() : close + 1;
        } else if (next == '/' && lt + 2 < markup.size() && is_ascii_alpha(markup[lt + 2])) {
            const std::string name = read_name(lt + 2);
            const std::size_t close = markup.find('>', lt + 2);
            at = close == std::string_view::npos ? markup.size() : close + 1;
            std::size_t index = open.size();
            while (index > 0 && open[index - 1] != name) --index;
            if (index > 0) {
                open.resize(index - 1);
            } else if (!adds_no_depth(name)) {
                if (out) drop(lt, at);
            }
        } else if (is_ascii_alpha(next)) {
            const std::string name = read_name(lt + 1);
            at = find_tag_close(markup, lt + 1 + name.size());
            if (name == "plaintext") break;
            if (has_raw_text(name)) at = find_end_tag(markup, name, at);
            if (adds_no_depth(name)) continue;
            if (open.size() < max_depth) {
                open.push_back(name);
            } else {
                if (!out) return true;
                drop(lt, at);
            }
        } else {
            at = lt + 1;
        }
    }
    if (out) out->append(markup.substr(copied));
    return removed;
}

}  // namespace

std::optional<std::string> limit_nesting(std::string_view markup, std::size_t max_depth) {
    if (!scan(markup, max_depth, nullptr)) return std::nullopt;
    std::string limited;
    limited.reserve(markup.size());
    scan(markup, max_depth, &limited);
    return limited;
}

}  // namespace dateline::html
